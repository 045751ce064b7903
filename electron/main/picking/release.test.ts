import { describe, expect, it } from 'vitest';
import type { PickRunPlan, RunPreview } from '../../../shared/picking';
import { startTestCentral } from '../../demo-central/testing';
import { sql } from '../../platform/db/sql';
import { connectedStation, settle, type ConnectedStation } from '../testing/centre';
import { addUser } from '../testing/core';
import { emptySku, planOf } from '../testing/picking';

// Releasing pick runs (issue #12, ADR 0009): reserved at the centre, seen by every station of the site.

async function release(station: ConnectedStation, plan: PickRunPlan, run: RunPreview): Promise<PickRunPlan> {
  const released = await station.client.picking.release({ shipDate: plan.shipDate, orders: run.orders.map((order) => order.orderId) });
  if (!released.ok) throw new Error(`picking:release failed: ${released.error.code} ${released.error.message}`);
  return released.value;
}

const ok = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

const ordersOf = (runs: readonly Pick<RunPreview, 'orders'>[]): string[] => runs.flatMap((run) => run.orders.map((order) => order.orderId));

/** Units each (place, SKU) the runs take. */
function unitsByPlace(runs: readonly Pick<RunPreview, 'stops'>[]): Map<string, number> {
  const units = new Map<string, number>();
  for (const run of runs)
    for (const stop of run.stops)
      for (const line of stop.lines) units.set(`${stop.location} ${line.sku}`, (units.get(`${stop.location} ${line.sku}`) ?? 0) + line.quantity);
  return units;
}

/** The orders of `run` that `runs` plan again (none, once it is released). */
const plannedAgain = (runs: readonly Pick<RunPreview, 'orders'>[], run: RunPreview): string[] => ordersOf(runs).filter((id) => ordersOf([run]).includes(id));

function looseStock(station: ConnectedStation, place: string): number {
  const [location = '', sku = ''] = place.split(' ');
  return (
    station.core.db.read.get<{ n: number }>(sql`
      SELECT coalesce(sum(b.quantity), 0) AS n FROM stock_balance b JOIN location l ON l.id = b.location_id JOIN product p ON p.id = b.product_id
      WHERE l.code = ${location} AND p.sku = ${sku} AND b.container_id = 0`)?.n ?? 0
  );
}

