import type { SiteException, SiteExceptionKind } from '../../../shared/sync/status';
import { toIso } from '../../platform/clock';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';

/**
 * What the shift lead must look at (docs/domain.md, the shift lead's day): a balance taken below zero by
 * two stations, a claim another station won, a reconciliation that found a difference, a pulled
 * movement this station could not place. Recorded in the transaction that found it.
 */
export function recordSiteException(tx: WriteHandle, at: number, kind: SiteExceptionKind, subject: string, detail: Readonly<Record<string, unknown>>): number {
  return Number(
    tx.run(sql`INSERT INTO site_exception (at, kind, subject, detail) VALUES (${at}, ${kind}, ${subject}, ${JSON.stringify(detail)})`).lastInsertRowid,
  );
}

type Row = { id: number; at: number; kind: SiteExceptionKind; subject: string; detail: string; resolved_at: number | null };

const safeJson = (text: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

export function openSiteExceptions(read: ReadHandle, limit: number): SiteException[] {
  return read
    .all<Row>(sql`SELECT id, at, kind, subject, detail, resolved_at FROM site_exception WHERE resolved_at IS NULL ORDER BY id DESC LIMIT ${limit}`)
    .map((row) => ({ id: row.id, at: toIso(row.at), kind: row.kind, subject: row.subject, detail: safeJson(row.detail) }));
}

export function countOpenSiteExceptions(read: ReadHandle): number {
  return read.get<{ n: number }>(sql`SELECT count(*) AS n FROM site_exception WHERE resolved_at IS NULL`)?.n ?? 0;
}
