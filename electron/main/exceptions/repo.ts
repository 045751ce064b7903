import type { SiteException, SiteExceptionKind } from '../../../shared/sync/status';
import { actionsFor } from '../../../shared/sync/status';
import { applyExceptionEvent, exceptionDataSchema, type ExceptionData, type ExceptionEvent } from '../../../shared/sync/site-exceptions';
import type { Who } from '../../../shared/sync/site-records';
import { toIso } from '../../platform/clock';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { parseStoredJson } from '../../platform/json';
import { stationIdOf } from '../site/who';
import { appendEvent, type OutboxActor } from '../sync/outbox';

// SQL of the site's exceptions on this station (shared/sync/site-exceptions.ts).

export type Raised = {
  readonly kind: SiteExceptionKind;
  /** What it is about, in the warehouse's codes (`SKU@LOCATION`, a task id, a zone). */
  readonly subject: string;
  /** The location a recount would count, when there is one. */
  readonly location?: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
  /**
   * What caused it, the same on every station that finds it (an event id, a pick id): the
   * exception's id is made of it, so the site keeps one exception per fact.
   */
  readonly cause: string;
};

type Detail = ExceptionData['detail'];

/** A detail as the protocol carries it: short keys, plain values, long texts cut. */
const plainDetail = (detail: Readonly<Record<string, unknown>>): Detail =>
  Object.fromEntries(
    Object.entries(detail)
      .filter(([key]) => key.length <= 40)
      .flatMap(([key, value]): [string, Detail[string]][] => {
        if (typeof value === 'string') return [[key, value.slice(0, 500)]];
        if (typeof value === 'number' || typeof value === 'boolean' || value === null) return [[key, value]];
        return [];
      }),
  );

/**
 * What the shift lead must look at (docs/domain.md, the shift lead's day), recorded in the
 * transaction that found it and raised to the site: the centre keeps it and every station of the
 * site shows it. Found again (by this station or pulled from another), it changes nothing.
 */
export function recordSiteException(tx: WriteHandle, at: number, raised: Raised, actor: OutboxActor = null): string {
  const exceptionId = `${raised.kind}:${raised.cause}`.slice(0, 200);
  if (findException(tx, exceptionId)) return exceptionId;
  const payload = {
    exceptionId,
    kind: raised.kind,
    subject: raised.subject.slice(0, 200),
    location: raised.location ?? null,
    detail: plainDetail(raised.detail),
  };
  const raisedBy: Who = { personId: '', name: actor?.name ?? '', stationId: stationIdOf(tx) };
  const applied = applyExceptionEvent(null, { type: 'exception.raised', payload }, { actor: raisedBy, at: toIso(at) });
  if (applied.ok) writeException(tx, applied.value, 0);
  appendEvent(tx, { type: 'exception.raised', at, actor, payload });
  return exceptionId;
}

type Row = { exception_id: string; version: number; data: string };

export type StoredException = { readonly data: ExceptionData; readonly version: number };

/** A row as stored; a damaged one (not JSON, not an exception) is left out, never a crash. */
const parseRow = (row: Row): StoredException | null => {
  const json = parseStoredJson(row.data);
  const parsed = json.ok ? exceptionDataSchema.safeParse(json.value) : null;
  return parsed?.success ? { data: parsed.data, version: row.version } : null;
};

export function findException(read: ReadHandle, exceptionId: string): StoredException | null {
  const row = read.get<Row>(sql`SELECT exception_id, version, data FROM site_exception WHERE exception_id = ${exceptionId}`);
  return row ? parseRow(row) : null;
}

export function writeException(tx: WriteHandle, exception: Readonly<ExceptionData>, version?: number): void {
  const at = Date.parse(exception.raisedAt) || 0;
  const resolvedAt = exception.resolution ? Date.parse(exception.resolution.at) || at : null;
  tx.run(sql`
    INSERT INTO site_exception (at, kind, subject, detail, resolved_at, exception_id, version, data)
    VALUES (${at}, ${exception.kind}, ${exception.subject}, ${JSON.stringify(exception.detail)}, ${resolvedAt}, ${exception.exceptionId}, ${version ?? 0}, ${JSON.stringify(exception)})
    ON CONFLICT (exception_id) DO UPDATE SET resolved_at = excluded.resolved_at, data = excluded.data,
      version = CASE WHEN ${version ?? null} IS NULL THEN site_exception.version ELSE excluded.version END`);
}

