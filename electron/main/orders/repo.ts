import type { NextDayOrders, OrderLine, OrderSummary } from '../../../shared/orders';
import { addDays } from '../../../shared/site-time';
import type { ReadHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';

/** The ship date to show: the earliest from `today` on with open orders, else the day after `today`. */
export function nextShipDate(read: ReadHandle, today: string): string {
  const found = read.get<{ ship_date: string }>(sql`
    SELECT ship_date FROM customer_order WHERE ship_date >= ${today} AND status = 'open' AND gone_at IS NULL ORDER BY ship_date LIMIT 1`);
  return found ? found.ship_date : addDays(today, 1);
}

export function openOrdersFor(read: ReadHandle, shipDate: string): NextDayOrders {
  const orders = read.all<{
    order_id: string;
    carrier: OrderSummary['carrier'];
    service: string;
    cutoff: string;
    version: number;
    lines: number;
    units: number;
  }>(sql`
    SELECT o.order_id, o.carrier, o.service, o.cutoff, o.version, count(l.line_no) AS lines, coalesce(sum(l.quantity), 0) AS units
    FROM customer_order o LEFT JOIN customer_order_line l ON l.order_id = o.order_id
    WHERE o.ship_date = ${shipDate} AND o.status = 'open' AND o.gone_at IS NULL
    GROUP BY o.order_id ORDER BY o.cutoff, o.carrier, o.order_id`);
  const items = new Map<string, OrderLine[]>();
  for (const line of read.all<{ order_id: string; line_no: number; sku: string; quantity: number }>(sql`
    SELECT l.order_id, l.line_no, l.sku, l.quantity
    FROM customer_order o JOIN customer_order_line l ON l.order_id = o.order_id
    WHERE o.ship_date = ${shipDate} AND o.status = 'open' AND o.gone_at IS NULL
    ORDER BY l.order_id, l.line_no`)) {
    const list = items.get(line.order_id) ?? [];
    list.push({ lineNo: line.line_no, sku: line.sku, quantity: line.quantity });
    items.set(line.order_id, list);
  }
  const byCarrier = new Map<string, { carrier: string; orders: number; units: number }>();
  for (const order of orders) {
    const entry = byCarrier.get(order.carrier) ?? { carrier: order.carrier, orders: 0, units: 0 };
    entry.orders += 1;
    entry.units += order.units;
    byCarrier.set(order.carrier, entry);
  }
  return {
    shipDate,
    orders: orders.map((order) => ({
      orderId: order.order_id,
      carrier: order.carrier,
      service: order.service,
      cutoff: order.cutoff,
      version: order.version,
      lines: order.lines,
      units: order.units,
      items: items.get(order.order_id) ?? [],
    })),
    byCarrier: [...byCarrier.values()],
  };
}
