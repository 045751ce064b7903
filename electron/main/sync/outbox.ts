import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { currentEventVersion, eventSchemas, type EventPayloadOf, type EventType, type MovementDelta } from '../../../shared/sync/station-events';
import type { PushResult, StationEvent } from '../../../shared/sync/protocol';
import { toIso } from '../../platform/clock';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql, sqlIn } from '../../platform/db/sql';
import { parseStoredJson } from '../../platform/json';

export type OutboxActor = { readonly userId: number; readonly name: string } | null;

/**
 * Appends a station event in the caller's transaction: the scan and its event commit together.
 * The seq comes from sync_state, not from max(seq), so it stays gapless after old rows are purged.
 * The payload is parsed with its type's current schema (shared/sync/events.ts) before it is
 * written: an event the centre would reject is a bug here, and rolls the whole change back.
 */
export function appendEvent<T extends EventType>(
  tx: WriteHandle,
  event: { readonly type: T; readonly at: number; readonly actor: OutboxActor; readonly payload: EventPayloadOf<T> },
): { seq: number; eventId: string } {
  const version = currentEventVersion[event.type];
  const schema = (eventSchemas[event.type] as Readonly<Record<number, { parse: (value: unknown) => unknown }>>)[version];
  const payload = schema?.parse(event.payload);
  const seq = tx.get<{ last_seq: number }>(sql`UPDATE sync_state SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq`)?.last_seq ?? 0;
  const eventId = uuidv7({ msecs: event.at });
  tx.run(sql`
    INSERT INTO outbox (seq, event_id, type, schema_version, occurred_at, actor_user_id, actor_name, payload)
    VALUES (${seq}, ${eventId}, ${event.type}, ${version}, ${event.at}, ${event.actor?.userId ?? null}, ${event.actor?.name ?? null}, ${JSON.stringify(payload)})`);
  return { seq, eventId };
}

/** The deltas the centre applies for these ledger rows: codes, not station ids. */
export function movementDeltas(read: ReadHandle, movementIds: readonly number[]): MovementDelta[] {
  return read
    .all<{
      kind: MovementDelta['kind'];
      sku: string;
      lot: string | null;
      from_location: string | null;
      from_container: string | null;
      to_location: string | null;
      to_container: string | null;
      quantity: number;
    }>(
      sql`
      SELECT m.kind, p.sku, lot.code AS lot, fl.code AS from_location, fc.code AS from_container,
             tl.code AS to_location, tc.code AS to_container, m.quantity
      FROM movement m JOIN product p ON p.id = m.product_id LEFT JOIN lot ON lot.id = m.lot_id
      LEFT JOIN location fl ON fl.id = m.from_location_id LEFT JOIN container fc ON fc.id = m.from_container_id
      LEFT JOIN location tl ON tl.id = m.to_location_id LEFT JOIN container tc ON tc.id = m.to_container_id
      WHERE m.id IN ${sqlIn(movementIds)} ORDER BY m.id`,
    )
    .map((row) => ({
      kind: row.kind,
      sku: row.sku,
      lot: row.lot,
      from: { location: row.from_location, container: row.from_container },
      to: { location: row.to_location, container: row.to_container },
      quantity: row.quantity,
    }));
}

type OutboxRow = {
  seq: number;
  event_id: string;
  type: EventType;
  schema_version: number;
  occurred_at: number;
  person_id: string | null;
  actor_name: string | null;
  payload: string;
};

/** An outbox row whose payload text is not JSON (a damaged file): kept as text, never thrown. */
export type UnreadableEvent = Omit<StationEvent, 'payload'> & { readonly payload: { readonly unreadable: string } };

/** The actor travels as the site-wide person id, the same on every station (the local user id is not). */
const rowToEvent = (row: OutboxRow): StationEvent | UnreadableEvent => {
  const payload = parseStoredJson(row.payload);
  const event = {
    eventId: row.event_id,
    seq: row.seq,
    type: row.type,
    schemaVersion: row.schema_version,
    occurredAt: toIso(row.occurred_at),
    actor: row.person_id === null ? null : { personId: row.person_id, name: row.actor_name ?? '' },
  };
  return payload.ok ? { ...event, payload: payload.value } : { ...event, payload: { unreadable: row.payload.slice(0, 2000) } };
};

export const isUnreadable = (event: StationEvent | UnreadableEvent): event is UnreadableEvent =>
  typeof event.payload === 'object' && event.payload !== null && 'unreadable' in event.payload;

const outboxColumns = sql`o.seq, o.event_id, o.type, o.schema_version, o.occurred_at, u.person_id, o.actor_name, o.payload`;

