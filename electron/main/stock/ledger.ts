import type { WriteHandle } from '../../platform/db/connection';
import { AppError } from '../../platform/errors';
import { addToBalance, insertMovement, type NewMovement } from './repo';

/**
 * The one writer of stock: a movement row and the balances it changes, inside the caller's
 * transaction. Stock never goes below zero here; a shortfall aborts the whole transaction.
 */
export function recordMovement(tx: WriteHandle, movement: Readonly<NewMovement>): number {
  const id = insertMovement(tx, movement);
  const lotId = movement.lotId ?? 0;
  if (movement.fromLocationId !== null) {
    const left = addToBalance(
      tx,
      { productId: movement.productId, locationId: movement.fromLocationId, lotId, containerId: movement.fromContainerId ?? 0 },
      -movement.quantity,
    );
    if (left < 0) {
      throw new AppError('INSUFFICIENT_STOCK', `not enough stock: ${movement.quantity + left} available, ${movement.quantity} asked`, {
        available: movement.quantity + left,
        requested: movement.quantity,
      });
    }
  }
  if (movement.toLocationId !== null) {
    addToBalance(tx, { productId: movement.productId, locationId: movement.toLocationId, lotId, containerId: movement.toContainerId ?? 0 }, movement.quantity);
  }
  return id;
}
