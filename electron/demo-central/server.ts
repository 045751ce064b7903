import { readJsonBody } from '../platform/http/body';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../platform/logging';
import { toIso } from '../platform/clock';
import { demoEnrolRequestSchema, protocolVersion, type Health } from '../../shared/sync/protocol';
import { handleBootstrap } from './bootstrap';
import { isTestControl, readDispatchControl, readEventsControl, readExceptionsControl, readStockControl, runControl, type ControlDeps } from './controls';
import { parisDayOf } from './generate';
import { describeIssues, ok, problem, type Reply } from './http';
import { handlePull } from './pull';
import { handlePush } from './push';
import { handleReconcile } from './reconcile';
import { handleSsccBlock } from './sscc-blocks';
import { readSiteConfig } from './site-objects';
import { readEpoch, readMeta } from './store';
import { issueStationToken, stationForToken } from './tokens';

export type CentralServerOptions = ControlDeps & {
  readonly host: string;
  readonly port: number;
  readonly testMode: boolean;
  readonly minClientVersion: string;
  readonly log: Logger;
};

export type CentralServer = { readonly port: number; readonly close: () => Promise<void> };

/** A push of 200 events with long movement lists stays far below this. */
const maxBody = 4 * 1024 * 1024;

type CentralRequest = { readonly stationId: string; readonly url: URL; readonly body: unknown };
type ProtocolRoute = 'GET /v1/health' | 'POST /v1/push' | 'GET /v1/pull' | 'GET /v1/bootstrap' | 'GET /v1/reconcile' | 'POST /v1/sscc-blocks';

const protocolRoutes = new Set<string>(['GET /v1/health', 'POST /v1/push', 'GET /v1/pull', 'GET /v1/bootstrap', 'GET /v1/reconcile', 'POST /v1/sscc-blocks']);
const knownPaths = new Set([
  '/v1/health',
  '/v1/push',
  '/v1/pull',
  '/v1/bootstrap',
  '/v1/reconcile',
  '/v1/sscc-blocks',
  '/v1/demo/enrol',
  '/v1/test/stock',
  '/v1/test/events',
  '/v1/test/exceptions',
  '/v1/test/dispatch',
]);

const bearer = (req: IncomingMessage): string | undefined => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...reply.headers });
  res.end(reply.json ?? JSON.stringify(reply.body));
}

/**
 * The centre over HTTP (docs/protocol.md), written like electron/host/server.ts: node:http, JSON,
 * loopback by default. Every request is authenticated by its station token; every input is parsed
 * by a zod schema at this boundary and a bad one is a 400 `{ code, message }`, never a crash.
 * Before a protocol route runs, the station's armed faults (test mode) may fail, stall or replay
 * it; after it ran (and committed), they may drop the connection instead of answering.
 */
