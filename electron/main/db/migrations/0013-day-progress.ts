import type { Migration } from '../../../platform/db/migration';
import { orderProgressOf, runDataSchema } from '../../../../shared/sync/site-runs';
import { parcelDataSchema } from '../../../../shared/sync/site-parcels';
import { sql } from '../../../platform/db/sql';
import { parcelTimes, runProgressRow } from '../../dashboard/progress-rows';

/**
 * The shift lead's figures kept as the work happens (issue #13, `outbound.dashboard-refresh`): per
 * run and order, the units left to pick and its last pick, written with every version of the run;
 * per parcel, when and by whom it was packed and loaded, written with the parcel. The dashboard then
 * counts the day in one query instead of reading every run and parcel record of the day again after
 * each event. Filled here from the runs and parcels the station holds.
 */
export const migration0013 = {
  version: 13,
  name: 'the day’s progress per order and parcel',
  up: (tx) => {
    tx.exec(/* sql */ `
      CREATE TABLE run_order_progress (
        run_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        ship_date TEXT NOT NULL,
        units_left INTEGER NOT NULL,
        last_pick_at INTEGER,
        last_pick_by TEXT,
        PRIMARY KEY (run_id, order_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX run_order_progress_by_date ON run_order_progress (ship_date, order_id);
      ALTER TABLE site_parcel ADD COLUMN packed_at INTEGER;
      ALTER TABLE site_parcel ADD COLUMN packed_by TEXT;
      ALTER TABLE site_parcel ADD COLUMN loaded_at INTEGER;
      ALTER TABLE site_parcel ADD COLUMN loaded_by TEXT;
    `);
    for (const row of tx.all<{ data: string }>(sql`SELECT data FROM pick_run`)) {
      const run = runDataSchema.safeParse(JSON.parse(row.data));
      if (!run.success || run.data.state === 'cancelled' || run.data.state === 'refused') continue;
      for (const order of orderProgressOf(run.data)) tx.run(runProgressRow(run.data, order));
    }
    for (const row of tx.all<{ sscc: string; data: string }>(sql`SELECT sscc, data FROM site_parcel`)) {
      const parcel = parcelDataSchema.safeParse(JSON.parse(row.data));
      if (!parcel.success) continue;
      const times = parcelTimes(parcel.data);
      tx.run(sql`
        UPDATE site_parcel SET packed_at = ${times.packedAt}, packed_by = ${times.packedBy}, loaded_at = ${times.loadedAt}, loaded_by = ${times.loadedBy}
        WHERE sscc = ${row.sscc}`);
    }
  },
} satisfies Migration;
