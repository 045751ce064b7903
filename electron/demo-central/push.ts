import { z } from 'zod';
import { toIso } from '../platform/clock';
import type { Database, ReadHandle, WriteHandle } from '../platform/db/connection';
import { sql } from '../platform/db/sql';
import { checkEventPayload, movementsOf, type EventType } from '../../shared/sync/station-events';
import { maxPushBatch, stationEventSchema, type PushResponse, type PushResult, type StationEvent } from '../../shared/sync/protocol';
import { isKnownSku } from './catalogue';
import { recordChange } from './changes';
import { describeIssues, ok, problem, type Reply } from './http';
import { findOrder } from './orders';
import { applySiteEvent } from './site-events';
import { isDispatchEvent } from '../../shared/sync/site-parcels';
import { applyMovements, type Shortfall } from './site-stock';
import { readEpoch } from './store';

/**
 * The batch is read in two steps: the envelope (every event needs an eventId and a seq, or the
 * whole request is a 400), then each event on its own, so that one bad payload is `rejected` and
 * its seq still counts (docs/protocol.md: a bad event never blocks the stream).
 */
const pushEnvelopeSchema = z.object({
  events: z
    .array(stationEventSchema.pick({ eventId: true, seq: true }).loose())
    .min(1)
    .max(maxPushBatch),
});

type Problem = NonNullable<PushResult['problem']>;
type Outcome = { status: 'applied' | 'accepted_with_exception' | 'rejected'; problem?: Problem; event?: StationEvent };

/** Thrown inside the transaction to roll the whole batch back. */
class SeqGap extends Error {}

export function lastProcessedSeq(read: ReadHandle, stationId: string): number {
  return read.get<{ seq: number }>(sql`SELECT last_processed_seq AS seq FROM station WHERE station_id = ${stationId}`)?.seq ?? 0;
}

/**
 * POST /v1/push: the whole batch in one transaction (docs/design.md §4). Per event, in order:
 * a known eventId is a `duplicate` (forever, whatever its seq); a new event must carry the next
 * seq, else the batch is a 409 SEQ_GAP and nothing is applied; a new event whose seq was already
 * processed is `rejected` (SEQ_REUSED: the station numbered two events alike, which only a bug or
 * a wiped station does) rather than silently taken for a duplicate.
 */
export function handlePush(db: Database, stationId: string, body: unknown, receivedAt: number): Reply {
  const envelope = pushEnvelopeSchema.safeParse(body);
  if (!envelope.success) return problem(400, 'BAD_REQUEST', describeIssues(envelope.error.issues));
  const epoch = readEpoch(db.read);
  try {
    return db.write((tx) => {
      let last = lastProcessedSeq(tx, stationId);
      const results: PushResult[] = envelope.data.events.map((raw) => {
        const { eventId, seq } = raw;
        if (tx.get(sql`SELECT 1 AS seen FROM event WHERE event_id = ${eventId}`)) return { eventId, seq, status: 'duplicate' };
        let outcome: Outcome;
        if (seq <= last) {
          outcome = { status: 'rejected', problem: { code: 'SEQ_REUSED', message: `seq ${seq} was already processed for another event` } };
        } else if (seq > last + 1) {
          throw new SeqGap();
        } else {
          last = seq;
          outcome = applyEvent(tx, stationId, raw, receivedAt);
        }
        storeEvent(tx, stationId, raw, outcome, receivedAt);
        return { eventId, seq, status: outcome.status, ...(outcome.problem ? { problem: outcome.problem } : {}) };
      });
      tx.run(sql`UPDATE station SET last_processed_seq = ${last} WHERE station_id = ${stationId}`);
      const response: PushResponse = { results, lastProcessedSeq: last, epoch };
      return ok(response);
    });
  } catch (error) {
    if (!(error instanceof SeqGap)) throw error;
    const last = lastProcessedSeq(db.read, stationId);
    return problem(409, 'SEQ_GAP', `the batch must continue from seq ${last + 1}`, { lastProcessedSeq: last, epoch });
  }
}

