import type { ReadHandle, WriteHandle } from '../platform/db/connection';
import { sql, type Sql } from '../platform/db/sql';
import type { CentreRecord } from '../../shared/sync/protocol';

/** What a station pulls: every record but the site's stock, which a bootstrap alone sends (movements follow it). */
export type PulledRecord = Exclude<CentreRecord, { entity: 'stock' }>;
export type ChangeRow = {
  change_id: number;
  entity: PulledRecord['entity'];
  key: string;
  op: 'upsert' | 'delete';
  version: number;
  data: string | null;
  origin: string | null;
};

/** Who made a site record's version: named in the stations' audit. */
export type Origin = { readonly stationId: string; readonly name: string };

/**
 * Appends a change in the same transaction as the data it describes (docs/protocol.md, pull):
 * the change log is in commit order because SQLite has one writer at a time.
 */
export function recordChange(tx: WriteHandle, record: Readonly<PulledRecord>, origin: Origin | null = null): number {
  const data = record.data === null ? null : JSON.stringify(record.data);
  return Number(
    tx.run(sql`
      INSERT INTO change_log (entity, key, op, version, data, origin)
      VALUES (${record.entity}, ${record.key}, ${record.op}, ${record.version}, ${data}, ${origin === null ? null : JSON.stringify(origin)})`).lastInsertRowid,
  );
}

export const changesAfterQuery = (changeId: number, limit: number): Sql =>
  sql`SELECT change_id, entity, key, op, version, data, origin FROM change_log WHERE change_id > ${changeId} ORDER BY change_id LIMIT ${limit}`;

export function readChangesAfter(read: ReadHandle, changeId: number, limit: number): ChangeRow[] {
  return read.all<ChangeRow>(changesAfterQuery(changeId, limit));
}

/** The newest change id, 0 before the first; a snapshot taken now continues from it. */
export function headChangeId(read: ReadHandle): number {
  return read.get<{ head: number | null }>(sql`SELECT max(change_id) AS head FROM change_log`)?.head ?? 0;
}

export function rowToChange(row: Readonly<ChangeRow>): PulledRecord & { changeId: number } {
  return {
    changeId: row.change_id,
    entity: row.entity,
    key: row.key,
    op: row.op,
    version: row.version,
    data: row.data === null ? null : (JSON.parse(row.data) as never),
    ...(row.origin === null ? {} : { by: JSON.parse(row.origin) as Origin }),
  };
}

/**
 * Opaque to the station (docs/protocol.md): version, epoch, change id. A cursor from another
 * epoch means a restore happened and the station must bootstrap again.
 */
export function encodeCursor(epoch: string, changeId: number): string {
  return Buffer.from(`c1|${epoch}|${changeId}`, 'utf8').toString('base64url');
}

export type DecodedCursor = { readonly epoch: string; readonly changeId: number };

/** The cursor's parts, or null if it is not one of ours. */
export function decodeCursor(cursor: string): DecodedCursor | null {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const changeId = Number(parts[2]);
  if (parts.length !== 3 || parts[0] !== 'c1' || !parts[1] || !Number.isSafeInteger(changeId) || changeId < 0) return null;
  return { epoch: parts[1], changeId };
}
