import type { SiteView } from '../../../shared/people';
import { toIso } from '../../platform/clock';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';

type SiteRow = { code: string; name: string; demo: number; created_at: number; time_zone: string };

const rowToSite = (row: SiteRow): SiteView => ({
  code: row.code,
  name: row.name,
  demo: row.demo === 1,
  createdAt: toIso(row.created_at),
  timeZone: row.time_zone,
});

export function readSite(read: ReadHandle): SiteView | null {
  const row = read.get<SiteRow>(sql`SELECT code, name, demo, created_at, time_zone FROM site WHERE id = 1`);
  return row ? rowToSite(row) : null;
}

export function insertSite(
  tx: WriteHandle,
  site: { code: string; name: string; demo: boolean; createdAt: number; timeZone: string; siteId: string | null },
): void {
  tx.run(sql`
    INSERT INTO site (id, code, name, demo, created_at, time_zone, site_id)
    VALUES (1, ${site.code}, ${site.name}, ${site.demo ? 1 : 0}, ${site.createdAt}, ${site.timeZone}, ${site.siteId})`);
}
