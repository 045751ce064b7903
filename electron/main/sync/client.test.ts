import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCentreClient, parseRetryAfter, SyncFailure } from './client';
import { backoffDelay, syncTiming } from './engine';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A fake centre answering each request with `respond`; enough to test the client's own rules. */
async function fakeCentre(respond: (url: string, res: ServerResponse) => void): Promise<string> {
  const server = createServer((req, res) => respond(req.url ?? '', res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const failureOf = async (promise: Promise<unknown>): Promise<SyncFailure> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
};

describe('centre client', () => {
  it('gives up when the first byte does not come in time', async () => {
    const url = await fakeCentre(() => undefined); // never answers
    const client = createCentreClient({ baseUrl: url, token: 't', timeouts: { firstByteMs: 100, totalMs: 1000 } });
    expect(await failureOf(client.health())).toMatchObject({ kind: 'timeout' });
  });

  it('gives up when the whole answer does not come in time', async () => {
    const url = await fakeCentre((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"epoch":'); // headers and half a body, then silence
    });
    const client = createCentreClient({ baseUrl: url, token: 't', timeouts: { firstByteMs: 1000, totalMs: 150 } });
    expect(await failureOf(client.health())).toMatchObject({ kind: 'timeout' });
  });

  it('reads Retry-After on a 503, and names auth failures apart', async () => {
    const url = await fakeCentre((path, res) => {
      if (path.startsWith('/v1/health')) {
        res.writeHead(503, { 'Retry-After': '7' });
        res.end('{}');
      } else {
        res.writeHead(401);
        res.end('{}');
      }
    });
    const client = createCentreClient({ baseUrl: url, token: 't' });
    expect(await failureOf(client.health())).toMatchObject({ kind: 'http', status: 503, retryAfterMs: 7000 });
    expect(await failureOf(client.pullPage(null, 10))).toMatchObject({ kind: 'auth' });
  });

  it('refuses an answer that does not follow the protocol', async () => {
    const url = await fakeCentre((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"epoch": 3}');
    });
    expect(await failureOf(createCentreClient({ baseUrl: url, token: 't' }).health())).toMatchObject({ kind: 'protocol' });
  });

  it('says the network is down when nothing listens', async () => {
    const client = createCentreClient({ baseUrl: 'http://127.0.0.1:9', token: 't', timeouts: { firstByteMs: 2000, totalMs: 2000 } });
    expect(await failureOf(client.health())).toMatchObject({ kind: 'network' });
  });
});

describe('retry timing', () => {
  it('parses Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter, from 1 s to 5 min', () => {
    expect(backoffDelay(1, () => 0.999)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(4, () => 0.999)).toBeCloseTo(8000, -2);
    expect(backoffDelay(30, () => 0.999)).toBeLessThanOrEqual(syncTiming.backoffMaxMs);
    expect(backoffDelay(30, () => 0.999)).toBeGreaterThan(syncTiming.backoffMaxMs * 0.99);
    expect(backoffDelay(5, () => 0)).toBe(0);
  });
});
