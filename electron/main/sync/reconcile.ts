import type { ReconcileReport } from '../../../shared/ipc/sync';
import { diffLines, zoneChecksum, type ReconcileLine } from '../../../shared/sync/reconcile';
import type { SyncStatus } from '../../../shared/sync/status';
import { toIso, type Clock } from '../../platform/clock';
import type { Database, ReadHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import type { CentreClient } from './client';
import { recordSiteException } from '../exceptions/repo';
import { appendEvent } from './outbox';
import { pendingCount } from './outbox';
import { readSyncState } from './state';

/**
 * The daily reconciliation (docs/domain.md, Stock control; issue #11): does this station's stock equal the
 * centre's view of the site? Compared zone by zone with checksums, only when nothing of ours is
 * waiting and our cursor stands where the centre's figures do (otherwise sync and ask again);
 * a zone that differs is fetched line by line. A mismatch is an exception for the shift lead and
 * an event for the centre's people.
 */

type Line = ReconcileLine & { readonly zone: string };

function stationLines(read: ReadHandle): Line[] {
  return read.all<Line>(sql`
    SELECT l.zone, l.code AS location, c.code AS container, p.sku, lot.code AS lot, b.quantity
    FROM stock_balance b JOIN product p ON p.id = b.product_id JOIN location l ON l.id = b.location_id
    LEFT JOIN lot ON lot.id = b.lot_id LEFT JOIN container c ON c.id = b.container_id
    WHERE b.quantity <> 0`);
}

export function latestReconcile(read: ReadHandle): SyncStatus['reconcile'] {
  const row = read.get<{ at: number; outcome: NonNullable<SyncStatus['reconcile']>['outcome']; detail: string }>(
    sql`SELECT at, outcome, detail FROM reconcile_run ORDER BY id DESC LIMIT 1`,
  );
  if (!row) return null;
  let zones: string[];
  try {
    zones = (JSON.parse(row.detail) as { mismatched?: string[] }).mismatched ?? [];
  } catch {
    zones = [];
  }
  return { at: toIso(row.at), outcome: row.outcome, zones };
}

export type ReconcileDeps = {
  readonly db: Database;
  readonly clock: Clock;
  readonly client: () => CentreClient | null;
  /** One push-then-pull cycle (the sync engine's), so both sides stand at the same change. */
  readonly syncNow: () => Promise<unknown>;
};

const attempts = 3;

export async function reconcileWithCentre(deps: ReconcileDeps): Promise<ReconcileReport> {
  const { db, clock } = deps;
  const report = (outcome: ReconcileReport['outcome'], rest: Partial<ReconcileReport> = {}): ReconcileReport => {
    const at = clock.now();
    const full: ReconcileReport = { at: toIso(at), outcome, zones: [], differences: [], message: null, ...rest };
    db.write((tx) => {
      const mismatched = full.zones.filter((zone) => !zone.equal).map((zone) => zone.zone);
      tx.run(sql`INSERT INTO reconcile_run (at, outcome, detail) VALUES (${at}, ${outcome}, ${JSON.stringify({ mismatched, message: full.message })})`);
      if (outcome !== 'mismatch') return;
      for (const zone of mismatched) {
        const rows = full.differences.filter((d) => d.zone === zone).slice(0, 500);
        recordSiteException(tx, at, { kind: 'RECONCILE_MISMATCH', subject: zone, detail: { lines: rows.length }, cause: `${zone}@${toIso(at)}` });
        appendEvent(tx, {
          type: 'stock.reconcile-mismatch',
          at,
          actor: null,
          payload: {
            zone,
            rows: rows.map((d) => ({ location: d.location, container: d.container, sku: d.sku, lot: d.lot, station: d.station, centre: d.centre })),
          },
        });
      }
    });
    return full;
  };

  const client = deps.client();
  if (!client) return report('not_comparable', { message: 'no centre is configured' });
  try {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      await deps.syncNow();
      const saved = readSyncState(db.read);
      if (pendingCount(db.read) > 0 || saved.cursor === null) continue;
      const answer = await client.reconcile(saved.cursor);
      if (!answer.upToDate) continue;
      const lines = stationLines(db.read);
      const byZone = new Map<string, Line[]>();
      for (const line of lines) byZone.set(line.zone, [...(byZone.get(line.zone) ?? []), line]);
      const centreZones = new Map(answer.zones.map((zone) => [zone.zone, zone]));
      const zoneNames = [...new Set([...byZone.keys(), ...centreZones.keys()])].sort();
      const zones = zoneNames.map((zone) => {
        const ours = zoneChecksum(byZone.get(zone) ?? []);
        const theirs = centreZones.get(zone);
        return { zone, lines: ours.lines, equal: theirs !== undefined ? theirs.checksum === ours.checksum : ours.lines === 0 };
      });
      const differing = zones.filter((zone) => !zone.equal);
      if (differing.length === 0) return report('match', { zones });
      const differences: ReconcileReport['differences'][number][] = [];
      for (const { zone } of differing) {
        const detail = await client.reconcileZone(saved.cursor, zone);
        differences.push(...diffLines(byZone.get(zone) ?? [], detail.rows).map((difference) => ({ ...difference, zone })));
      }
      return report('mismatch', { zones, differences });
    }
    return report('not_comparable', { message: 'the site kept changing, or this station has events waiting: try again' });
  } catch (error) {
    return report('failed', { message: error instanceof Error ? error.message : String(error) });
  }
}
