import { cutoffBoards, daySeries, type Activity, type CutoffBoard, type DayReport, type DaySeries, type OrderProgress } from '../../../shared/dashboard';
import { defaultSiteTimeZone } from '../../../shared/people';
import { siteDay } from '../../../shared/site-time';
import { linesLeft } from '../../../shared/sync/site-runs';
import type { Clock } from '../../platform/clock';
import type { Database, ReadHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { nextShipDate } from '../orders/repo';
import { parcelsOfOrders } from '../packing/repo';
import { runsOf } from '../picking/runs';
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
 * them), packed when it has a live parcel, dispatched when that parcel is on a trailer.
 */
export function progressOf(read: ReadHandle, shipDate: string): { orders: OrderProgress[]; activity: Activity[] } {
  const picked = new Map<string, number>();
  const left = new Set<string>();
  const activity: Activity[] = [];
  for (const { data: run } of runsOf(read, shipDate)) {
    if (run.state === 'cancelled' || run.state === 'refused') continue;
    for (const line of linesLeft(run)) if (line.left > 0) left.add(line.orderId);
    const lastPick = new Map<string, { at: number; personId: string }>();
    for (const pick of run.picks) {
      const at = Date.parse(pick.at);
      if (at >= (lastPick.get(pick.orderId)?.at ?? 0)) lastPick.set(pick.orderId, { at, personId: pick.by.personId });
    }
    for (const [orderId, last] of lastPick) {
      picked.set(orderId, Math.max(picked.get(orderId) ?? 0, last.at));
      if (!left.has(orderId)) activity.push({ stage: 'picked', at: last.at, personId: last.personId });
    }
  }
  const parcels = new Map(parcelsOfOrders(read, shipDate).map((parcel) => [parcel.orderId, parcel]));
  for (const parcel of parcels.values()) {
    activity.push({ stage: 'packed', at: Date.parse(parcel.packedAt), personId: parcel.packedBy.personId || parcel.packedBy.name });
    if (parcel.loaded) activity.push({ stage: 'dispatched', at: Date.parse(parcel.loaded.at), personId: parcel.loaded.by.personId || parcel.loaded.by.name });
  }
  const orders = read
    .all<{ order_id: string; carrier: string; cutoff: string }>(
      sql`
      SELECT order_id, carrier, cutoff FROM customer_order WHERE ship_date = ${shipDate} AND status = 'open' AND gone_at IS NULL ORDER BY cutoff, carrier, order_id`,
    )
    .map((row): OrderProgress => {
      const parcel = parcels.get(row.order_id);
      return {
        orderId: row.order_id,
        carrier: row.carrier,
        cutoff: row.cutoff,
        picked: left.has(row.order_id) ? null : (picked.get(row.order_id) ?? null),
        packed: parcel ? Date.parse(parcel.packedAt) : null,
        dispatched: parcel?.loaded ? Date.parse(parcel.loaded.at) : null,
      };
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
