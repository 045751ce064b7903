import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicyHeader } from '../../shared/csp';
import { fail } from '../../shared/result';
import type { Core } from '../main/core';
import { guard } from '../platform/guard';
import { readJsonBody } from '../platform/http/body';
import { readStatic } from '../platform/http/static-files';

export type WebHostOptions = {
  readonly core: Core;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
};

export type WebHost = { readonly url: string; readonly port: number; readonly token: string; readonly close: () => Promise<void> };

const maxBody = 1024 * 1024;

/** An SSE ticket is good once, this soon after it was issued (EventSource cannot send a header). */
const ticketMs = 30_000;

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicyHeader,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
};

/**
 * The station in a browser, for development and e2e where Electron cannot run: the same core,
 * `POST /rpc/<channel>` and server-sent events, on 127.0.0.1 only, behind a per-run token that
 * the printed URL carries in its fragment (never sent to a server, never logged). The event stream,
 * which a browser opens without headers, takes a single-use ticket bought with the token, so the
 * token never appears in a request line (ADR 0001).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const log = options.core.log.child({ module: 'web-host' });
  const streams = new Set<ServerResponse>();
  const tickets = new Map<string, number>();
  let port = 0;

  const hasToken = (candidate: string | undefined | null): boolean => {
    const bytes = Buffer.from(candidate ?? '');
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  const authorised = (req: IncomingMessage): boolean => hasToken(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]);

  // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends its own Host header.
  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const ownOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const send = (res: ServerResponse, status: number, body: string | Buffer, type: string): void => {
    res.writeHead(status, { ...securityHeaders, 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  };
  const sendJson = (res: ServerResponse, status: number, value: unknown): void => send(res, status, JSON.stringify(value), 'application/json');

  async function handleRpc(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins().has(origin)) return sendJson(res, 403, fail('UNTRUSTED_SENDER', 'foreign origin'));
    if (!authorised(req)) return sendJson(res, 401, fail('UNTRUSTED_SENDER', 'missing or wrong station token'));
    const body = await readJsonBody(req, maxBody, {});
    if (body.kind === 'too-large') {
      // The body was read to its end (up to a bound): the client gets this answer, not a reset.
      if (!body.drained) res.setHeader('Connection', 'close');
      return sendJson(res, 413, fail('INVALID_INPUT', 'request body too large'));
    }
    if (body.kind === 'not-json') return sendJson(res, 400, fail('INVALID_INPUT', 'request body is not JSON'));
    const input = body.value;
    const result = await options.core.dispatch(channel, input, { trusted: true, description: 'web host' });
    sendJson(res, 200, result);
  }

  function issueTicket(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins().has(origin)) return sendJson(res, 403, fail('UNTRUSTED_SENDER', 'foreign origin'));
    if (!authorised(req)) return sendJson(res, 401, fail('UNTRUSTED_SENDER', 'missing or wrong station token'));
    const now = Date.now();
    for (const [ticket, expiresAt] of tickets) if (expiresAt <= now) tickets.delete(ticket);
    const ticket = randomBytes(18).toString('base64url');
    tickets.set(ticket, now + ticketMs);
    sendJson(res, 200, { ticket });
  }

  function takeTicket(candidate: string | null): boolean {
    if (candidate === null) return false;
    const expiresAt = tickets.get(candidate);
    tickets.delete(candidate);
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!takeTicket(url.searchParams.get('ticket'))) return sendJson(res, 401, fail('UNTRUSTED_SENDER', 'missing, used or expired event ticket'));
    res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const forget = (): boolean => streams.delete(res);
    req.on('close', forget);
    res.on('error', forget);
  }

  /** A page that went away is forgotten; writing to it must never throw into the core's event bus. */
  const broadcast = (frame: string): void => {
    for (const stream of streams) {
      if (stream.writableEnded || stream.destroyed) streams.delete(stream);
      else stream.write(frame);
    }
  };
  const unsubscribe = options.core.events.subscribe(
    guard(log, 'event stream write', (name, payload) => broadcast(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)),
  );
  const heartbeat = setInterval(
    guard(log, 'event stream keep-alive', () => broadcast(': keep-alive\n\n')),
    15_000,
  ).unref();

  const server = createServer((req, res) => {
    void (async () => {
      if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, 'forbidden host', 'text/plain');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const rpc = /^\/rpc\/([a-z-]+:[a-z-]+)$/.exec(url.pathname);
      if (req.method === 'POST' && rpc?.[1]) return handleRpc(req, res, rpc[1]);
      if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) return sendJson(res, 200, fail('UNKNOWN_CHANNEL', 'no such operation'));
      if (req.method === 'POST' && url.pathname === '/events/ticket') return issueTicket(req, res);
      if (req.method === 'GET' && url.pathname === '/events') return handleEvents(req, res, url);
      if (req.method !== 'GET') return send(res, 405, 'method not allowed', 'text/plain');
      const file = await readStatic(options.rendererDir, url.pathname);
      if (!file) return send(res, 404, 'not found', 'text/plain');
      return send(res, 200, file.body, file.type);
    })().catch((error: unknown) => {
      log.error({ err: error }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', 'internal error'));
      else res.end();
    });
  });

  // A port already taken fails the start (the host says why), never an unhandled 'error' event.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on(
    'error',
    guard(log, 'web host server', (error: Error) => log.error({ err: error }, 'web host server error')),
  );
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  log.info({ port }, 'web host listening on 127.0.0.1');

  return {
    url,
    port,
    token,
    close: async () => {
      unsubscribe();
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      // Keep-alive connections (a page reopening its event stream on one) must not hold the close.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
