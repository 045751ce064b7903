import type { AuditAction } from '../../../shared/audit';
import type { AuditEntryView, AuditOutcome, AuditPage } from '../../../shared/ipc/audit';
import { toIso } from '../../platform/clock';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { parseStoredJson } from '../../platform/json';

export type AuditEntry = {
  readonly userId: number | null;
  readonly action: AuditAction;
  readonly outcome: AuditOutcome;
  readonly target?: string | null;
  readonly detail?: Readonly<Record<string, unknown>>;
  /** Another station of the site, when the action happened there (a pulled change); absent: here. */
  readonly station?: string;
};

type AuditRow = {
  id: number;
  at: number;
  user_id: number | null;
  user_name: string | null;
  action: string;
  outcome: AuditOutcome;
  target: string | null;
  target_name: string | null;
  detail: string;
  station: string | null;
};

export function appendAudit(tx: WriteHandle, at: number, entry: Readonly<AuditEntry>): void {
  tx.run(sql`
    INSERT INTO audit (at, user_id, action, outcome, target, detail, station)
    VALUES (${at}, ${entry.userId}, ${entry.action}, ${entry.outcome}, ${entry.target ?? null},
            ${JSON.stringify(entry.detail ?? {})}, ${entry.station ?? null})`);
}

/** A detail that is not a JSON object (a damaged row) is shown as its text, never breaks the list. */
function detailOf(text: string): Record<string, unknown> {
  const parsed = parseStoredJson(text);
  return parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value)
    ? (parsed.value as Record<string, unknown>)
    : { unreadable: text.slice(0, 500) };
}

const rowToEntry = (row: AuditRow, here: string | null): AuditEntryView => ({
  id: row.id,
  station: row.station ?? here,
  at: toIso(row.at),
  user: row.user_id === null ? null : { id: row.user_id, name: row.user_name ?? '' },
  action: row.action,
  outcome: row.outcome,
  target: row.target,
  targetName: row.target_name,
  detail: detailOf(row.detail),
});

export function listAudit(
  read: ReadHandle,
  query: { readonly offset: number; readonly limit: number; readonly outcome?: AuditOutcome | undefined },
): AuditPage {
  const where = query.outcome ? sql`WHERE a.outcome = ${query.outcome}` : sql``;
  const rows = read.all<AuditRow>(sql`
    SELECT a.id, a.at, a.user_id, u.name AS user_name, a.action, a.outcome, a.target, t.name AS target_name, a.detail, a.station
    FROM audit a LEFT JOIN app_user u ON u.id = a.user_id
    LEFT JOIN app_user t ON a.target = 'user:' || t.id
    ${where}
    ORDER BY a.id DESC LIMIT ${query.limit} OFFSET ${query.offset}`);
  const total = read.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit a ${where}`)?.n ?? 0;
  const here = read.get<{ station_id: string }>(sql`SELECT station_id FROM centre_connection WHERE id = 1`)?.station_id ?? null;
  return { entries: rows.map((row) => rowToEntry(row, here)), total };
}
