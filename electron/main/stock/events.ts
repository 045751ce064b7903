import type { EventType } from '../../../shared/sync/protocol';
import type { Actor } from '../auth/session';
import type { WriteHandle } from '../../platform/db/connection';
import { appendEvent, movementDeltas } from '../sync/outbox';

/** The station event for what a person just did to the stock, in the same transaction (DESIGN §3). */
export function recordStockEvent(tx: WriteHandle, at: number, type: EventType, actor: Actor, movementIds: readonly number[], reason?: string): void {
  if (movementIds.length === 0) return;
  appendEvent(tx, {
    type,
    at,
    actor: { userId: actor.userId, name: actor.name },
    payload: { movements: movementDeltas(tx, movementIds), ...(reason === undefined ? {} : { reason }) },
  });
}
