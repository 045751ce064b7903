import { expect } from 'vitest';
import type { PickLine, PickRunPlan, PickView, RunPreview } from '../../../shared/picking';
import { startTestCentral } from '../../demo-central/testing';
import { sql } from '../../platform/db/sql';
import { connectedStation, settle, type ConnectedStation } from './centre';

// Pick-run helpers of the picking tests (issue #12).

export async function planOf(station: Pick<ConnectedStation, 'client'>): Promise<PickRunPlan> {
  const plan = await station.client.picking.plan();
  if (!plan.ok) throw new Error(`picking:plan failed: ${plan.error.code} ${plan.error.message}`);
  return plan.value;
}

/** Takes every loose unit of `sku` off its pick locations, with the shift lead's adjustment, as a damaged batch would. */
export async function emptySku(station: ConnectedStation, sku: string): Promise<void> {
  const places = station.core.db.read.all<{ location: string; gtin: string; quantity: number }>(sql`
    SELECT l.code AS location, g.gtin, b.quantity FROM stock_balance b
    JOIN product p ON p.id = b.product_id JOIN location l ON l.id = b.location_id
    JOIN gtin g ON g.product_id = p.id AND g.pack_quantity = 1
    WHERE p.sku = ${sku} AND b.container_id = 0 AND b.lot_id = 0 AND b.quantity > 0 AND l.type IN ('pick_face', 'storage')`);
  expect(places.length).toBeGreaterThan(0);
  for (const place of places) {
    const adjusted = await station.client.stock.adjust({ location: place.location, gtin: place.gtin, delta: -place.quantity, reason: 'damaged in the test' });
    expect(adjusted, `${sku} at ${place.location}`).toMatchObject({ ok: true });
  }
}

/** A SKU of a planned run with only lot-free loose stock: one the test can empty with plain adjustments. */
export function emptiableSku(station: ConnectedStation, plan: PickRunPlan): { orderId: string; sku: string } {
  for (const run of plan.runs) {
    for (const line of run.stops.flatMap((stop) => stop.lines)) {
      const lots = station.core.db.read.get<{ lotted: number }>(sql`
        SELECT count(*) AS lotted FROM stock_balance b JOIN product p ON p.id = b.product_id
        WHERE p.sku = ${line.sku} AND b.container_id = 0 AND b.lot_id <> 0 AND b.quantity > 0`);
      if (lots?.lotted === 0) return { orderId: line.orderId, sku: line.sku };
    }
  }
  throw new Error('the demo site has a planned SKU without lots');
}

export const picker = { name: 'Paul Picker', badge: 'BADGE-PCK1', pin: '1357' } as const;

/** A centre, the office with its shift lead logged in, and the picker as a person of the site. */
export async function siteWithPicker() {
  const centre = await startTestCentral();
  const office = await connectedStation(centre, { stationId: 'OFFICE' });
  expect(await office.client.auth.login({ badge: 'BADGE-ADMIN', pin: '1234' })).toMatchObject({ ok: true });
  expect(await office.client.auth.createUser({ ...picker, role: 'picker' })).toMatchObject({ ok: true });
  expect(await office.client.auth.login({ badge: 'BADGE-LEAD', pin: '2580' })).toMatchObject({ ok: true });
  await settle(office);
  return { centre, office };
}

/** The office releases the plan's first run and syncs; the picker logs in on the trolley. */
export async function releasedSite() {
  const { centre, office } = await siteWithPicker();
  const plan = await planOf(office);
  const run = plan.runs[0] as RunPreview;
  const released = await office.client.picking.release({ shipDate: plan.shipDate, orders: run.orders.map((order) => order.orderId) });
  if (!released.ok) throw new Error(released.error.code);
  const runId = released.value.released[0]?.runId ?? '';
  await settle(office);
  const trolley = await connectedStation(centre, { stationId: 'TROLLEY' });
  expect(await trolley.client.auth.login(picker)).toMatchObject({ ok: true });
  return { centre, office, trolley, plan, run, runId };
}

export const ok = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

/** The line as the screen shows it, with the withdrawn orders and changed lines it knows of (none unless said), sent with every scan. */
export const shown = (line: PickLine, withdrawn = 0, amended = 0) => ({
  orderId: line.orderId,
  lineNo: line.lineNo,
  location: line.location,
  withdrawn,
  amended,
});

export function unitGtin(station: ConnectedStation, sku: string): string {
  const row = station.core.db.read.get<{ gtin: string }>(sql`
    SELECT g.gtin FROM gtin g JOIN product p ON p.id = g.product_id WHERE p.sku = ${sku} AND g.pack_quantity = 1 ORDER BY g.gtin LIMIT 1`);
  if (!row) throw new Error(`no unit GTIN for ${sku}`);
  return row.gtin;
}

/** Picks the whole line the view is at, one scan of the unit GTIN keyed with its count. */
export async function pickLine(station: ConnectedStation, view: PickView): Promise<PickView> {
  const line = view.line as PickLine;
  ok(await station.client.picking.scanLocation({ runId: view.runId, shown: shown(line, view.withdrawn, view.amended), code: line.location }));
  return ok(
    await station.client.picking.pick({
      runId: view.runId,
      shown: shown(line, view.withdrawn, view.amended),
      location: line.location,
      code: unitGtin(station, line.sku),
      count: line.left,
    }),
  );
}

/** Takes the run and picks every line of it, each in one keyed scan. */
export async function pickWholeRun(station: ConnectedStation, runId: string): Promise<PickView> {
  let view = ok(await station.client.picking.claim({ runId }));
  while (view.line) view = await pickLine(station, view);
  return view;
}
