import type { PackLine } from '../../../shared/packing';
import { pickedOf, runDataSchema, type RunData } from '../../../shared/sync/site-runs';
import type { ReadHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { AppError } from '../../platform/errors';
import { parseStoredJson } from '../../platform/json';
import { findProductBySku } from '../stock/repo';

// What the pack station knows of an order: its lines, and what its runs brought for it.

export type OrderAtPack = {
  readonly orderId: string;
  readonly shipDate: string;
  readonly carrier: string;
  readonly service: string;
  readonly cutoff: string;
  readonly open: boolean;
};

export function findOrder(read: ReadHandle, orderId: string): OrderAtPack | null {
  const row = read.get<{ order_id: string; ship_date: string; carrier: string; service: string; cutoff: string; status: string; gone_at: number | null }>(sql`
    SELECT order_id, ship_date, carrier, service, cutoff, status, gone_at FROM customer_order WHERE order_id = ${orderId}`);
  if (!row) return null;
  return {
    orderId: row.order_id,
    shipDate: row.ship_date,
    carrier: row.carrier,
    service: row.service,
    cutoff: row.cutoff,
    open: row.status === 'open' && row.gone_at === null,
  };
}

/** The order, open: ORDER_NOT_TO_PACK when the station does not know it, ORDER_CANCELLED when the centre took it back. */
export function openOrder(read: ReadHandle, orderId: string): OrderAtPack {
  const order = findOrder(read, orderId);
  if (!order) throw new AppError('ORDER_NOT_TO_PACK', `no order ${orderId} here`, { orderId });
  if (!order.open) throw new AppError('ORDER_CANCELLED', `order ${orderId} is no longer open`, { orderId });
  return order;
}

export const orderLines = (read: ReadHandle, orderId: string): { lineNo: number; sku: string; quantity: number }[] =>
  read.all<{ lineNo: number; sku: string; quantity: number }>(sql`
    SELECT line_no AS lineNo, sku, quantity FROM customer_order_line WHERE order_id = ${orderId} AND gone_at IS NULL ORDER BY line_no`);

/** The runs (and re-runs) that picked or pick for the order, not cancelled nor refused. */
export function runsOfOrder(read: ReadHandle, orderId: string): RunData[] {
  return read
    .all<{ data: string }>(
      sql`
      SELECT data FROM pick_run WHERE state IN ('released', 'picked')
        AND EXISTS (SELECT 1 FROM json_each(data, '$.orders') WHERE json_extract(value, '$.orderId') = ${orderId})
      ORDER BY rowid`,
    )
    .flatMap((row) => {
      const json = parseStoredJson(row.data);
      const parsed = json.ok ? runDataSchema.safeParse(json.value) : null;
      return parsed?.success ? [parsed.data] : [];
    });
}

/** Units of each line its runs (and re-runs) brought to the pack station. */
export function pickedForOrder(runs: readonly RunData[], orderId: string): Map<number, number> {
  const byLine = new Map<number, number>();
  for (const run of runs) for (const line of pickedOf(run, orderId)) byLine.set(line.lineNo, (byLine.get(line.lineNo) ?? 0) + line.picked);
  return byLine;
}

/** The order's lines as the pack screen shows them, with what has been verified so far. */
export function packLines(read: ReadHandle, orderId: string, runs: readonly RunData[], verified: ReadonlyMap<number, number>): PackLine[] {
  const picked = pickedForOrder(runs, orderId);
  return orderLines(read, orderId).map((line) => {
    const product = findProductBySku(read, line.sku);
    return {
      lineNo: line.lineNo,
      sku: line.sku,
      description: product?.description ?? { fr: line.sku, en: line.sku, zh: line.sku },
      quantity: line.quantity,
      picked: picked.get(line.lineNo) ?? 0,
      verified: verified.get(line.lineNo) ?? 0,
    };
  });
}
