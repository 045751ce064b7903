import { describe, expect, it, vi } from 'vitest';
import { sql } from '../../platform/db/sql';
import { connectedStation, expectConsistent, movableStock, settle, sortRows, startSmallCentral, stationStock, type ConnectedStation } from '../testing/centre';
import { appendEvent } from './outbox';

async function move(station: ConnectedStation, times: number): Promise<void> {
  const { gtin, from, to } = movableStock(station.core.db);
  for (let i = 0; i < times; i += 1) {
    const [a, b] = i % 2 === 0 ? [from, to] : [to, from];
    const moved = await station.client.stock.move({ from: a, to: b, gtin, quantity: 1 });
    if (!moved.ok) throw new Error(moved.error.code);
  }
}

const lastChangeId = (station: ConnectedStation): number =>
  station.core.db.read.get<{ last_change_id: number }>(sql`SELECT last_change_id FROM sync_state`)?.last_change_id ?? 0;

describe('sync with the centre', () => {
  it('bootstraps the catalogue, locations, orders and the opening stock, then pushes each move once', async () => {
    const centre = await startSmallCentral();
    const station = await connectedStation(centre);
    expect(sortRows(stationStock(station.core.db))).toEqual(sortRows(await station.centre.stock()));
    const orders = await station.client.orders.nextDay({});
    expect(orders.ok && orders.value.orders.length).toBeGreaterThan(0);
    await move(station, 5);
    expect(station.core.sync.status().pending).toBe(5);
    await settle(station);
    await expectConsistent(station);
  });

  it('survives 500s: nothing lost, nothing twice', async () => {
    const centre = await startSmallCentral();
    const station = await connectedStation(centre);
    await move(station, 3);
    await station.centre.control('fail', { count: 2, status: 500 });
    expect(await station.core.sync.syncNow()).toMatchObject({ state: 'failing', pending: 3, lastError: { kind: 'http' } });
    await settle(station);
    await expectConsistent(station);
  });

  it('honours 503 + Retry-After before trying again by itself', async () => {
    const centre = await startSmallCentral();
    const station = await connectedStation(centre);
    await move(station, 2);
    await station.centre.control('fail', { count: 1, status: 503, retryAfter: 120 });
    const failed = await station.core.sync.syncNow();
    expect(failed.state).toBe('failing');
    expect(Date.parse(failed.nextAttemptAt ?? '') - station.clock.now()).toBeGreaterThanOrEqual(120_000);
    await settle(station);
    await expectConsistent(station);
  });

  it('times out a stalled centre and then gets through, the late push counting as a duplicate', async () => {
    const centre = await startSmallCentral();
    const station = await connectedStation(centre);
    await move(station, 2);
    await station.centre.control('stall', { count: 1, ms: 2500 });
    expect(await station.core.sync.syncNow()).toMatchObject({ state: 'failing', lastError: { kind: 'timeout' } });
    // The stalled request lands after the station gave up: exactly the case to survive.
    await vi.waitFor(async () => expect((await station.centre.events()).filter((event) => event.type === 'stock.moved')).toHaveLength(2), {
      timeout: 30_000,
      interval: 50,
    });
    await settle(station);
    await expectConsistent(station);
  });

  it('re-pushes after the connection drops once the centre has committed: duplicates, not doubles', async () => {
    const centre = await startSmallCentral();
    const station = await connectedStation(centre);
    await move(station, 4);
    await station.centre.control('drop-after-commit', { count: 1 });
    expect(await station.core.sync.syncNow()).toMatchObject({ state: 'failing', lastError: { kind: 'network' } });
    await settle(station);
    const outcomes = station.core.db.read.all<{ outcome: string }>(sql`SELECT DISTINCT outcome FROM outbox WHERE type LIKE 'stock.%'`);
    expect(outcomes).toEqual([{ outcome: 'duplicate' }]);
    await expectConsistent(station);
  });

  it('ignores a replayed (older) answer: the cursor never goes back', async () => {
    const centre = await startSmallCentral();
    const station = await connectedStation(centre);
    await station.centre.control('tick', { minutes: 120 });
    await settle(station);
    const before = lastChangeId(station);
    expect(before).toBeGreaterThan(0);
    await station.centre.control('tick', { minutes: 60 });
    await station.centre.control('replay', { count: 2 });
    // Two cycles get stale answers (the previous pull again): nothing applied, nothing lost.
    for (let cycle = 0; cycle < 2; cycle += 1) {
      await station.core.sync.syncNow();
      expect(lastChangeId(station)).toBe(before);
    }
    await settle(station);
    expect(lastChangeId(station)).toBeGreaterThan(before);
    await expectConsistent(station);
  });

  it('lets one bad event be rejected without blocking the others', async () => {
    const centre = await startSmallCentral();
    const station = await connectedStation(centre);
    await move(station, 1);
    const bad = station.core.db.write((tx) =>
      appendEvent(tx, {
        type: 'stock.adjusted',
        at: station.clock.now(),
        actor: null,
        payload: {
          movements: [
            {
              kind: 'adjustment',
              sku: 'NO-SUCH-SKU',
              lot: null,
              from: { location: null, container: null },
              to: { location: 'X', container: null },
              quantity: 1,
            },
          ],
          reason: 'test',
        },
      }),
    );
    await move(station, 1);
    await settle(station);
    const exceptions = await station.client.sync.exceptions();
    expect(exceptions.ok && exceptions.value.map((e) => [e.seq, e.outcome])).toEqual([[bad.seq, 'rejected']]);
    await expectConsistent(station);
  });

  it('re-pushes what a centre restored from an older backup lost, and reloads its data', async () => {
    const centre = await startSmallCentral();
    const station = await connectedStation(centre);
    await move(station, 2);
    await settle(station);
    await station.centre.control('backup');
    await move(station, 3);
    await station.centre.control('tick', { minutes: 90 }); // orders placed after the backup
    await settle(station);
    const stockEvents = async (): Promise<number> => (await station.centre.events()).filter((event) => event.type?.startsWith('stock.')).length;
    expect(await stockEvents()).toBe(5);
    // An order the centre no longer has (it was withdrawn while we were on the old epoch).
    station.core.db.write((tx) =>
      tx.run(sql`INSERT INTO customer_order (order_id, ship_date, carrier, service, cutoff, status, version, pulled_at)
                 VALUES ('ORD-GONE', '2026-11-27', 'dpd', 'Predict', '2026-11-27T10:30:00Z', 'open', 1, 0)`),
    );
    await station.centre.control('restore');
    expect(await stockEvents()).toBe(2);

    await move(station, 1);
    await settle(station);
    expect(station.core.db.read.get(sql`SELECT bootstrapped FROM sync_state`)).toEqual({ bootstrapped: 1 });
    await expectConsistent(station);
    // The orders are the restored centre's again; what its snapshot lacks is marked gone here (kept,
    // since station work may refer to it), never deleted.
    const centreOrders = (await station.centre.bootstrap()).flatMap((page) => page.records.filter((r) => r.entity === 'order').map((r) => r.key)).sort();
    const stationOrders = station.core.db.read
      .all<{ order_id: string }>(sql`SELECT order_id FROM customer_order WHERE gone_at IS NULL ORDER BY order_id`)
      .map((row) => row.order_id);
    expect(stationOrders).toEqual(centreOrders);
    expect(station.core.db.read.get(sql`SELECT gone_at IS NOT NULL AS gone FROM customer_order WHERE order_id = 'ORD-GONE'`)).toEqual({ gone: 1 });
  });

  it('works with station clocks two hours off either way: ownership, not timestamps', async () => {
    const centre = await startSmallCentral();
    for (const offset of [2 * 3600_000, -2 * 3600_000]) {
      const station = await connectedStation(centre, { clockOffsetMs: offset });
      await move(station, 3);
      await settle(station);
      await expectConsistent(station);
    }
  });

  it('drops an order the centre cancelled from the next-day list after the next pull', async () => {
    const centre = await startSmallCentral();
    const station = await connectedStation(centre);
    const before = await station.client.orders.nextDay({});
    const victim = before.ok ? before.value.orders[0] : undefined;
    if (!victim) throw new Error('the centre has orders for the next ship date');
    await station.centre.control('cancel-order', { orderId: victim.orderId });
    await settle(station);
    const after = await station.client.orders.nextDay({ shipDate: before.ok ? before.value.shipDate : undefined });
    expect(after.ok && after.value.orders.map((order) => order.orderId)).not.toContain(victim.orderId);
    expect(after.ok && after.value.orders).toHaveLength(before.ok ? before.value.orders.length - 1 : 0);
  });

  it('keeps every scan while the centre is gone for long, then says the station is stale', async () => {
    const centre = await startSmallCentral();
    const station = await connectedStation(centre);
    await move(station, 2);
    await station.centre.control('fail', { count: 50, status: 500 });
    await station.core.sync.syncNow();
    station.clock.advance(31 * 60_000);
    expect(await station.core.sync.syncNow()).toMatchObject({ state: 'failing', stale: true, pending: 2 });
    await station.client.auth.unlock({ pin: '2580' }); // the half hour locked the station too
    const exported = await station.client.sync.exportUnsynced();
    expect(exported).toMatchObject({ ok: true, value: { count: 2 } });
  });
});
