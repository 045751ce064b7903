import { expect } from 'vitest';
import type { PickRunPlan } from '../../../shared/picking';
import { sql } from '../../platform/db/sql';
import type { ConnectedStation } from './centre';

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
