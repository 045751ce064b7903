import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/sync/protocol';
import { orderControlDoneSchema, tickDoneSchema } from './test-controls';
import { recordsOf, startTestCentral, type StationClient } from './testing';

type Change = PullResponse['changes'][number];
type OrderChange = Extract<Change, { entity: 'order' }>;

const orderChanges = (changes: readonly Change[]): OrderChange[] => changes.filter((c): c is OrderChange => c.entity === 'order');

async function pullAll(client: StationClient, cursor: string): Promise<{ changes: Change[]; cursor: string }> {
  const changes: Change[] = [];
  for (;;) {
    const page = await client.pull(cursor, 1000);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

async function startCursor(client: StationClient): Promise<string> {
  return (await client.bootstrap(5000))[0]?.cursor ?? '';
}

describe('simulated time', () => {
  it('brings new orders as pull changes when time ticks', async () => {
    const client = (await startTestCentral()).station();
    const cursor = await startCursor(client);
    const tick = tickDoneSchema.parse((await client.control('tick', { minutes: 60 })).body);
    expect(tick.simulatedTime).toBe('2026-11-26T09:00:00.000Z');
    const { changes } = await pullAll(client, cursor);
    const orders = orderChanges(changes);
    const fresh = orders.filter((o) => o.data?.version === 1);
    expect(fresh.length).toBe(tick.released.orders);
    expect(fresh.length).toBeGreaterThan(30);
    expect(fresh.every((o) => o.op === 'upsert' && o.data?.shipDate === '2026-11-27' && o.data.status === 'open')).toBe(true);
    expect(new Set(fresh.map((o) => o.data?.carrier))).toEqual(new Set(['colissimo', 'chronopost', 'dpd']));
  });

  it('changes and cancels orders until the evening cutoff, then starts the next day at midnight', async () => {
    const client = (await startTestCentral()).station();
    let cursor = await startCursor(client);
    const released = { orders: 0, changes: 0, cancellations: 0, asns: 0 };
    // 09:00 → 20:00 Paris, an hour at a time.
    for (let hour = 0; hour < 11; hour++) {
      const tick = tickDoneSchema.parse((await client.control('tick', { minutes: 60 })).body).released;
      for (const key of Object.keys(released) as (keyof typeof released)[]) released[key] += tick[key];
    }
    const day = await pullAll(client, cursor);
    cursor = day.cursor;
    const orders = orderChanges(day.changes);
    expect(released.changes).toBeGreaterThan(10);
    expect(released.cancellations).toBeGreaterThan(5);
    expect(orders.filter((o) => o.data?.status === 'cancelled')).toHaveLength(released.cancellations);
    expect(orders.filter((o) => o.data?.status === 'open' && o.data.version > 1)).toHaveLength(released.changes);
    // Versions only go up, one per change, order by order.
    const versions = new Map<string, number>();
    for (const order of orders) {
      const version = order.data?.version ?? 0;
      expect(version).toBe((versions.get(order.key) ?? version - 1) + 1);
      versions.set(order.key, version);
    }

    // 20:00 → 23:00: the cutoff has passed, nothing new for tomorrow.
    expect(tickDoneSchema.parse((await client.control('tick', { minutes: 180 })).body).released.orders).toBe(0);
    // Past midnight: orders for the day after, and its ASNs.
    const night = tickDoneSchema.parse((await client.control('tick', { minutes: 180 })).body);
    expect(night.released.asns).toBe(3);
    const next = await pullAll(client, cursor);
    expect(new Set(orderChanges(next.changes).map((o) => o.data?.shipDate))).toEqual(new Set(['2026-11-28']));
    expect(recordsOf(next.changes, 'asn').every((a) => a.data?.expectedOn === '2026-11-28')).toBe(true);
  });

  it('shows a cancel and a change made by the centre in pull, with status and version', async () => {
    const client = (await startTestCentral()).station();
    const pages = await client.bootstrap(5000);
    const cursor = pages[0]?.cursor ?? '';
    const sku =
      recordsOf(
        pages.flatMap((p) => p.records),
        'product',
      )[0]?.key ?? '';
    const changed = orderControlDoneSchema.parse((await client.control('change-order', { orderId: 'MP-261127-0000010', lines: [{ sku, quantity: 1 }] })).body);
    const cancelled = orderControlDoneSchema.parse((await client.control('cancel-order', { orderId: 'MP-261127-0000011' })).body);
    const again = orderControlDoneSchema.parse((await client.control('cancel-order', { orderId: 'MP-261127-0000011' })).body);
    expect(again.changed).toBe(false);
    const { changes } = await pullAll(client, cursor);
    expect(orderChanges(changes).map((c) => c.data)).toEqual([changed.order, cancelled.order]);
    expect(changed.order).toMatchObject({ version: 2, status: 'open' });
    expect(changed.order.lines.map((l) => l.sku)).toEqual([sku]);
    expect(cancelled.order).toMatchObject({ version: 2, status: 'cancelled' });
    expect((await client.control('cancel-order', { orderId: 'MP-000000-0000000' })).status).toBe(404);
    expect((await client.control('change-order', { orderId: 'MP-261127-0000011', lines: [{ sku, quantity: 1 }] })).status).toBe(409);
    expect((await client.control('change-order', { orderId: 'MP-261127-0000012', lines: [{ sku: 'NOPE', quantity: 1 }] })).status).toBe(400);
  });

  it('is deterministic: the same seed gives the same orders and the same stream', async () => {
    const run = async (seed: number) => {
      const client = (await startTestCentral({ seed })).station();
      const pages = await client.bootstrap(5000);
      await client.control('tick', { minutes: 120 });
      const { changes } = await pullAll(client, pages[0]?.cursor ?? '');
      const records = pages.flatMap((p) => p.records);
      return { orders: recordsOf(records, 'order'), asns: recordsOf(records, 'asn'), stream: changes.map(({ changeId: _, ...c }) => c) };
    };
    const [one, two, other] = await Promise.all([run(2611), run(2611), run(99)]);
    expect(two).toEqual(one);
    expect(other.orders).not.toEqual(one.orders);
  });
});
