import type { CentreRecord } from '../../../shared/sync/protocol';
import type { WriteHandle } from '../../platform/db/connection';
import { rowChunks, sql, sqlRows } from '../../platform/db/sql';
import { isReplay } from './replay';

type OrderData = NonNullable<Extract<CentreRecord, { entity: 'order' }>['data']>;

/**
 * The centre's orders of one transaction, written together when its records are applied: the
 * versions the station holds read in one query, orders and their lines in multi-row upserts (a
 * bootstrap of 50,000 orders wrote five statements per order). Of an order given twice in the
 * transaction, the newest version is the one written; a pulled order older than the row is a
 * replay and changes nothing (replay.ts). Lines an order held before and no longer has are marked
 * gone, never deleted (a pick may refer to one). Settle before anything else in the transaction
 * reads `customer_order` or its lines.
 */
export type OrderBatch = {
  readonly put: (order: Readonly<OrderData>, context: { readonly at: number; readonly generation: number }) => void;
  readonly settle: (tx: WriteHandle) => void;
};

type Pending = { readonly order: Readonly<OrderData>; readonly at: number; readonly generation: number };

export function orderBatch(): OrderBatch {
  let pending = new Map<string, Pending>();
  return {
    put: (order, context) => {
      const earlier = pending.get(order.orderId);
      if (earlier && isReplay(context.generation, order.version, earlier.order.version)) return;
      pending.set(order.orderId, { order, at: context.at, generation: context.generation });
    },
    settle: (tx) => {
      if (pending.size === 0) return;
      const given = pending;
      pending = new Map();
      const held = new Map<string, number>();
      for (const row of tx.all<{ order_id: string; version: number }>(sql`
        SELECT order_id, version FROM customer_order WHERE order_id IN (SELECT value FROM json_each(${JSON.stringify([...given.keys()])}))`))
        held.set(row.order_id, row.version);
      const orders = [...given.values()].filter(({ order, generation }) => !isReplay(generation, order.version, held.get(order.orderId)));
      if (orders.length === 0) return;
      const orderRows = orders.map(({ order, at, generation }) => [
        order.orderId,
        order.shipDate,
        order.carrier,
        order.service,
        order.cutoff,
        order.status,
        order.version,
        at,
        generation,
      ]);
      for (const rows of rowChunks(orderRows))
        tx.run(sql`
            INSERT INTO customer_order (order_id, ship_date, carrier, service, cutoff, status, version, pulled_at, generation)
            VALUES ${sqlRows(rows)}
            ON CONFLICT (order_id) DO UPDATE SET ship_date = excluded.ship_date, carrier = excluded.carrier, service = excluded.service,
              cutoff = excluded.cutoff, status = excluded.status, version = excluded.version, pulled_at = excluded.pulled_at,
              generation = max(customer_order.generation, excluded.generation), gone_at = NULL`);
      const lineRows = orders.flatMap(({ order }) => order.lines.map((line) => [order.orderId, line.lineNo, line.sku, line.quantity]));
      for (const rows of rowChunks(lineRows))
        tx.run(sql`
            INSERT INTO customer_order_line (order_id, line_no, sku, quantity) VALUES ${sqlRows(rows)}
            ON CONFLICT (order_id, line_no) DO UPDATE SET sku = excluded.sku, quantity = excluded.quantity, gone_at = NULL`);
      for (const { order, at } of orders) {
        if (!held.has(order.orderId)) continue;
        const kept = order.lines.map((line) => line.lineNo);
        tx.run(sql`
          UPDATE customer_order_line SET gone_at = ${at}
          WHERE order_id = ${order.orderId} AND gone_at IS NULL AND line_no NOT IN (SELECT value FROM json_each(${JSON.stringify(kept)}))`);
      }
    },
  };
}