/** The next events to push, in seq order; a damaged one is returned as such, for the caller to stop at. */
export function pendingEvents(read: ReadHandle, limit: number): (StationEvent | UnreadableEvent)[] {
  return read
    .all<OutboxRow>(
      sql`
      SELECT ${outboxColumns} FROM outbox o LEFT JOIN app_user u ON u.id = o.actor_user_id
      WHERE o.state = 'pending' ORDER BY o.seq LIMIT ${limit}`,
    )
    .map(rowToEvent);
}

/**
 * Whether this station changed a site record the centre has not confirmed yet: a pulled version of
 * it must not undo that change (a pull can cross it), the centre's answer to it will come.
 * `key` picks the record in an event's payload: a JSON path to its key, or to an array of records
 * (`$.locations[*].code`-style: `within` the array, `field` in each).
 */
export function changedHere(
  read: ReadHandle,
  type: EventType,
  key: { readonly path: string; readonly value: string } | { readonly within: string; readonly field: string; readonly value: string } | null,
): boolean {
  if (key === null) return read.get(sql`SELECT 1 AS found FROM outbox WHERE state = 'pending' AND type = ${type} LIMIT 1`) !== undefined;
  if ('path' in key)
    return (
      read.get(sql`SELECT 1 AS found FROM outbox WHERE state = 'pending' AND type = ${type} AND json_extract(payload, ${key.path}) = ${key.value} LIMIT 1`) !==
      undefined
    );
  return (
    read.get(sql`
      SELECT 1 AS found FROM outbox o, json_each(o.payload, ${key.within}) item
      WHERE o.state = 'pending' AND o.type = ${type} AND json_extract(item.value, ${`$.${key.field}`}) = ${key.value} LIMIT 1`) !== undefined
  );
}

export function pendingCount(read: ReadHandle): number {
  return read.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE state = 'pending'`)?.n ?? 0;
}

/** For the export: every unsynced event, a damaged one with its text, so IT can still hand it over. */
export function allUnsynced(read: ReadHandle): (StationEvent | UnreadableEvent)[] {
  return pendingEvents(read, Number.MAX_SAFE_INTEGER);
}

/** Marks what the centre answered; answers for events we did not send (a replayed response) are ignored. */
export function recordResults(tx: WriteHandle, results: readonly PushResult[], sent: ReadonlySet<string>, at: number): number {
  let recorded = 0;
  for (const result of results) {
    if (!sent.has(result.eventId)) continue;
    recorded += tx.run(sql`
      UPDATE outbox SET state = 'acked', outcome = ${result.status}, problem = ${result.problem ? JSON.stringify(result.problem) : null}, acked_at = ${at}
      WHERE event_id = ${result.eventId} AND seq = ${result.seq}`).changes;
  }
  return recorded;
}

export function countAttempt(tx: WriteHandle, seqs: readonly number[]): void {
  tx.run(sql`UPDATE outbox SET attempts = attempts + 1 WHERE seq IN ${sqlIn(seqs)}`);
}

/**
 * After a centre restore (or a 409 SEQ_GAP) the centre has processed only up to `lastProcessedSeq`:
 * everything after it is pending again and will be re-pushed with the same event ids.
 */
export function rewindTo(tx: WriteHandle, lastProcessedSeq: number): number {
  return tx.run(sql`UPDATE outbox SET state = 'pending', outcome = NULL, problem = NULL, acked_at = NULL WHERE seq > ${lastProcessedSeq} AND state = 'acked'`)
    .changes;
}

/** Acknowledged events are kept 7 days, so a centre restored from a backup can be given them again. */
export const keepAckedMs = 7 * 24 * 60 * 60_000;

export function purgeAcked(tx: WriteHandle, now: number): number {
  return tx.run(sql`DELETE FROM outbox WHERE state = 'acked' AND acked_at < ${now - keepAckedMs}`).changes;
}

export type Exception = {
  readonly seq: number;
  readonly type: string;
  readonly outcome: string;
  readonly problem: { code: string; message: string } | null;
  readonly at: string;
};

const problemSchema = z.object({ code: z.string(), message: z.string() });
const problemOf = (text: string): { code: string; message: string } => {
  const parsed = parseStoredJson(text);
  const problem = parsed.ok ? problemSchema.safeParse(parsed.value) : null;
  return problem?.success ? problem.data : { code: 'UNREADABLE', message: text.slice(0, 500) };
};

/** Events the centre accepted with an exception or rejected: for the shift lead and support. */
export function exceptions(read: ReadHandle, limit: number): Exception[] {
  return read
    .all<{ seq: number; type: string; outcome: string; problem: string | null; occurred_at: number }>(
      sql`
      SELECT seq, type, outcome, problem, occurred_at FROM outbox
      WHERE outcome IN ('accepted_with_exception', 'rejected') ORDER BY seq DESC LIMIT ${limit}`,
    )
    .map((row) => ({
      seq: row.seq,
      type: row.type,
      outcome: row.outcome,
      problem: row.problem ? problemOf(row.problem) : null,
      at: toIso(row.occurred_at),
    }));
}
