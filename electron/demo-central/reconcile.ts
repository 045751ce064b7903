import { z } from 'zod';
import type { Database, ReadHandle } from '../platform/db/connection';
import { sql } from '../platform/db/sql';
import type { ReconcileResponse, ReconcileZoneResponse } from '../../shared/sync/protocol';
import { zoneChecksum } from '../../shared/sync/reconcile';
import { decodeCursor, headChangeId } from './changes';
import { describeIssues, ok, problem, type Reply } from './http';
import { readSiteStock, type SiteStockRow } from './site-stock';
import { readEpoch } from './store';

const reconcileQuerySchema = z.object({ zone: z.string().min(1).max(20).optional(), cursor: z.string().optional() });

/** Zone of every location of the site's layout; a line at a location the layout lacks is in zone '?'. */
function zonesByLocation(read: ReadHandle): Map<string, string> {
  const rows = read.all<{ code: string; zone: string }>(sql`SELECT code, json_extract(data, '$.zone') AS zone FROM location`);
  return new Map(rows.map((row) => [row.code, row.zone]));
}

function stockByZone(read: ReadHandle): Map<string, SiteStockRow[]> {
  const zoneOf = zonesByLocation(read);
  const zones = new Map<string, SiteStockRow[]>();
  for (const row of readSiteStock(read)) {
    const zone = zoneOf.get(row.location) ?? '?';
    const lines = zones.get(zone) ?? [];
    lines.push(row);
    zones.set(zone, lines);
  }
  return zones;
}

/**
 * GET /v1/reconcile (docs/protocol.md): per zone, a checksum of the site's stock after `changeId`;
 * with `?zone=`, that zone's lines, for the station's drill-down. Read in one snapshot, so the
 * figures and the change id they follow belong together.
 */
export function handleReconcile(db: Database, query: URLSearchParams): Reply {
  const parsed = reconcileQuerySchema.safeParse(Object.fromEntries(query));
  if (!parsed.success) return problem(400, 'BAD_REQUEST', describeIssues(parsed.error.issues));
  const cursor = parsed.data.cursor === undefined ? null : decodeCursor(parsed.data.cursor);
  return db.write((tx) => {
    const changeId = headChangeId(tx);
    const epoch = readEpoch(tx);
    const base = { changeId, epoch, upToDate: cursor !== null && cursor.epoch === epoch && cursor.changeId === changeId };
    const zones = stockByZone(tx);
    if (parsed.data.zone !== undefined) {
      const response: ReconcileZoneResponse = { ...base, rows: zones.get(parsed.data.zone) ?? [] };
      return ok(response);
    }
    const response: ReconcileResponse = {
      ...base,
      zones: [...zones.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([zone, lines]) => ({ zone, ...zoneChecksum(lines) })),
    };
    return ok(response);
  });
}
