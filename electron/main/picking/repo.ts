import type { OrderToAllocate, PickableStock } from '../../../shared/outbound/allocation';
import type { Picker } from '../../../shared/picking';
import type { ReadHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { findLocationByCode } from '../stock/repo';

// SQL of pick-run planning (docs/adr/0009-pick-runs.md). Reads only: planning writes nothing.

/** Open orders leaving on `shipDate`, with their lines, in cutoff order (the centre's word, as pulled). */
export function ordersToPlan(read: ReadHandle, shipDate: string): OrderToAllocate[] {
  const orders = new Map<string, { orderId: string; carrier: string; cutoff: string; lines: { lineNo: number; sku: string; quantity: number }[] }>();
  for (const row of read.all<{ order_id: string; carrier: string; cutoff: string; line_no: number | null; sku: string | null; quantity: number | null }>(sql`
    SELECT o.order_id, o.carrier, o.cutoff, l.line_no, l.sku, l.quantity
    FROM customer_order o LEFT JOIN customer_order_line l ON l.order_id = o.order_id
    WHERE o.ship_date = ${shipDate} AND o.status = 'open' AND o.gone_at IS NULL
    ORDER BY o.cutoff, o.order_id, l.line_no`)) {
    let order = orders.get(row.order_id);
    if (!order) {
      order = { orderId: row.order_id, carrier: row.carrier, cutoff: row.cutoff, lines: [] };
      orders.set(row.order_id, order);
    }
    if (row.line_no !== null && row.sku !== null && row.quantity !== null) order.lines.push({ lineNo: row.line_no, sku: row.sku, quantity: row.quantity });
  }
  return [...orders.values()];
}

/** Loose stock (on no pallet or tote) of every SKU at active pick faces and storage locations. */
export function pickableStock(read: ReadHandle): PickableStock[] {
  return read.all<PickableStock>(sql`
    SELECT l.code AS location, l.type, l.walk_order AS walkOrder, p.sku, sum(b.quantity) AS available
    FROM stock_balance b JOIN location l ON l.id = b.location_id JOIN product p ON p.id = b.product_id
    WHERE b.container_id = 0 AND b.quantity > 0 AND l.active = 1 AND l.type IN ('pick_face', 'storage')
    GROUP BY l.id, p.id`);
}

/** Every active location's code: the layout the routes are modelled on. */
export function siteLocationCodes(read: ReadHandle): string[] {
  return read.all<{ code: string }>(sql`SELECT code FROM location WHERE active = 1 ORDER BY walk_order, code`).map((row) => row.code);
}

/** Where picked units go: the site's first active pack station in walk order, where the trolley is emptied. */
export function packStationForPicks(read: ReadHandle): { id: number; code: string } | null {
  const row = read.get<{ code: string }>(sql`SELECT code FROM location WHERE type = 'pack_station' AND active = 1 ORDER BY walk_order, code LIMIT 1`);
  const location = row ? findLocationByCode(read, row.code) : null;
  return location ? { id: location.id, code: location.code } : null;
}

/** The site's active pickers and shift leads, by name: whom a run may be given to. */
export function listPickers(read: ReadHandle): Picker[] {
  return read.all<Picker>(sql`
    SELECT person_id AS personId, name, role FROM app_user
    WHERE role IN ('picker', 'shift_lead') AND disabled_at IS NULL ORDER BY name COLLATE NOCASE, id`);
}
