import { v7 as uuidv7 } from 'uuid';
import { allocateLines, type PickableStock } from '../../shared/outbound/allocation';
import { runOf } from '../../shared/outbound/batching';
import { siteLayout } from '../../shared/outbound/layout';
import { defaultRunLimits } from '../../shared/outbound/run-sizing';
import { siteDay } from '../../shared/site-time';
import { defaultSiteTimeZone } from '../../shared/people';
import type { carriers } from '../../shared/sync/protocol';
import { placeKey, runToRelease } from '../../shared/sync/site-runs';
import { centreWho } from '../../shared/sync/site-records';
import type { LocationData } from '../../shared/sync/station-events';
import type { ReadHandle, WriteHandle } from '../platform/db/connection';
import { sql } from '../platform/db/sql';
import type { OrderData } from './orders';
import { readSiteConfig } from './site-objects';
import { releaseRun } from './site-runs';

export type SentRun = {
  readonly runId: string;
  readonly shipDate: string;
  readonly carrier: string;
  readonly orders: readonly string[];
  readonly lines: number;
};

/**
 * A run planned at the centre (issue #12: some marketplaces plan their waves centrally): up to
 * `orders` open orders of the site's next ship date (from today, as the stations plan), of one carrier and cutoff (`carrier`'s when
 * given), in no run yet and filled by the site's free stock, batched and routed as a station
 * would (`runOf`, within the site's limits), then released here as a station's release is: its
 * orders and units reserved site-wide. Every station gets it with its next pull and picks it like
 * any other. Null when no order can be sent.
 */
export function sendRun(
  tx: WriteHandle,
  input: { readonly orders: number; readonly carrier?: (typeof carriers)[number] | undefined },
  at: number,
): SentRun | null {
  const site = readSiteConfig(tx)?.data;
  const limits = site?.runLimits ?? defaultRunLimits;
  const today = siteDay(at, site?.timeZone ?? defaultSiteTimeZone);
  const open = tx
    .all<{ data: string }>(
      sql`
      SELECT data FROM centre_order
      WHERE status = 'open' AND ship_date >= ${today} AND order_id NOT IN (SELECT order_id FROM run_order)
      ORDER BY ship_date, placed_at, order_id`,
    )
    .map((row) => JSON.parse(row.data) as OrderData);
  const shipDate = open[0]?.shipDate;
  if (!shipDate) return null;
  const locations = tx.all<{ data: string }>(sql`SELECT data FROM location`).map((row) => JSON.parse(row.data) as LocationData);
  const { fillable } = allocateLines(
    open.filter((order) => order.shipDate === shipDate && (input.carrier === undefined || order.carrier === input.carrier)),
    freeStock(tx, locations),
  );
  const first = fillable[0];
  if (!first) return null;
  const group = fillable.filter((order) => order.carrier === first.carrier && order.cutoff === first.cutoff);
  const layout = siteLayout(
    locations
      .filter((location) => location.active)
      .sort((a, b) => a.walkOrder - b.walkOrder || a.code.localeCompare(b.code))
      .map((location) => location.code),
  );
  // As many of the group's first orders as the site's limits let one run hold (lines and units may stop it sooner).
  for (let count = Math.min(input.orders, group.length, limits.ordersPerRun, limits.toteSlots); count > 0; count -= 1) {
    const built = runOf(group.slice(0, count), layout, limits);
    if (!built.ok) continue;
    const released = runToRelease(built.value, uuidv7({ msecs: at }), shipDate);
    const refusal = releaseRun(tx, released, centreWho, new Date(at).toISOString(), null);
    if (refusal) throw new Error(`the centre refused its own run: ${refusal.code} ${refusal.message}`);
    return { runId: released.runId, shipDate, carrier: released.carrier, orders: released.orders.map((order) => order.orderId), lines: built.value.lines };
  }
  return null;
}

/** The site's loose stock at active pick faces and storage, less what live runs reserve there. */
function freeStock(read: ReadHandle, locations: readonly LocationData[]): PickableStock[] {
  const byCode = new Map(locations.filter((location) => location.active).map((location) => [location.code, location]));
  const reserved = new Map(
    read
      .all<{ location: string; sku: string; n: number }>(sql`SELECT location, sku, sum(quantity) AS n FROM run_reservation GROUP BY location, sku`)
      .map((row) => [placeKey(row.location, row.sku), row.n]),
  );
  return read
    .all<{ location: string; sku: string; n: number }>(
      sql`
      SELECT location, sku, sum(quantity) AS n FROM site_stock WHERE container = '' GROUP BY location, sku`,
    )
    .flatMap((row) => {
      const location = byCode.get(row.location);
      const available = row.n - (reserved.get(placeKey(row.location, row.sku)) ?? 0);
      if (!location || available <= 0 || (location.type !== 'pick_face' && location.type !== 'storage')) return [];
      return [{ location: row.location, type: location.type, walkOrder: location.walkOrder, sku: row.sku, available }];
    });
}
