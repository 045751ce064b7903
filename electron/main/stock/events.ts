import type { Actor } from '../auth/session';
import type { WriteHandle } from '../../platform/db/connection';
import { sql, sqlIn } from '../../platform/db/sql';
import { appendEvent, movementDeltas } from '../sync/outbox';

type StockEventType = 'stock.moved' | 'stock.adjusted' | 'stock.count-approved';

/**
 * The station event for what a person just did to the stock, in the same transaction (docs/design.md §3).
 * Its movements carry the event id: when the centre fans the event back out, the station knows it
 * has them already (ADR 0007).
 */
export function recordStockEvent(
  tx: WriteHandle,
  at: number,
  type: StockEventType,
  actor: Actor,
  movementIds: readonly number[],
  extra: { readonly reason?: string; readonly taskId?: string } = {},
): void {
  if (movementIds.length === 0) return;
  const movements = movementDeltas(tx, movementIds);
  const actorRef = { userId: actor.userId, name: actor.name };
  const { eventId } =
    type === 'stock.moved'
      ? appendEvent(tx, { type, at, actor: actorRef, payload: { movements, ...(extra.reason === undefined ? {} : { reason: extra.reason }) } })
      : type === 'stock.adjusted'
        ? appendEvent(tx, { type, at, actor: actorRef, payload: { movements, reason: extra.reason ?? '' } })
        : appendEvent(tx, { type, at, actor: actorRef, payload: { movements, reason: extra.reason ?? '', ...(extra.taskId ? { taskId: extra.taskId } : {}) } });
  linkMovements(tx, eventId, movementIds);
}

/** The event movements belong to: when the centre fans it back out, this station knows it has them. */
export function linkMovements(tx: WriteHandle, eventId: string, movementIds: readonly number[]): void {
  tx.run(sql`UPDATE movement SET event_id = ${eventId} WHERE id IN ${sqlIn(movementIds)}`);
}
