import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualClock } from '../platform/clock';
import { silentLogger } from '../platform/logging';
import { fileSecretStore } from '../platform/secrets';
import { createCore } from '../main/core';
import { createTestStation } from '../main/testing/core';
import { oversizedPost, rawRequest } from '../platform/testing/raw-http';
import { startWebHost, type WebHost } from './server';

const hosts: WebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function start() {
  const station = createTestStation();
  const rendererDir = mkdtempSync(join(tmpdir(), 'quai-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Quai</title>');
  const host = await startWebHost({ core: station.core, rendererDir, port: 0 });
  hosts.push(host);
  const base = `http://127.0.0.1:${host.port}`;
  const rpc = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/rpc/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { station, host, base, rpc };
}

/** Raw request, to send a Host header fetch would not let us forge. */
function rawGet(port: number, path: string, hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A clock that can be made to fail, as a timer's work fails in the field (a disk error, a bug). */
function breakableClock() {
  const inner = manualClock();
  const state = { broken: false, thrown: 0 };
  return {
    state,
    clock: {
      now: () => {
        if (state.broken) {
          state.thrown += 1;
          throw new Error('the clock broke');
        }
        return inner.now();
      },
    },
  };
}

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying its token in the fragment', async () => {
    const { host } = await start();
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{32}$`));
  });

  it('runs operations for a caller with the token', async () => {
    const { rpc } = await start();
    const response = await rpc('setup:status', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { needsSetup: true } });
  });

  it('rejects requests without the token, or with a wrong one, and runs nothing', async () => {
    const { rpc, base, station } = await start();
    const site = { siteCode: 'X1', siteName: 'X', locale: 'fr', admin: { name: 'A', badge: 'BADGE-A', pin: '1234' } };
    const missing = await fetch(`${base}/rpc/setup:create-site`, { method: 'POST', body: JSON.stringify(site) });
    expect(missing.status).toBe(401);
    const wrong = await rpc('setup:create-site', site, { Authorization: 'Bearer not-the-token-not-the-token-xx' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(await station.client.setup.status()).toMatchObject({ value: { needsSetup: true } });
  });

  it('rejects a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const { host, rpc } = await start();
    expect(await rawGet(host.port, '/', 'evil.example')).toBe(403);
    expect(await rawGet(host.port, '/', `127.0.0.1:${host.port}`)).toBe(200);
    const foreign = await rpc('setup:status', {}, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('answers unknown channels, malformed JSON and oversized bodies without crashing', async () => {
    const { rpc } = await start();
    expect(await (await rpc('stock:teleport', {})).json()).toMatchObject({ error: { code: 'UNKNOWN_CHANNEL' } });
    const malformed = await rpc('setup:status', '{not json');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const huge = await rpc('setup:status', JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await (await rpc('setup:status', {})).json()).toMatchObject({ ok: true });
  });

  it('answers every client that sends too large a body with its 413, even one that reads only after writing it all (40 at once)', async () => {
    const { host, rpc } = await start();
    const request = oversizedPost('/rpc/setup:status', host.port, 8 * 1024 * 1024, { Authorization: `Bearer ${host.token}` });
    const answers = await Promise.all(Array.from({ length: 40 }, () => rawRequest(host.port, request.head, request.body)));
    const answered = answers.filter((answer) => answer.received.startsWith('HTTP/1.1 413'));
    const seen = answers.map((answer) => answer.received.slice(0, 12) || answer.error);
    process.stdout.write(`413 over raw sockets: ${answered.length} of ${answers.length} answered\n`);
    expect(answered.length, JSON.stringify(seen)).toBe(answers.length);
    expect(answers[0]?.received).toContain('"code":"INVALID_INPUT"');
    expect(await (await rpc('setup:status', {})).json()).toMatchObject({ ok: true });
  });

  it('keeps serving when the work of a timer fails, and tells the admin (issue #9)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'quai-timers-'));
    const { clock, state } = breakableClock();
    const core = createCore({ dataDir, clock, log: silentLogger(), timers: true, secrets: fileSecretStore(dataDir) });
    const rendererDir = mkdtempSync(join(tmpdir(), 'quai-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Quai</title>');
    const host = await startWebHost({ core, rendererDir, port: 0 });
    hosts.push(host);
    const call = async (channel: string, body: unknown) =>
      (await (
        await fetch(`http://127.0.0.1:${host.port}/rpc/${channel}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as { ok: boolean; value?: unknown };
    const site = { siteCode: 'PAR-01', siteName: 'Paris', locale: 'fr', admin: { name: 'Alice', badge: 'BADGE-A1', pin: '1234' } };
    expect(await call('setup:create-site', site)).toMatchObject({ ok: true });
    expect(await call('auth:login', { badge: 'BADGE-A1', pin: '1234' })).toMatchObject({ ok: true });

    // The idle lock runs every second: let it fail twice, then mend the clock.
    state.broken = true;
    await vi.waitFor(() => expect(state.thrown).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    state.broken = false;

    expect(await call('setup:status', {})).toMatchObject({ ok: true, value: { needsSetup: false } });
    expect(await call('diagnostics:notices', {})).toMatchObject({ ok: true, value: [{ code: 'TASK_FAILED', details: { task: 'idle-lock' } }] });
    await host.close();
    hosts.pop();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the page with the CSP header and streams events to token holders', async () => {
    const { base, host, station } = await start();
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect((await fetch(`${base}/events`)).status).toBe(401);
    // The token itself opens no stream (it must never be in a request line); a ticket bought with it does, once.
    expect((await fetch(`${base}/events?token=${host.token}`)).status).toBe(401);
    expect((await fetch(`${base}/events/ticket`, { method: 'POST' })).status).toBe(401);
    const bought = await fetch(`${base}/events/ticket`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` } });
    const { ticket } = (await bought.json()) as { ticket: string };
    expect(ticket).not.toContain(host.token);
    const events = await fetch(`${base}/events?ticket=${ticket}`);
    expect(events.status).toBe(200);
    expect((await fetch(`${base}/events?ticket=${ticket}`)).status).toBe(401);
    const reader = events.body!.getReader();
    await reader.read(); // ": connected"
    station.core.events.emit('auth:session-changed', null);
    const chunk: { value?: Uint8Array } = await reader.read();
    const value = chunk.value;
    expect(new TextDecoder().decode(value)).toBe('event: auth:session-changed\ndata: null\n\n');
    await reader.cancel();
  });
});
