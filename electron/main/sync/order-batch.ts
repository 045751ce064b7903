import type { CentreRecord } from '../../../shared/sync/protocol';
import type { WriteHandle } from '../../platform/db/connection';
import { rowChunks, sql, sqlRows } from '../../platform/db/sql';

type OrderData = NonNullable<Extract<CentreRecord, { entity: 'order' }>['data']>;

/**
 * The centre's orders of one transaction, written together when its records are applied: orders
 * and their lines in multi-row upserts (a bootstrap of 50,000 orders wrote five statements per
 * order). The latest version of an order given in the transaction is the one written; lines an
 * order held before and no longer has are marked gone, never deleted (a pick may refer to one).
 * Settle before anything else in the transaction reads `customer_order` or its lines.
 */
export type OrderBatch = {
  /** `held`: the station already has the order (its lines may have to be marked gone). */
  readonly put: (order: Readonly<OrderData>, context: { readonly at: number; readonly generation: number; readonly held: boolean }) => void;
  /** The version of the order waiting to be written, if any. */
  readonly pendingVersion: (orderId: string) => number | undefined;
  readonly settle: (tx: WriteHandle) => void;
};

type Pending = { readonly order: Readonly<OrderData>; readonly at: number; readonly generation: number; readonly held: boolean };

export function orderBatch(): OrderBatch {
  let pending = new Map<string, Pending>();
  return {
    put: (order, context) => {
      const earlier = pending.get(order.orderId);
      pending.set(order.orderId, { order, at: context.at, generation: context.generation, held: context.held || earlier !== undefined });
    },
    pendingVersion: (orderId) => pending.get(orderId)?.order.version,
    settle: (tx) => {
      const orders = [...pending.values()];
      pending = new Map();
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
      for (const { order, at, held } of orders) {
        if (!held) continue;
        const kept = order.lines.map((line) => line.lineNo);
        tx.run(sql`
          UPDATE customer_order_line SET gone_at = ${at}
          WHERE order_id = ${order.orderId} AND gone_at IS NULL AND line_no NOT IN (SELECT value FROM json_each(${JSON.stringify(kept)}))`);
      }
    },
  };
}
