import type { z } from 'zod';
import type { ReadHandle, WriteHandle } from '../platform/db/connection';
import { sql } from '../platform/db/sql';
import type { orderDataSchema } from '../../shared/sync/protocol';
import { recordChange } from './changes';
import type { DemoOrder, DemoOrderAmendment, DemoOrderLine } from './generate';

export type OrderData = z.infer<typeof orderDataSchema>;

/** An order as the centre keeps it: the protocol's data plus when it was last changed (simulated time). */
export type StoredOrder = { readonly data: OrderData; readonly placedAt: number; readonly changedAt: number | null };

type OrderRow = { data: string; placed_at: number; changed_at: number | null };

const toData = (order: Readonly<DemoOrder>): OrderData => ({
  orderId: order.orderId,
  shipDate: order.shipDate,
  carrier: order.carrier,
  service: order.service,
  cutoff: order.cutoff,
  status: 'open',
  version: 1,
  lines: order.lines.map((l) => ({ ...l })),
});

/**
 * Stores a new order. `announce` adds a pull change: orders arriving over simulated time are
 * announced; the ones written with a new centre are not, since every station starts with a bootstrap.
 */
export function insertOrder(tx: WriteHandle, order: Readonly<DemoOrder>, announce: boolean): void {
  const data = toData(order);
  tx.run(sql`
    INSERT INTO centre_order (order_id, ship_date, status, version, placed_at, changed_at, data)
    VALUES (${data.orderId}, ${data.shipDate}, 'open', 1, ${order.placedAt}, NULL, ${JSON.stringify(data)})`);
  if (announce) recordChange(tx, { entity: 'order', key: data.orderId, op: 'upsert', version: data.version, data });
}

export function insertAmendments(tx: WriteHandle, amendments: readonly Readonly<DemoOrderAmendment>[]): void {
  for (const a of amendments)
    tx.run(sql`INSERT INTO order_amendment (due_at, order_id, change) VALUES (${a.dueAt}, ${a.orderId}, ${JSON.stringify(a.change)})`);
}

export function findOrder(read: ReadHandle, orderId: string): StoredOrder | null {
  const row = read.get<OrderRow>(sql`SELECT data, placed_at, changed_at FROM centre_order WHERE order_id = ${orderId}`);
  return row ? { data: JSON.parse(row.data) as OrderData, placedAt: row.placed_at, changedAt: row.changed_at } : null;
}

/** Every change bumps the version and is announced (docs/protocol.md: status and version tell changes). */
export function saveChange(tx: WriteHandle, data: OrderData, at: number): OrderData {
  const changed: OrderData = { ...data, version: data.version + 1 };
  tx.run(sql`
    UPDATE centre_order SET status = ${changed.status}, version = ${changed.version}, changed_at = ${at}, data = ${JSON.stringify(changed)}
    WHERE order_id = ${changed.orderId}`);
  recordChange(tx, { entity: 'order', key: changed.orderId, op: 'upsert', version: changed.version, data: changed });
  return changed;
}

export type OrderOutcome = { readonly order: OrderData; readonly changed: boolean };

/** Cancels the order record; cancelling a cancelled order changes nothing. Null if there is no such order (amendments.ts: `cancel`, with its runs). */
export function cancelOrder(tx: WriteHandle, orderId: string, at: number): OrderOutcome | null {
  const found = findOrder(tx, orderId);
  if (!found) return null;
  if (found.data.status === 'cancelled') return { order: found.data, changed: false };
  return { order: saveChange(tx, { ...found.data, status: 'cancelled' }, at), changed: true };
}

/**
 * Gives an open order new lines: a SKU already on the order keeps its line number, a new one gets
 * the next. Null if there is no such order; unchanged if the lines are the same or it is cancelled.
 */
export function replaceOrderLines(tx: WriteHandle, orderId: string, wanted: readonly { sku: string; quantity: number }[], at: number): OrderOutcome | null {
  const found = findOrder(tx, orderId);
  if (!found) return null;
  if (found.data.status === 'cancelled') return { order: found.data, changed: false };
  const numbers = new Map(found.data.lines.map((l) => [l.sku, l.lineNo]));
  let next = found.data.lines.reduce((max, l) => Math.max(max, l.lineNo), 0);
  const lines: DemoOrderLine[] = wanted
    .map((w) => ({ lineNo: numbers.get(w.sku) ?? ++next, sku: w.sku, quantity: w.quantity }))
    .sort((a, b) => a.lineNo - b.lineNo);
  if (JSON.stringify(lines) === JSON.stringify(found.data.lines)) return { order: found.data, changed: false };
  return { order: saveChange(tx, { ...found.data, lines }, at), changed: true };
}