const pendingOf = (read: ReadHandle, exceptionId: string) =>
  read.all<{ type: string; payload: string; occurred_at: number; actor_name: string | null; person_id: string | null }>(sql`
    SELECT o.type, o.payload, o.occurred_at, o.actor_name, u.person_id FROM outbox o LEFT JOIN app_user u ON u.id = o.actor_user_id
    WHERE o.state = 'pending' AND o.type LIKE 'exception.%' AND json_extract(o.payload, '$.exceptionId') = ${exceptionId} ORDER BY o.seq`);

/** The exceptions the centre may not know yet, or not their resolution here: one read for a whole list. */
export const unconfirmedIds = (read: ReadHandle): ReadonlySet<string> =>
  new Set(
    read
      .all<{ id: string }>(sql`SELECT DISTINCT json_extract(payload, '$.exceptionId') AS id FROM outbox WHERE state = 'pending' AND type LIKE 'exception.%'`)
      .map((row) => row.id),
  );

/**
 * The centre's version of an exception, with this station's resolution it has not confirmed yet on
 * top: what the shift lead did here stays visible until the centre says who resolved it first.
 */
export function applyPulledException(tx: WriteHandle, exception: Readonly<ExceptionData>, version: number, context: { readonly generation: number }): void {
  const held = findException(tx, exception.exceptionId);
  if (held && context.generation === 0 && version < held.version) return;
  let current: ExceptionData = exception;
  const stationId = stationIdOf(tx);
  for (const event of pendingOf(tx, exception.exceptionId)) {
    const applied = applyExceptionEvent(current, { type: event.type, payload: JSON.parse(event.payload) as unknown } as ExceptionEvent, {
      actor: { personId: event.person_id ?? '', name: event.actor_name ?? '', stationId },
      at: toIso(event.occurred_at),
    });
    if (applied.ok) current = applied.value;
  }
  writeException(tx, current, version);
}

/** Open first, newest first; with `resolved`, the last ones settled too (what was done about them). */
export function listSiteExceptions(read: ReadHandle, scope: 'open' | 'resolved', limit: number): SiteException[] {
  const rows =
    scope === 'open'
      ? read.all<Row>(sql`SELECT exception_id, version, data FROM site_exception WHERE resolved_at IS NULL ORDER BY at DESC, id DESC LIMIT ${limit}`)
      : read.all<Row>(
          sql`SELECT exception_id, version, data FROM site_exception WHERE resolved_at IS NOT NULL ORDER BY resolved_at DESC, id DESC LIMIT ${limit}`,
        );
  const unconfirmed = unconfirmedIds(read);
  return rows.flatMap((row) => {
    const stored = parseRow(row);
    return stored ? [viewOf(stored.data, unconfirmed)] : [];
  });
}

/** One exception as the screens show it; `unconfirmed` from `unconfirmedIds`. */
export function viewOf(exception: Readonly<ExceptionData>, unconfirmed: ReadonlySet<string>): SiteException {
  const { resolution } = exception;
  return {
    exceptionId: exception.exceptionId,
    at: exception.raisedAt,
    kind: exception.kind,
    subject: exception.subject,
    location: exception.location,
    detail: exception.detail,
    raisedBy: { name: exception.raisedBy.name, station: exception.raisedBy.stationId },
    actions: resolution ? [] : actionsFor(exception.kind, exception.location),
    resolution: resolution
      ? {
          action: resolution.action,
          note: resolution.note,
          by: resolution.by.name,
          station: resolution.by.stationId,
          at: resolution.at,
          taskId: resolution.taskId,
          runId: resolution.runId,
        }
      : null,
    unconfirmed: unconfirmed.has(exception.exceptionId),
  };
}

export function countOpenSiteExceptions(read: ReadHandle): number {
  return read.get<{ n: number }>(sql`SELECT count(*) AS n FROM site_exception WHERE resolved_at IS NULL`)?.n ?? 0;
}
