import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicyHeader } from '../../shared/csp';
import { fail } from '../../shared/result';
import type { Core } from '../main/core';
import { readBody } from '../platform/http/body';
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
 * the printed URL carries in its fragment (never sent to a server, never logged).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const log = options.core.log.child({ module: 'web-host' });
  const streams = new Set<ServerResponse>();
  let port = 0;

  const hasToken = (candidate: string | undefined | null): boolean => {
    const bytes = Buffer.from(candidate ?? '');
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

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
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!hasToken(bearer)) return sendJson(res, 401, fail('UNTRUSTED_SENDER', 'missing or wrong station token'));
    const declared = Number(req.headers['content-length'] ?? 0);
    const body = declared > maxBody ? null : await readBody(req, maxBody);
    if (body === null) {
      // Do not read the rest: answer and close the connection.
      res.setHeader('Connection', 'close');
      sendJson(res, 413, fail('INVALID_INPUT', 'request body too large'));
      req.destroy();
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendJson(res, 200, fail('INVALID_INPUT', 'request body is not JSON'));
    }
    const result = await options.core.dispatch(channel, input, { trusted: true, description: 'web host' });
    sendJson(res, 200, result);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!hasToken(url.searchParams.get('token'))) return sendJson(res, 401, fail('UNTRUSTED_SENDER', 'missing or wrong station token'));
    res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  const unsubscribe = options.core.events.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n');
  }, 15_000).unref();

  const server = createServer((req, res) => {
    void (async () => {
      if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, 'forbidden host', 'text/plain');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const rpc = /^\/rpc\/([a-z-]+:[a-z-]+)$/.exec(url.pathname);
      if (req.method === 'POST' && rpc?.[1]) return handleRpc(req, res, rpc[1]);
      if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) return sendJson(res, 200, fail('UNKNOWN_CHANNEL', 'no such operation'));
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

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
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
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
