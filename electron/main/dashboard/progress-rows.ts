import type { ParcelData } from '../../../shared/sync/site-parcels';
import type { RunData, RunOrderProgress } from '../../../shared/sync/site-runs';
import { sql, type Sql } from '../../platform/db/sql';

// The rows the dashboard counts (migration 13): written with each run and parcel, in the same transaction.

export const runProgressRow = (run: Readonly<RunData>, order: RunOrderProgress): Sql => sql`
  INSERT INTO run_order_progress (run_id, order_id, ship_date, units_left, last_pick_at, last_pick_by)
  VALUES (${run.runId}, ${order.orderId}, ${run.shipDate}, ${order.left}, ${order.lastPickAt === null ? null : Date.parse(order.lastPickAt)}, ${order.lastPickBy})
  ON CONFLICT (run_id, order_id) DO UPDATE SET ship_date = excluded.ship_date, units_left = excluded.units_left,
    last_pick_at = excluded.last_pick_at, last_pick_by = excluded.last_pick_by
  WHERE units_left IS NOT excluded.units_left OR last_pick_at IS NOT excluded.last_pick_at OR ship_date IS NOT excluded.ship_date`;

/** When and by whom a parcel was packed and loaded (a person by id, else by name), as the columns keep it. */
export const parcelTimes = (parcel: Readonly<ParcelData>) => ({
  packedAt: Date.parse(parcel.packedAt),
  packedBy: parcel.packedBy.personId || parcel.packedBy.name,
  loadedAt: parcel.loaded ? Date.parse(parcel.loaded.at) : null,
  loadedBy: parcel.loaded ? parcel.loaded.by.personId || parcel.loaded.by.name : null,
});
