import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { healthSchema, protocolErrorSchema } from '../../shared/sync/protocol';
import { startCentral } from './central';
import { oversizedPost, rawRequest } from '../platform/testing/raw-http';
import { startTestCentral, stationClient } from './testing';

describe('demo centre over HTTP', () => {
  it('answers health with its epoch, its (simulated) time and the oldest station it serves', async () => {
    const { station } = await startTestCentral();
    const answer = await station().get('/v1/health');
    expect(answer.status).toBe(200);
    const health = healthSchema.parse(answer.body);
    expect(health.serverTime).toBe('2026-11-26T08:00:00.000Z');
    expect(health.minClientVersion).toBe('0.1.0');
    expect(health.epoch.length).toBeGreaterThan(0);
  });

  it('refuses a missing or unknown token with 401 on every route', async () => {
    const { central } = await startTestCentral();
    const stranger = stationClient(central, 'qct_not-a-token');
    for (const path of ['/v1/health', '/v1/pull', '/v1/bootstrap', '/v1/test/stock']) {
      const answer = await stranger.get(path);
      expect(answer.status).toBe(401);
      expect(protocolErrorSchema.parse(answer.body).code).toBe('UNAUTHORIZED');
    }
    expect((await stranger.post('/v1/push', { events: [] })).status).toBe(401);
    const bare = await fetch(`${central.url}/v1/health`);
    expect(bare.status).toBe(401);
    expect(protocolErrorSchema.parse(await bare.json()).code).toBe('UNAUTHORIZED');
  });

  it('issues one token per station, the same every time, and tells stations apart', async () => {
    const { central } = await startTestCentral();
    expect(central.issueStationToken('dock-1')).toBe(central.issueStationToken('dock-1'));
    expect(central.issueStationToken('dock-2')).not.toBe(central.issueStationToken('dock-1'));
    expect(() => central.issueStationToken('not a station id')).toThrow(RangeError);
  });

  it('answers 400 { code, message } to bad requests, never crashing', async () => {
    const { central, station } = await startTestCentral();
    const client = station();
    const cases = [
      await client.post('/v1/push', { events: [] }),
      await client.post('/v1/push', { nothing: true }),
      await client.post('/v1/push', { events: [{ eventId: 'not-a-uuid', seq: 1 }] }),
      await client.get('/v1/pull?cursor=abc&limit=5000'),
      await client.get('/v1/pull?cursor=garbage'),
      await client.get('/v1/bootstrap?limit=0'),
      await client.get('/v1/bootstrap?page=garbage'),
      await client.post('/v1/test/fail', { count: 1, status: 418 }),
      await client.post('/v1/test/tick', { minutes: 'soon' }),
    ];
    for (const answer of cases) {
      expect(answer.status).toBe(400);
      expect(protocolErrorSchema.parse(answer.body).message.length).toBeGreaterThan(0);
    }
    const notJson = await fetch(`${central.url}/v1/push`, { method: 'POST', headers: { Authorization: `Bearer ${client.token}` }, body: '{' });
    expect(notJson.status).toBe(400);
    expect(protocolErrorSchema.parse(await notJson.json()).code).toBe('BAD_REQUEST');
    expect((await client.get('/v1/nowhere')).status).toBe(404);
    expect((await client.post('/v1/pull', {})).status).toBe(405);
    expect((await client.get('/v1/health')).status).toBe(200);
  });

  it('answers every station that pushes too large a body with its 413, even one that reads only after writing it all (40 at once)', async () => {
    const { central, station } = await startTestCentral();
    const client = station();
    const request = oversizedPost('/v1/push', central.port, 12 * 1024 * 1024, { Authorization: `Bearer ${client.token}` });
    const answers = await Promise.all(Array.from({ length: 40 }, () => rawRequest(central.port, request.head, request.body)));
    const answered = answers.filter((answer) => answer.received.startsWith('HTTP/1.1 413'));
    process.stdout.write(`demo centre 413 over raw sockets: ${answered.length} of ${answers.length} answered\n`);
    expect(answered.length, JSON.stringify(answers.map((answer) => answer.received.slice(0, 12) || answer.error))).toBe(answers.length);
    expect(answers[0]?.received).toContain('"code":"TOO_LARGE"');
    expect((await client.get('/v1/health')).status).toBe(200);
  });

  it('has no test controls without test mode: 404, even with a good token', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'quai-central-'));
    const central = await startCentral({ dataDir });
    try {
      const client = stationClient(central, central.issueStationToken('station-1'));
      expect((await client.post('/v1/test/tick', { minutes: 5 })).status).toBe(404);
      expect((await client.post('/v1/test/fail', { count: 1, status: 503 })).status).toBe(404);
      expect((await client.get('/v1/test/stock')).status).toBe(404);
      expect((await client.get('/v1/health')).status).toBe(200);
    } finally {
      await central.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps its data, tokens and epoch across a restart of the same data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'quai-central-'));
    try {
      const first = await startCentral({ dataDir });
      const token = first.issueStationToken('station-1');
      const before = healthSchema.parse((await stationClient(first, token).get('/v1/health')).body);
      await first.close();
      const second = await startCentral({ dataDir });
      const answer = await stationClient(second, token).get('/v1/health');
      expect(answer.status).toBe(200);
      expect(healthSchema.parse(answer.body).epoch).toBe(before.epoch);
      expect(second.issueStationToken('station-1')).toBe(token);
      await second.close();
      await expect(startCentral({ dataDir, seed: 7 })).rejects.toThrow(/another data folder/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