describe('releasing a pick run', () => {
  it('is reserved at the centre: its orders and units leave the plan of every station of the site, and it shows as released on both', async () => {
    const centre = await startTestCentral();
    const office = await connectedStation(centre, { stationId: 'OFFICE' });
    const trolley = await connectedStation(centre, { stationId: 'TROLLEY' });
    const plan = await planOf(office);
    const run = plan.runs[0] as RunPreview;
    const after = await release(office, plan, run);

    // At once on this station: the run is pending, its orders are in no run to release.
    expect(after.released).toEqual([
      expect.objectContaining({ state: 'pending', orders: run.orders.length, lines: run.lines, units: run.units, carrier: run.carrier }),
    ]);
    expect(plannedAgain(after.runs, run)).toEqual([]);
    expect(office.core.db.read.get(sql`SELECT action, outcome FROM audit WHERE action = 'picking:release'`)).toEqual({
      action: 'picking:release',
      outcome: 'ok',
    });

    await settle(office);
    expect((await planOf(office)).released).toEqual([
      expect.objectContaining({ state: 'released', refusal: null, releasedBy: { name: 'Léa Lead', station: 'OFFICE' } }),
    ]);

    // The other station, after its sync: the same run, and nothing of it planned again.
    await settle(trolley);
    const seen = await planOf(trolley);
    expect(seen.released).toEqual([expect.objectContaining({ runId: after.released[0]?.runId, state: 'released', orders: run.orders.length })]);
    expect(plannedAgain(seen.runs, run)).toEqual([]);
    expect(seen.totals.orders).toBe(plan.totals.orders - run.orders.length);
    // What the runs left to release take, with what the released run reserves, stays within the stock.
    const reserved = unitsByPlace([run]);
    for (const [place, units] of unitsByPlace(seen.runs)) expect(units + (reserved.get(place) ?? 0), place).toBeLessThanOrEqual(looseStock(trolley, place));
  }, 90_000);

  it('of the same orders on two stations before either synced: the centre keeps the first and refuses the second (ORDER_IN_RUN), on both', async () => {
    const centre = await startTestCentral();
    const office = await connectedStation(centre, { stationId: 'OFFICE' });
    const trolley = await connectedStation(centre, { stationId: 'TROLLEY' });
    const plan = await planOf(office);
    const run = plan.runs[0] as RunPreview;
    const theirs = (await planOf(trolley)).runs.find((candidate) => ordersOf([candidate]).sort().join() === ordersOf([run]).sort().join());
    expect(theirs, 'both stations plan the same first run').toBeDefined();
    await release(office, plan, run);
    await release(trolley, plan, theirs as RunPreview);

    await settle(office);
    await settle(trolley);
    await settle(office);
    for (const station of [office, trolley]) {
      const { released } = await planOf(station);
      expect(released.map((view) => [view.releasedBy.station, view.state, view.refusal]).sort()).toEqual([
        ['OFFICE', 'released', null],
        ['TROLLEY', 'refused', 'ORDER_IN_RUN'],
      ]);
      // The refused run holds nothing; the kept one holds its orders.
      expect(plannedAgain((await planOf(station)).runs, run)).toEqual([]);
    }
    // The shift lead who released it hears of it among the site's exceptions.
    expect(trolley.core.db.read.all(sql`SELECT kind, json_extract(detail, '$.code') AS code FROM site_exception`)).toEqual([
      { kind: 'RUN_REFUSED', code: 'ORDER_IN_RUN' },
    ]);
  }, 90_000);

  it('is refused by the centre (NOT_ENOUGH_STOCK) when another station took the units away before the release arrived', async () => {
    const centre = await startTestCentral();
    const office = await connectedStation(centre, { stationId: 'OFFICE' });
    const dock = await connectedStation(centre, { stationId: 'DOCK' });
    const plan = await planOf(office);
    const run = plan.runs[0] as RunPreview;
    // The dock empties the first line's SKU (a damaged batch), synced; the office has not pulled it.
    const sku = (run.stops[0]?.lines[0] as { sku: string }).sku;
    await emptySku(dock, sku);
    await settle(dock);
    await release(office, plan, run);
    await settle(office);
    const { released, runs } = await planOf(office);
    expect(released).toEqual([expect.objectContaining({ state: 'refused', refusal: 'NOT_ENOUGH_STOCK' })]);
    // Its orders are free again: planned with the stock the station now has.
    expect(runs.flatMap((candidate) => candidate.stops.flatMap((stop) => stop.lines)).some((line) => line.sku === sku)).toBe(false);
  }, 90_000);

  it('releases the run the shift lead looked at though orders arrived since, and one run of orders a shift lead put together', async () => {
    const centre = await startTestCentral();
    const office = await connectedStation(centre, { stationId: 'OFFICE' });
    const seen = await planOf(office);
    const first = seen.runs[0] as RunPreview;
    // The centre's morning goes on: new orders for the same date reach the office, and its plan changes.
    centre.clock.advance(3_600_000);
    await settle(office);
    const now = await planOf(office);
    expect(now.shipDate).toBe(seen.shipDate);
    expect(now.totals.orders).toBeGreaterThan(seen.totals.orders);
    const sameOrders = (run: RunPreview): boolean => [...ordersOf([run])].sort().join() === [...ordersOf([first])].sort().join();
    expect(now.runs.some(sameOrders)).toBe(false);
    // The run as it was seen is released all the same: its orders, its stops in the same route.
    const afterRelease = await release(office, seen, first);
    expect(afterRelease.released).toEqual([
      expect.objectContaining({ orders: first.orders.length, lines: first.lines, units: first.units, stops: first.stops.length }),
    ]);
    expect(plannedAgain(afterRelease.runs, first)).toEqual([]);

    // Two orders of the same carrier and cutoff from two previewed runs: one run of just those two.
    const [a, b] = afterRelease.runs.filter((run) => run.carrier === first.carrier && run.cutoff === first.cutoff) as [RunPreview, RunPreview];
    const byHand = [ordersOf([a])[0] as string, ordersOf([b])[0] as string];
    const released = ok(await office.client.picking.release({ shipDate: seen.shipDate, orders: byHand }));
    expect(released.released).toHaveLength(2);
    expect(released.released[1]).toMatchObject({ orders: 2, state: 'pending' });
    await settle(office);
    expect((await planOf(office)).released.map((run) => run.state)).toEqual(['released', 'released']);
  }, 120_000);

  it('is refused when the plan no longer has the run, to a picker, and on bad input, writing nothing', async () => {
    const centre = await startTestCentral();
    const office = await connectedStation(centre, { stationId: 'OFFICE' });
    const plan = await planOf(office);
    const [first, second] = plan.runs as [RunPreview, RunPreview];
    // Orders of two carriers or cutoffs, or more than a run holds: never one run.
    const otherGroup = plan.runs.find((run) => run.carrier !== first.carrier || run.cutoff !== first.cutoff) as RunPreview;
    const mixed = [...ordersOf([first]).slice(0, 1), ...ordersOf([otherGroup]).slice(0, 1)];
    expect(await office.client.picking.release({ shipDate: plan.shipDate, orders: mixed })).toMatchObject({ ok: false, error: { code: 'RUN_MIXED' } });
    const sameGroup = plan.runs.filter((run) => run.carrier === first.carrier && run.cutoff === first.cutoff);
    expect(ordersOf(sameGroup).length).toBeGreaterThan(plan.limits.ordersPerRun);
    expect(await office.client.picking.release({ shipDate: plan.shipDate, orders: ordersOf(sameGroup) })).toMatchObject({
      ok: false,
      error: { code: 'RUN_OVER_LIMITS' },
    });
    // An order that is not the date's, or that the stock cannot fill, is no longer in the plan.
    const unfillable = plan.unfillable.find((order) => order.carrier === first.carrier && order.cutoff === first.cutoff)?.orderId ?? 'MP-NOT-AN-ORDER';
    expect(await office.client.picking.release({ shipDate: plan.shipDate, orders: [...ordersOf([first]).slice(1), unfillable] })).toMatchObject({
      ok: false,
      error: { code: 'PLAN_CHANGED' },
    });
    expect(office.core.db.read.get(sql`SELECT count(*) AS n FROM pick_run`)).toEqual({ n: 0 });
    for (const bad of [{ shipDate: 'tomorrow', orders: ordersOf([first]) }, { shipDate: plan.shipDate, orders: [] }, { shipDate: plan.shipDate }]) {
      expect(await office.client.picking.release(bad as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    // Released once, the same run cannot be released again: it is no longer in the plan.
    await release(office, plan, first);
    expect(await office.client.picking.release({ shipDate: plan.shipDate, orders: ordersOf([first]) })).toMatchObject({
      ok: false,
      error: { code: 'PLAN_CHANGED' },
    });

    expect(await office.client.auth.login({ badge: 'BADGE-ADMIN', pin: '1234' })).toMatchObject({ ok: true });
    await addUser(office, { name: 'Paul Picker', badge: 'BADGE-PCK9', role: 'picker', pin: '1357' });
    expect(await office.client.auth.login({ badge: 'BADGE-PCK9', pin: '1357' })).toMatchObject({ ok: true });
    expect(await office.client.picking.release({ shipDate: plan.shipDate, orders: ordersOf([second]) })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(office.core.db.read.all(sql`SELECT action, outcome FROM audit WHERE action = 'picking:release' ORDER BY id`)).toEqual([
      { action: 'picking:release', outcome: 'ok' },
      { action: 'picking:release', outcome: 'refused' },
    ]);
    expect(office.core.db.read.get(sql`SELECT count(*) AS n FROM pick_run`)).toEqual({ n: 1 });
    expect(office.core.db.read.get(sql`SELECT count(*) AS n FROM outbox WHERE type = 'run.released'`)).toEqual({ n: 1 });
  }, 90_000);
});