export async function startCentralServer(options: CentralServerOptions): Promise<CentralServer> {
  const { store, simulation, faults, log } = options;
  const stopping = new AbortController();

  const protocol: Record<ProtocolRoute, (request: CentralRequest) => Reply> = {
    'GET /v1/health': ({ stationId }) => {
      const read = store.db().read;
      const health: Health = {
        epoch: readEpoch(read),
        serverTime: toIso(simulation.now()),
        minClientVersion: options.minClientVersion,
        protocolVersion,
        siteId: readMeta(read, 'site-id') ?? 'DEMO',
        stationId,
        siteConfigured: readSiteConfig(read) !== null,
      };
      return ok(health);
    },
    'POST /v1/push': ({ stationId, body }) => handlePush(store.db(), stationId, body, simulation.now()),
    'GET /v1/pull': ({ stationId, url }) => handlePull(store.db(), stationId, url.searchParams),
    'GET /v1/bootstrap': ({ stationId, url }) => handleBootstrap(store.db(), stationId, url.searchParams, parisDayOf(simulation.now())),
    'GET /v1/reconcile': ({ url }) => handleReconcile(store.db(), url.searchParams),
    'POST /v1/sscc-blocks': ({ stationId, body }) => handleSsccBlock(store.db(), stationId, body, simulation.now()),
  };

  async function runProtocol(route: ProtocolRoute, request: CentralRequest, res: ServerResponse): Promise<void> {
    const { stationId } = request;
    const failure = faults.takeFailure(stationId);
    if (failure) return send(res, failure);
    const stall = faults.takeStall(stationId);
    if (stall > 0) await sleep(stall, undefined, { signal: stopping.signal });
    const replay = faults.takeReplay(stationId, route);
    if (replay) return send(res, replay);
    simulation.catchUp();
    const reply = protocol[route](request);
    faults.remember(stationId, route, reply);
    if (faults.takeDrop(stationId)) {
      // The push transaction has committed: the station must find out by pushing again (duplicates).
      res.socket?.destroy();
      return;
    }
    send(res, reply);
  }

  async function runTest(req: IncomingMessage, path: string, request: CentralRequest): Promise<Reply> {
    simulation.catchUp();
    if (req.method === 'GET' && path === '/v1/test/stock') return readStockControl(options);
    if (req.method === 'GET' && path === '/v1/test/exceptions') return readExceptionsControl(options);
    if (req.method === 'GET' && path === '/v1/test/dispatch') return readDispatchControl(options);
    if (req.method === 'GET' && path === '/v1/test/events') return readEventsControl(options, request.stationId, request.url.searchParams.get('site') === '1');
    const control = path.slice('/v1/test/'.length);
    if (req.method === 'POST' && isTestControl(control)) return runControl(options, request.stationId, control, request.body);
    return problem(405, 'METHOD_NOT_ALLOWED', `${req.method ?? '?'} ${path}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://centre.invalid');
    const path = url.pathname;
    const isTest = path.startsWith('/v1/test/');
    // Without --test-mode the controls do not exist, whoever asks.
    if (isTest && !options.testMode) return send(res, problem(404, 'NOT_FOUND', `no ${path}`));
    if (!knownPaths.has(path) && !(isTest && isTestControl(path.slice('/v1/test/'.length)))) return send(res, problem(404, 'NOT_FOUND', `no ${path}`));
    const route = `${req.method ?? ''} ${path}`;
    if (!isTest && path !== '/v1/demo/enrol' && !protocolRoutes.has(route)) return send(res, problem(405, 'METHOD_NOT_ALLOWED', route));

    let body: unknown = undefined;
    if (req.method === 'POST') {
      const read = await readJsonBody(req, maxBody, undefined);
      if (read.kind === 'too-large') {
        // Read to its end (up to a bound), so the station gets this answer and not a reset (issue #9).
        if (!read.drained) res.setHeader('Connection', 'close');
        return send(res, problem(413, 'TOO_LARGE', `request body over ${maxBody} bytes`));
      }
      if (read.kind === 'not-json') return send(res, problem(400, 'BAD_REQUEST', 'request body is not JSON'));
      body = read.value;
    }

    // A demo centre hands any station on this machine its token (docs/protocol.md, demo centre).
    if (path === '/v1/demo/enrol') {
      if (req.method !== 'POST') return send(res, problem(405, 'METHOD_NOT_ALLOWED', route));
      const enrol = demoEnrolRequestSchema.safeParse(body);
      if (!enrol.success) return send(res, problem(400, 'BAD_REQUEST', describeIssues(enrol.error.issues)));
      const token = store.db().write((tx) => issueStationToken(tx, enrol.data.stationId, simulation.now()));
      return send(res, ok({ stationId: enrol.data.stationId, token }));
    }

    const stationId = stationForToken(store.db().read, bearer(req));
    if (!stationId) return send(res, problem(401, 'UNAUTHORIZED', 'missing or unknown station token'));
    const request: CentralRequest = { stationId, url, body };
    if (isTest) return send(res, await runTest(req, path, request));
    return runProtocol(route as ProtocolRoute, request, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (stopping.signal.aborted) {
        res.destroy();
        return;
      }
      log.error({ err: error, method: req.method, url: req.url }, 'request failed');
      if (!res.headersSent) send(res, problem(500, 'INTERNAL', 'internal error'));
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log.info({ host: options.host, port, testMode: options.testMode }, 'demo centre listening');

  return {
    port,
    close: async () => {
      // Stalled requests give up; keep-alive connections are not left to time out.
      stopping.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
