import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { settle } from '../testing/centre';
import { lastAudit, packOrder, pickedSite } from '../testing/packing';
import { ok } from '../testing/picking';

// The shift lead's dashboard and the close of day (issue #13).

describe('the shift lead’s day', () => {
  it('counts the run’s orders picked, packed and dispatched per carrier and cutoff, and forecasts packing from the last hour', async () => {
    const { office, run } = await pickedSite();
    const orders = run.orders.map((order) => order.orderId);
    const before = ok(await office.client.dashboard.today());
    const board = before.boards.find((candidate) => candidate.carrier === run.carrier && candidate.cutoff === run.cutoff);
    expect(board).toBeDefined();
    expect(board?.picked).toBe(orders.length);
    expect(board?.packed).toBe(0);
    expect(board?.forecast.pack.verdict).toBe('no_rate');

    const parcel = await packOrder(office, orders[0] as string, 300);
    const trailer = ok(await office.client.dispatch.open({ carrier: run.carrier, label: 'TR-9' }));
    ok(await office.client.dispatch.load({ trailerId: trailer.trailerId, code: parcel.sscc }));
    const view = ok(await office.client.dashboard.today());
    const after = view.boards.find((candidate) => candidate.carrier === run.carrier && candidate.cutoff === run.cutoff);
    expect(after).toMatchObject({ picked: orders.length, packed: 1, dispatched: 1 });
    // One packed in the last hour by one person: the rate the forecast stands on.
    expect(after?.forecast.pack).toMatchObject({ perHour: 1, people: 1 });
    expect(after?.forecast.pack.remaining).toBeGreaterThanOrEqual(orders.length - 1);
    // The chart's last point is now, with everything done so far.
    expect(view.series.at.at(-1)).toBe(view.at);
    expect([view.series.picked.at(-1), view.series.packed.at(-1), view.series.dispatched.at(-1)]).toEqual([
      view.boards.reduce((sum, one) => sum + one.picked, 0),
      1,
      1,
    ]);
  });

  it('closes the day only for a shift lead, once everything is pushed and every order left or is explained', async () => {
    const { office, trolley, run } = await pickedSite();
    const orders = run.orders.map((order) => order.orderId);
    // The trolley's picker: refused in main, audited.
    expect(await trolley.client.dashboard.closeDay({ explained: [] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(lastAudit(trolley, 'dashboard:close-day')?.outcome).toBe('refused');

    const parcel = await packOrder(office, orders[0] as string, 400);
    const trailer = ok(await office.client.dispatch.open({ carrier: run.carrier, label: 'TR-10' }));
    ok(await office.client.dispatch.load({ trailerId: trailer.trailerId, code: parcel.sscc }));
    const dueNow = ok(await office.client.dispatch.trailer({ trailerId: trailer.trailerId })).due.map((due) => due.orderId);
    ok(await office.client.dispatch.close({ trailerId: trailer.trailerId, missing: dueNow.map((orderId) => ({ orderId, reason: 'next truck' })) }));

    // Events not pushed yet: the screen shows how many, and main refuses.
    expect(ok(await office.client.dashboard.dayLeft()).pending).toBeGreaterThan(0);
    expect(await office.client.dashboard.closeDay({ explained: [] })).toMatchObject({ ok: false, error: { code: 'DAY_NOT_PUSHED' } });
    await settle(office);
    const left = ok(await office.client.dashboard.dayLeft());
    expect(left).toMatchObject({ pending: 0, closed: false });
    expect(left.left.map((order) => order.orderId)).not.toContain(parcel.orderId);
    expect(left.left.filter((order) => orders.includes(order.orderId)).every((order) => order.state === 'not_packed')).toBe(true);
    // Orders that left on no trailer must each be explained.
    const unexplained = await office.client.dashboard.closeDay({ explained: [] });
    expect(unexplained).toMatchObject({ ok: false, error: { code: 'DAY_UNEXPLAINED' } });
    expect(lastAudit(office, 'dashboard:close-day')?.outcome).toBe('refused');
    const day = ok(await office.client.dashboard.today());
    const allOpen = office.core.db.read
      .all<{ order_id: string }>(sql`SELECT order_id FROM customer_order WHERE ship_date = ${day.shipDate} AND status = 'open' AND gone_at IS NULL`)
      .map((row) => row.order_id);
    expect(left.left.map((order) => order.orderId).sort()).toEqual(allOpen.filter((orderId) => orderId !== parcel.orderId).sort());
    const report = ok(
      await office.client.dashboard.closeDay({
        explained: allOpen.filter((orderId) => orderId !== parcel.orderId).map((orderId) => ({ orderId, reason: 'carried over' })),
      }),
    );
    expect(report.shipDate).toBe(day.shipDate);
    expect(report.carriers.find((carrier) => carrier.carrier === run.carrier)).toMatchObject({ shipped: 1 });
    expect(report.explained).toHaveLength(allOpen.length - 1);
    expect(report.trailers).toEqual([expect.objectContaining({ label: 'TR-10', parcels: 1 })]);
    expect(ok(await office.client.dashboard.today()).closed).toEqual(report);
    expect(await office.client.dashboard.closeDay({ explained: [] })).toMatchObject({ ok: false, error: { code: 'DAY_CLOSED' } });
    expect(ok(await office.client.dashboard.dayLeft()).closed).toBe(true);
    await settle(office);
  });
});
