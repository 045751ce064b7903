import type { LookupResult, MoveCheck, MoveResult } from '../../../shared/stock';
import type { AuditLog } from '../audit/service';
import type { Actor } from '../auth/session';
import type { Clock } from '../../platform/clock';
import type { Database, WriteHandle } from '../../platform/db/connection';
import { AppError } from '../../platform/errors';
import type { EventBus } from '../events';
import type { SettingsService } from '../settings/service';
import { recordStockEvent } from './events';
import { recordMovement } from './ledger';
import { planMove, type MoveSteps } from './move-plan';
import {
  balancesInContainer,
  balancesOfProductAt,
  findLocationById,
  findLotId,
  gtinsOfProduct,
  linesAtLocation,
  linesInContainer,
  linesOfProduct,
  setContainerLocation,
} from './repo';
import { resolveLocation, resolveProduct, resolveScan, unitsOf } from './resolve';

export type StockDeps = {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly events: EventBus;
  readonly settings: SettingsService;
};

export type MoveInput = MoveSteps & { readonly to: string; readonly confirmed: boolean };
export type AdjustInput = { location: string; gtin: string; lot?: string | undefined; delta: number; reason: string };

export function createStockService({ db, clock, audit, events, settings }: StockDeps) {
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

  function checkMove(steps: Readonly<MoveSteps>): MoveCheck {
    return planMove(db.read, steps, settings.get().confirmMoveAboveUnits).check;
  }

  /**
   * Every step is checked again inside the transaction that writes (main is the authority, whatever
   * the screen checked before), and a move that needs a yes is refused without it.
   */
  function move(actor: Actor, input: Readonly<MoveInput>): MoveResult {
    const result = db.write((tx) => {
      const plan = planMove(tx, input, settings.get().confirmMoveAboveUnits, 'write');
      const { source, to, check } = plan;
      if (!to) throw new Error('planMove resolves the destination it is given');
      if (check.confirm && !input.confirmed) {
        throw new AppError('CONFIRMATION_REQUIRED', `moving ${check.confirm.units} units needs a confirmation`, {
          units: check.confirm.units,
          reason: check.confirm.reason,
        });
      }
      const base = { at: clock.now(), userId: actor.userId, kind: 'move' as const, toLocationId: to.id, reason: null };
      const ids: number[] = [];
      let quantity = 0;
      let target: string;
      if (source.kind === 'container' && check.wholeContainer) {
        // Everything on it moves, the containers on it included, and they stay on it.
        for (const balance of balancesInContainer(tx, source.container.id)) {
          ids.push(
            recordMovement(tx, {
              ...base,
              productId: balance.productId,
              lotId: balance.lotId || null,
              fromLocationId: balance.locationId,
              fromContainerId: balance.containerId,
              toContainerId: balance.containerId,
              quantity: balance.quantity,
              scan: input.from,
            }),
          );
          quantity += balance.quantity;
        }
        setContainerLocation(tx, source.container.id, to.id);
        target = `container:${source.container.code}`;
      } else {
        const item = plan.item;
        if (!item || item.units === null) throw new AppError('QUANTITY_REQUIRED', 'scan the item and say how many', {});
        ids.push(
          recordMovement(tx, {
            ...base,
            productId: item.product.id,
            lotId: item.lotId || null,
            fromLocationId: item.fromLocationId,
            fromContainerId: item.fromContainerId || null,
            toContainerId: null,
            quantity: item.units,
            scan: input.gtin ?? null,
          }),
        );
        quantity = item.units;
        target = `product:${item.product.sku}`;
      }
      recordStockEvent(tx, clock.now(), 'stock.moved', actor, ids);
      audit.record(tx, {
        userId: actor.userId,
        action: 'stock:move',
        outcome: 'ok',
        target,
        detail: { from: check.from.code, to: to.code, lines: ids.length, quantity },
      });
      return { movements: ids.length, quantity, from: check.from.code, to: to.code, fromLocation: source.location.code };
    });
    changed(result.fromLocation, result.to);
    return { movements: result.movements, quantity: result.quantity, from: result.from, to: result.to };
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
    const lotId = lotCode === undefined ? 0 : findLotId(db.read, item.product.id, lotCode);
    if (lotId === null) throw new AppError('LOT_NOT_FOUND', `no lot ${lotCode} of ${item.product.sku}`, { lot: lotCode, sku: item.product.sku });
    // The delta counts what was scanned, as a move or a count does: cases of a case GTIN.
    const units = unitsOf(item, Math.abs(input.delta)) ?? 0;
    const delta = Math.sign(input.delta) * units;
    const movements = db.write((tx) => {
      const ids = applyAdjustment(tx, actor, { productId: item.product.id, locationId: location.id, lotId }, delta, input.reason);
      recordStockEvent(tx, clock.now(), 'stock.adjusted', actor, ids, { reason: input.reason });
      audit.record(tx, {
        userId: actor.userId,
        action: 'stock:adjust',
        outcome: 'ok',
        target: `product:${item.product.sku}`,
        detail: { location: location.code, delta, reason: input.reason },
      });
      return ids.length;
    });
    changed(location.code);
    return { movements, quantity: units, from: location.code, to: location.code };
  }

  return { lookup, checkMove, move, adjust, applyAdjustment, changed };
}

export type StockService = ReturnType<typeof createStockService>;
