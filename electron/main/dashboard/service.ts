import { cutoffBoards, daySeries, type Activity, type CutoffBoard, type DayReport, type DaySeries, type OrderProgress } from '../../../shared/dashboard';
import { defaultSiteTimeZone } from '../../../shared/people';
import { siteDay } from '../../../shared/site-time';
import type { Clock } from '../../platform/clock';
import type { Database, ReadHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { nextShipDate } from '../orders/repo';
import { readSite } from '../site/repo';
import { closedDay } from './close-day';

/** The shift lead's dashboard as main computes it from the station's mirror of the site. */
export type DashboardView = {
  readonly shipDate: string;
  readonly timeZone: string;
  readonly at: string;
  readonly boards: readonly CutoffBoard[];
  readonly series: DaySeries;
  readonly closed: DayReport | null;
};

/**
 * Where each order of the ship date stands (DOMAIN, the shift lead's day; issue #13): picked when
 * its runs have no unit left to pick of it (short picks count as done: the shift lead settles
 * them), packed when it has a live parcel, dispatched when that parcel is on a trailer. One query
 * over what the station keeps per run order and per parcel as the work happens (migration 13).
 */
export function progressOf(read: ReadHandle, shipDate: string): { orders: OrderProgress[]; activity: Activity[] } {
  const rows = read.all<{
    order_id: string;
    carrier: string;
    cutoff: string;
    units_left: number | null;
    picked_at: number | null;
    picked_by: string | null;
    packed_at: number | null;
    packed_by: string | null;
    loaded_at: number | null;
    loaded_by: string | null;
  }>(sql`
    SELECT o.order_id, o.carrier, o.cutoff, r.units_left, r.picked_at, r.picked_by, p.packed_at, p.packed_by, p.loaded_at, p.loaded_by
    FROM customer_order o
    LEFT JOIN (
      SELECT order_id, sum(units_left) AS units_left, max(last_pick_at) AS picked_at, last_pick_by AS picked_by
      FROM run_order_progress WHERE ship_date = ${shipDate} GROUP BY order_id
    ) r ON r.order_id = o.order_id
    LEFT JOIN site_parcel p ON p.order_id = o.order_id AND p.state IN ('sealed', 'loaded', 'shipped')
    WHERE o.ship_date = ${shipDate} AND o.status = 'open' AND o.gone_at IS NULL
    ORDER BY o.cutoff, o.carrier, o.order_id`);
  const activity: Activity[] = [];
  const orders = rows.map((row): OrderProgress => {
    const picked = row.units_left === 0 ? row.picked_at : null;
    if (picked !== null) activity.push({ stage: 'picked', at: picked, personId: row.picked_by ?? '' });
    if (row.packed_at !== null) activity.push({ stage: 'packed', at: row.packed_at, personId: row.packed_by ?? '' });
    if (row.loaded_at !== null) activity.push({ stage: 'dispatched', at: row.loaded_at, personId: row.loaded_by ?? '' });
    return { orderId: row.order_id, carrier: row.carrier, cutoff: row.cutoff, picked, packed: row.packed_at, dispatched: row.loaded_at };
  });
  return { orders, activity };
}

export function createDashboardService(deps: { readonly db: Database; readonly clock: Clock }) {
  const { db, clock } = deps;

  function today(): DashboardView {
    const read = db.read;
    const timeZone = readSite(read)?.timeZone ?? defaultSiteTimeZone;
    const now = clock.now();
    const shipDate = nextShipDate(read, siteDay(now, timeZone));
    const { orders, activity } = progressOf(read, shipDate);
    const first = activity.reduce((earliest, entry) => Math.min(earliest, entry.at), now - 4 * 3_600_000);
    return {
      shipDate,
      timeZone,
      at: new Date(now).toISOString(),
      boards: cutoffBoards(orders, activity, now),
      series: daySeries(orders, first, now),
      closed: closedDay(read, shipDate),
    };
  }

  return { today };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
