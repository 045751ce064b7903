import { describe, expect, it, vi } from 'vitest';
import { healthSchema, protocolErrorSchema, pushResponseSchema } from '../../shared/sync/protocol';
import { controlAcknowledgedSchema } from './test-controls';
import { movement, startTestCentral, stockMoved, type StationClient } from './testing';

async function aLooseLine(client: StationClient) {
  const row = (await client.stock()).find((r) => r.container === null && r.lot === null && r.quantity >= 10);
  if (!row) throw new Error('the demo warehouse has loose stock');
  return row;
}

async function pick(client: StationClient, seq: number) {
  const row = await aLooseLine(client);
  return stockMoved(seq, [movement(row.sku, 1, row, { location: 'PACK-01' })]);
}

describe('test controls: faults', () => {
  it('fails the next requests with 503 and Retry-After, applying nothing', async () => {
    const client = (await startTestCentral()).station();
    const before = await client.stock();
    const armed = await client.control('fail', { count: 1, status: 503, retryAfter: 7 });
    expect(controlAcknowledgedSchema.parse(armed.body)).toEqual({ ok: true });
    const event = await pick(client, 1);
    const answer = await client.post('/v1/push', { events: [event] });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(protocolErrorSchema.parse(answer.body).code).toBe('UNAVAILABLE');
    expect(await client.events()).toEqual([]);
    expect(await client.stock()).toEqual(before);
    expect((await client.push([event])).results[0]?.status).toBe('applied');
  });

  it('fails the next N requests of any route with 500, then answers again', async () => {
    const client = (await startTestCentral()).station();
    await client.control('fail', { count: 2, status: 500 });
    expect((await client.get('/v1/health')).status).toBe(500);
    const second = await client.get('/v1/pull');
    expect(second.status).toBe(500);
    expect(protocolErrorSchema.parse(second.body).code).toBe('INTERNAL');
    expect(healthSchema.safeParse((await client.get('/v1/health')).body).success).toBe(true);
  });

  it('drops the connection after the push committed: the resend is a duplicate', async () => {
    const client = (await startTestCentral()).station();
    const event = await pick(client, 1);
    await client.control('drop-after-commit', { count: 1 });
    await expect(client.post('/v1/push', { events: [event] })).rejects.toThrow();
    expect((await client.events()).map((e) => [e.eventId, e.status])).toEqual([[event.eventId, 'applied']]);
    const resend = await client.push([event]);
    expect(resend.results[0]?.status).toBe('duplicate');
    expect(resend.lastProcessedSeq).toBe(1);
  });

  it('replays the previous answer of the route and handles nothing', async () => {
    const client = (await startTestCentral()).station();
    const first = await pick(client, 1);
    const second = await pick(client, 2);
    const answered = await client.push([first]);
    await client.control('replay', { count: 1 });
    const replayed = await client.post('/v1/push', { events: [second] });
    expect(replayed.status).toBe(200);
    expect(pushResponseSchema.parse(replayed.body)).toEqual(answered);
    expect((await client.events()).map((e) => e.seq)).toEqual([1]);
    expect((await client.push([second])).results[0]?.status).toBe('applied');
  });

  it('stalls a response: a station that gives up early finds its push applied when it resends', async () => {
    const client = (await startTestCentral()).station();
    const event = await pick(client, 1);
    await client.control('stall', { count: 1, ms: 1500 });
    const gaveUp = fetch(`${client.url}/v1/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${client.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ events: [event] }),
      signal: AbortSignal.timeout(50),
    });
    await expect(gaveUp).rejects.toThrow();
    expect(await client.events()).toEqual([]);
    // The centre carries on once the stall is over, as a slow server does.
    await vi.waitFor(async () => expect((await client.events()).map((e) => e.eventId)).toEqual([event.eventId]), { timeout: 5000, interval: 50 });
    expect((await client.push([event])).results[0]?.status).toBe('duplicate');
  });

  it('arms faults per station: another station is not affected', async () => {
    const { station } = await startTestCentral();
    const one = station('station-1');
    const two = station('station-2');
    await one.control('fail', { count: 1, status: 503 });
    expect((await two.get('/v1/health')).status).toBe(200);
    expect((await one.get('/v1/health')).status).toBe(503);
  });
});
