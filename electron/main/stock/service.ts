import type { LookupResult, MoveResult } from '../../../shared/stock';
import type { AuditLog } from '../audit/service';
import type { Actor } from '../auth/session';
import type { Clock } from '../../platform/clock';
import type { Database, WriteHandle } from '../../platform/db/connection';
import { AppError } from '../../platform/errors';
import type { EventBus } from '../events';
import { recordStockEvent } from './events';
import { recordMovement } from './ledger';
import {
  balancesInContainer,
  balancesOfProductAt,
  findLocationById,
  findLotId,
  gtinsOfProduct,
  linesAtLocation,
  linesInContainer,
  linesOfProduct,
  lotsAt,
  setContainerLocation,
  type LocationRecord,
  type ProductRecord,
} from './repo';
import { resolveLocation, resolveProduct, resolveScan } from './resolve';

export type StockDeps = {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly events: EventBus;
};

export type MoveInput = { from: string; to: string; gtin?: string | undefined; lot?: string | undefined; quantity?: number | undefined };
export type AdjustInput = { location: string; gtin: string; lot?: string | undefined; delta: number; reason: string };

export function createStockService({ db, clock, audit, events }: StockDeps) {
  const changed = (...locations: (string | null | undefined)[]): void =>
    events.emit('stock:changed', { locations: [...new Set(locations.filter((l): l is string => !!l))] });

  function lookup(code: string): LookupResult {
    const resolved = resolveScan(db.read, code);
    switch (resolved.kind) {
      case 'product': {
        const lines = linesOfProduct(db.read, resolved.product.id);
        return {
          kind: 'product',
          sku: resolved.product.sku,
          description: resolved.product.description,
          gtins: gtinsOfProduct(db.read, resolved.product.id),
          lotTracked: resolved.product.lotTracked,
          expiryTracked: resolved.product.expiryTracked,
          unitsPerCase: resolved.product.unitsPerCase,
          scannedGtin: resolved.gtin,
          total: lines.reduce((sum, line) => sum + line.quantity, 0),
          lines,
        };
      }
      case 'location': {
        const { location } = resolved;
        return {
          kind: 'location',
          code: location.code,
          type: location.type,
          zone: location.zone,
          walkOrder: location.walkOrder,
          active: location.active,
          lines: linesAtLocation(db.read, location.id),
        };
      }
      case 'container': {
        const { container } = resolved;
        const at = container.locationId === null ? null : findLocationById(db.read, container.locationId);
        return {
          kind: 'container',
          containerKind: container.kind,
          code: container.code,
          location: at?.code ?? null,
          lines: linesInContainer(db.read, container.id),
        };
      }
    }
  }

  /** Which lot to take: the one asked for, or the only one there; a lot-tracked product needs one. */
  function pickLot(product: ProductRecord, asked: string | undefined, available: readonly { lotId: number }[]): number {
    if (asked !== undefined) {
      const lotId = findLotId(db.read, product.id, asked);
      if (lotId === null) throw new AppError('INSUFFICIENT_STOCK', `no lot ${asked} of ${product.sku} here`, { available: 0 });
      return lotId;
    }
    const lots = [...new Set(available.map((balance) => balance.lotId))];
    if (lots.length === 1) return lots[0] ?? 0;
    if (lots.length === 0) return 0;
    throw new AppError('LOT_REQUIRED', `${product.sku} is here in ${lots.length} lots: scan the lot`, { lots: lots.length });
  }

  function moveContainer(
    actor: Actor,
    containerId: number,
    containerCode: string,
    fromLocationId: number | null,
    to: LocationRecord,
    scan: string,
  ): MoveResult {
    if (fromLocationId === to.id) throw new AppError('SAME_PLACE', `${containerCode} is already at ${to.code}`);
    const from = fromLocationId === null ? null : findLocationById(db.read, fromLocationId);
    const result = db.write((tx) => {
      let quantity = 0;
      const balances = balancesInContainer(tx, containerId);
      const ids: number[] = [];
      for (const balance of balances) {
        const id = recordMovement(tx, {
          at: clock.now(),
          userId: actor.userId,
          kind: 'move',
          productId: balance.productId,
          lotId: balance.lotId || null,
          fromLocationId: balance.locationId,
          fromContainerId: containerId,
          toLocationId: to.id,
          toContainerId: containerId,
          quantity: balance.quantity,
          reason: null,
          scan,
        });
        ids.push(id);
        quantity += balance.quantity;
      }
      setContainerLocation(tx, containerId, to.id);
      recordStockEvent(tx, clock.now(), 'stock.moved', actor, ids);
      audit.record(tx, {
        userId: actor.userId,
        action: 'stock:move',
        outcome: 'ok',
        target: `container:${containerCode}`,
        detail: { from: from?.code ?? null, to: to.code, lines: balances.length, quantity },
      });
      return { movements: balances.length, quantity, from: containerCode, to: to.code };
    });
    changed(from?.code, to.code);
    return result;
  }

  function move(actor: Actor, input: Readonly<MoveInput>): MoveResult {
    const to = resolveLocation(db.read, input.to);
    const source = resolveScan(db.read, input.from);
    if (source.kind === 'product') throw new AppError('NOT_A_SOURCE', 'scan a location or a pallet to move from');
    if (source.kind === 'container' && input.gtin === undefined) {
      return moveContainer(actor, source.container.id, source.container.code, source.container.locationId, to, input.from);
    }
    if (input.gtin === undefined) throw new AppError('QUANTITY_REQUIRED', 'scan the item to move, or a pallet to move it whole');
    const item = resolveProduct(db.read, input.gtin);
    const quantity = input.quantity ?? item.quantity;
    if (quantity === undefined) throw new AppError('QUANTITY_REQUIRED', 'how many units?');

    const fromLocationId = source.kind === 'location' ? source.location.id : source.container.locationId;
    const fromContainerId = source.kind === 'container' ? source.container.id : 0;
    if (fromLocationId === null) throw new AppError('NOT_A_SOURCE', `${input.from} is not at a location`);
    if (fromLocationId === to.id && fromContainerId === 0) throw new AppError('SAME_PLACE', `already at ${to.code}`);

    const available = lotsAt(db.read, item.product.id, fromLocationId, fromContainerId);
    const lotId = pickLot(item.product, input.lot ?? item.lot, available);
    const fromCode = source.kind === 'location' ? source.location.code : source.container.code;
    const fromLocation = source.kind === 'location' ? source.location : findLocationById(db.read, fromLocationId);

    const result = db.write((tx) => {
      const id = recordMovement(tx, {
        at: clock.now(),
        userId: actor.userId,
        kind: 'move',
        productId: item.product.id,
        lotId: lotId || null,
        fromLocationId,
        fromContainerId: fromContainerId || null,
        toLocationId: to.id,
        toContainerId: null,
        quantity,
        reason: null,
        scan: input.gtin ?? null,
      });
      recordStockEvent(tx, clock.now(), 'stock.moved', actor, [id]);
      audit.record(tx, {
        userId: actor.userId,
        action: 'stock:move',
        outcome: 'ok',
        target: `product:${item.product.sku}`,
        detail: { from: fromCode, to: to.code, quantity },
      });
      return { movements: 1, quantity, from: fromCode, to: to.code };
    });
    changed(fromLocation?.code, to.code);
    return result;
  }

  /**
   * Applies a signed change to a product at a location: additions land loose; removals take loose
   * units first, then from containers, and never below zero.
   */
  function applyAdjustment(
    tx: WriteHandle,
    actor: Actor,
    target: { productId: number; locationId: number; lotId: number },
    delta: number,
    reason: string,
  ): number[] {
    const base = {
      at: clock.now(),
      userId: actor.userId,
      kind: 'adjustment' as const,
      productId: target.productId,
      lotId: target.lotId || null,
      reason,
      scan: null,
    };
    if (delta > 0) {
      return [
        recordMovement(tx, { ...base, fromLocationId: null, fromContainerId: null, toLocationId: target.locationId, toContainerId: null, quantity: delta }),
      ];
    }
    const ids: number[] = [];
    let remaining = -delta;
    const sources = balancesOfProductAt(tx, target.productId, target.locationId)
      .filter((balance) => balance.lotId === target.lotId && balance.quantity > 0)
      .sort((a, b) => a.containerId - b.containerId);
    for (const source of sources) {
      if (remaining === 0) break;
      const take = Math.min(remaining, source.quantity);
      ids.push(
        recordMovement(tx, {
          ...base,
          fromLocationId: target.locationId,
          fromContainerId: source.containerId || null,
          toLocationId: null,
          toContainerId: null,
          quantity: take,
        }),
      );
      remaining -= take;
    }
    if (remaining > 0) {
      throw new AppError('INSUFFICIENT_STOCK', `cannot remove ${-delta}: only ${-delta - remaining} here`, {
        available: -delta - remaining,
        requested: -delta,
      });
    }
    return ids;
  }

  function adjust(actor: Actor, input: Readonly<AdjustInput>): MoveResult {
    const location = resolveLocation(db.read, input.location);
    const item = resolveProduct(db.read, input.gtin);
    const lotCode = input.lot ?? item.lot;
    const lotId = lotCode === undefined ? 0 : (findLotId(db.read, item.product.id, lotCode) ?? -1);
    if (lotId === -1) throw new AppError('INSUFFICIENT_STOCK', `no lot ${lotCode} of ${item.product.sku}`, { available: 0 });
    db.write((tx) => {
      const ids = applyAdjustment(tx, actor, { productId: item.product.id, locationId: location.id, lotId }, input.delta, input.reason);
      recordStockEvent(tx, clock.now(), 'stock.adjusted', actor, ids, { reason: input.reason });
      audit.record(tx, {
        userId: actor.userId,
        action: 'stock:adjust',
        outcome: 'ok',
        target: `product:${item.product.sku}`,
        detail: { location: location.code, delta: input.delta, reason: input.reason },
      });
    });
    changed(location.code);
    return { movements: 1, quantity: Math.abs(input.delta), from: location.code, to: location.code };
  }

  return { lookup, move, adjust, applyAdjustment, changed };
}

export type StockService = ReturnType<typeof createStockService>;
