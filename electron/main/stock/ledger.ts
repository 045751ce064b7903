import type { WriteHandle } from '../../platform/db/connection';
import { AppError } from '../../platform/errors';
import { addToBalance, insertMovement, lotsAt, type NewMovement } from './repo';

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

/**
 * `quantity` loose units of a product from one location to another (loose, or into a container),
 * the earliest lot first (the rule of every pick, return and pack): one movement per lot, or INSUFFICIENT_STOCK and nothing.
 */
export function moveLooseUnits(
  tx: WriteHandle,
  movement: Readonly<Omit<NewMovement, 'lotId' | 'fromContainerId' | 'toContainerId' | 'fromLocationId' | 'toLocationId'>> & {
    readonly fromLocationId: number;
    readonly toLocationId: number;
    /** Into a container at the destination (a parcel being packed); loose when absent. */
    readonly toContainerId?: number | null;
  },
): number[] {
  const ids: number[] = [];
  let remaining = movement.quantity;
  for (const lot of lotsAt(tx, movement.productId, movement.fromLocationId, 0).sort((a, b) => a.lotId - b.lotId)) {
    if (remaining === 0) break;
    const take = Math.min(remaining, lot.quantity);
    if (take <= 0) continue;
    ids.push(
      recordMovement(tx, { ...movement, lotId: lot.lotId || null, fromContainerId: null, toContainerId: movement.toContainerId ?? null, quantity: take }),
    );
    remaining -= take;
  }
  if (remaining > 0)
    throw new AppError('INSUFFICIENT_STOCK', `${movement.quantity - remaining} of ${movement.quantity} units are there`, {
      available: movement.quantity - remaining,
      requested: movement.quantity,
    });
  return ids;
}