/** One new event at the next seq: checked by type and version, applied — or rejected with nothing applied. */
function applyEvent(tx: WriteHandle, stationId: string, raw: unknown, receivedAt: number): Outcome {
  const parsed = stationEventSchema.safeParse(raw);
  if (!parsed.success) return { status: 'rejected', problem: { code: 'BAD_PAYLOAD', message: describeIssues(parsed.error.issues) } };
  const event = parsed.data;
  const checked = checkEventPayload(event.type, event.schemaVersion, event.payload);
  if (!checked.ok) return { status: 'rejected', problem: { code: checked.code, message: checked.message }, event };
  const type = event.type as EventType;
  const occurredAt = Date.parse(event.occurredAt);
  if (!Number.isFinite(occurredAt)) return { status: 'rejected', problem: { code: 'BAD_PAYLOAD', message: 'occurredAt is not an ISO 8601 time' }, event };
  const movements = movementsOf(type, checked.payload);
  const unknown = [...new Set(movements.map((m) => m.sku))].filter((sku) => !isKnownSku(tx, sku));
  if (unknown.length > 0) return { status: 'rejected', problem: { code: 'UNKNOWN_SKU', message: `unknown SKU ${unknown.join(', ')}` }, event };

  if (movements.length > 0) {
    const shortfalls = applyMovements(tx, event.eventId, movements);
    recordChange(tx, {
      entity: 'movement',
      key: event.eventId,
      op: 'upsert',
      version: 1,
      data: { eventId: event.eventId, stationId, type, occurredAt: event.occurredAt, actor: event.actor, movements: [...movements] },
    });
    const orderId = (checked.payload as { orderId?: string }).orderId;
    const orderProblem = orderId === undefined ? null : checkOrder(tx, orderId, occurredAt);
    // A pick is also the run's progress (its line, its reservation consumed: site-runs.ts); a return, its task done;
    // a packed, unpacked or shipped parcel, the site's parcel record (site-parcels.ts).
    const runProblem =
      type === 'run.picked' || type === 'task.returned' || isDispatchEvent(type)
        ? applySiteEvent(tx, stationId, type, checked.payload, event.actor, toIso(receivedAt))
        : null;
    if (orderProblem) return { status: 'accepted_with_exception', problem: orderProblem, event };
    if (runProblem) return { status: 'accepted_with_exception', problem: runProblem, event };
    if (shortfalls.length > 0) return { status: 'accepted_with_exception', problem: negativeStock(shortfalls, event.eventId), event };
    return { status: 'applied', event };
  }
  const refusal = applySiteEvent(tx, stationId, type, checked.payload, event.actor, toIso(receivedAt));
  return refusal ? { status: 'accepted_with_exception', problem: refusal, event } : { status: 'applied', event };
}

/** Both events named: the one that took the line below zero, and the one that changed it before. */
function negativeStock(shortfalls: readonly Shortfall[], eventId: string): Problem {
  const first = shortfalls[0] as Shortfall;
  const where = `${first.sku} at ${first.location}${first.container ? ` (${first.container})` : ''}`;
  return {
    code: 'NEGATIVE_STOCK',
    message: `event ${eventId} took ${where} to ${first.quantity}${first.previousEventId ? `; the units were last changed by event ${first.previousEventId}` : ''}`,
  };
}

/**
 * Physical facts are never refused because of an order (docs/design.md §4): a pick scanned offline after
 * a cancel or a change is applied, and the centre's people get an exception to look at.
 */
function checkOrder(read: ReadHandle, orderId: string, occurredAt: number): Problem | null {
  const order = findOrder(read, orderId);
  if (!order) return { code: 'ORDER_UNKNOWN', message: `no order ${orderId}` };
  if (order.data.status === 'cancelled') return { code: 'ORDER_CANCELLED', message: `order ${orderId} is cancelled` };
  if (order.changedAt !== null && order.changedAt > occurredAt) {
    return {
      code: 'ORDER_CHANGED',
      message: `order ${orderId} changed at ${new Date(order.changedAt).toISOString()} (version ${order.data.version}), after the event`,
    };
  }
  return null;
}

function storeEvent(
  tx: WriteHandle,
  stationId: string,
  raw: { eventId: string; seq: number } & Record<string, unknown>,
  outcome: Outcome,
  receivedAt: number,
): void {
  const type = outcome.event?.type ?? (typeof raw.type === 'string' ? raw.type : null);
  const occurredAt = outcome.event?.occurredAt ?? (typeof raw.occurredAt === 'string' ? raw.occurredAt : null);
  tx.run(sql`
    INSERT INTO event (event_id, station_id, seq, type, schema_version, occurred_at, received_at, status, problem_code, problem_message, order_id, body)
    VALUES (${raw.eventId}, ${stationId}, ${raw.seq}, ${type}, ${outcome.event?.schemaVersion ?? null}, ${occurredAt}, ${receivedAt}, ${outcome.status},
            ${outcome.problem?.code ?? null}, ${outcome.problem?.message ?? null}, ${orderIdOf(outcome.event)}, ${JSON.stringify(raw)})`);
}

const orderIdOf = (event: StationEvent | undefined): string | null => {
  const orderId = (event?.payload as { orderId?: unknown } | undefined)?.orderId;
  return typeof orderId === 'string' ? orderId : null;
};
