import { describe, expect, it } from 'vitest';
import { healthSchema, protocolErrorSchema, seqGapSchema } from '../../shared/sync/protocol';
import { backupDoneSchema, restoreDoneSchema } from './test-controls';
import { movement, startTestCentral, stockMoved, type StationClient } from './testing';

async function aLooseLine(client: StationClient) {
  const row = (await client.stock()).find((r) => r.container === null && r.lot === null && r.quantity >= 10);
  if (!row) throw new Error('the demo warehouse has loose stock');
  return row;
}

describe('test controls: backup and restore', () => {
  it('loses everything after the backup and changes the epoch, as a real restore does', async () => {
    const { station } = await startTestCentral();
    const client = station();
    const row = await aLooseLine(client);
    const events = [1, 2, 3, 4].map((seq) => stockMoved(seq, [movement(row.sku, 1, row, { location: 'PACK-01' })]));
    const epochBefore = healthSchema.parse((await client.get('/v1/health')).body).epoch;
    const [snapshot] = await client.bootstrap(5000);
    const oldCursor = snapshot?.cursor ?? '';

    await client.push(events.slice(0, 2));
    const stockAtBackup = await client.stock();
    const backup = backupDoneSchema.parse((await client.control('backup')).body);
    expect(backup.epoch).toBe(epochBefore);
    await client.push(events.slice(2));
    await client.control('cancel-order', { orderId: 'MP-261127-0000001' });
    expect((await client.pull(oldCursor)).changes.map((change) => change.entity)).toEqual(['movement', 'movement', 'movement', 'movement', 'order']);

    const restored = restoreDoneSchema.parse((await client.control('restore')).body);
    expect(restored.previousEpoch).toBe(epochBefore);
    expect(restored.epoch).not.toBe(epochBefore);
    expect(healthSchema.parse((await client.get('/v1/health')).body).epoch).toBe(restored.epoch);

    const pulled = await client.pull(oldCursor);
    expect(pulled).toMatchObject({ mustRefetch: true, lastProcessedSeq: 2, epoch: restored.epoch });
    expect(await client.stock()).toEqual(stockAtBackup);
    expect((await client.events()).map((e) => e.seq)).toEqual([1, 2]);
    const bootstrapped = (await client.bootstrap(5000)).flatMap((p) => p.records);
    expect(bootstrapped.find((r) => r.key === 'MP-261127-0000001')?.data).toMatchObject({ status: 'open', version: 1 });

    // The station resends from lastProcessedSeq + 1: the lost events are new again.
    const gap = await client.post('/v1/push', { events: [stockMoved(5, [])] });
    expect(gap.status).toBe(409);
    expect(seqGapSchema.parse(gap.body)).toMatchObject({ lastProcessedSeq: 2, epoch: restored.epoch });
    const resent = await client.push(events.slice(2));
    expect(resent.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(resent.lastProcessedSeq).toBe(4);
  });

  it('still knows a station registered after the backup, with nothing processed', async () => {
    const { station } = await startTestCentral();
    const first = station('station-1');
    await first.control('backup');
    const late = station('station-2');
    await late.push([stockMoved(1, [])]);
    await first.control('restore');
    const answer = await late.pull(null);
    expect(answer.lastProcessedSeq).toBe(0);
    expect((await late.stock()).length).toBeGreaterThan(0);
  });

  it('refuses to restore when no backup was made', async () => {
    const client = (await startTestCentral()).station();
    const answer = await client.control('restore');
    expect(answer.status).toBe(409);
    expect(protocolErrorSchema.parse(answer.body).code).toBe('NO_BACKUP');
  });
});
