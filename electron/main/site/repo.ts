import { runLimitsSchema } from '../../../shared/picking';
import type { SiteView } from '../../../shared/people';
import type { RunLimits } from '../../../shared/outbound/run-sizing';
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

/**
 * The site's limits per pick run, or null for the defaults. A damaged value (not the schema's) is
 * null too: planning goes on with the defaults rather than failing.
 */
export function readRunLimits(read: ReadHandle): RunLimits | null {
  const text = read.get<{ run_limits: string | null }>(sql`SELECT run_limits FROM site WHERE id = 1`)?.run_limits ?? null;
  if (text === null) return null;
  try {
    const parsed = runLimitsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeRunLimits(tx: WriteHandle, limits: Readonly<RunLimits> | null): void {
  tx.run(sql`UPDATE site SET run_limits = ${limits === null ? null : JSON.stringify(limits)} WHERE id = 1`);
}
