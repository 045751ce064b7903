import type { MoveCheck, MoveOrigin, StockLine } from '../../../shared/stock';
import type { ReadHandle } from '../../platform/db/connection';
import { AppError } from '../../platform/errors';
import {
  balancesOfProductAt,
  containerCodeOf,
  holdsStock,
  findLocationById,
  findLotId,
  linesAtLocation,
  lotCodeOf,
  linesInContainer,
  lotsAt,
  type ContainerRecord,
  type LocationRecord,
  type ProductRecord,
} from './repo';
import { resolveLocation, resolveProduct, resolveScan, unitsOf } from './resolve';

/** The steps of a move taken so far (the contract's `moveStepsSchema`). */
export type MoveSteps = {
  readonly from: string;
  readonly gtin?: string | undefined;
  readonly lot?: string | undefined;
  readonly quantity?: number | undefined;
  readonly to?: string | undefined;
};

type Source =
  | { readonly kind: 'location'; readonly location: LocationRecord; readonly lines: readonly StockLine[] }
  | { readonly kind: 'container'; readonly container: ContainerRecord; readonly location: LocationRecord; readonly lines: readonly StockLine[] };

/** Units of one product (and lot) taken from one place: loose at a location, or from a container. */
export type UnitsToMove = {
  readonly product: ProductRecord;
  readonly lotId: number;
  readonly fromLocationId: number;
  readonly fromContainerId: number;
  readonly units: number | null;
};

/** What the writer needs (ids), and what the screen is told (codes). */
export type MovePlan = {
  readonly check: MoveCheck;
  readonly source: Source;
  readonly item: UnitsToMove | null;
  readonly to: LocationRecord | null;
};

const describeOrigin = (source: Source): MoveOrigin =>
  source.kind === 'location'
    ? { kind: 'location', code: source.location.code, type: source.location.type, lines: source.lines }
    : { kind: 'container', containerKind: source.container.kind, code: source.container.code, location: source.location.code, lines: source.lines };

/**
 * `screen`: the origin with its lines, for the person to see. `write`: the last check before the
 * move is written, which needs only that the origin holds stock: a location of a few hundred
 * lines is not read again inside the write (stock.record-move bench).
 */
export type PlanDetail = 'screen' | 'write';

function originOf(read: ReadHandle, code: string, detail: PlanDetail): Source {
  const resolved = resolveScan(read, code);
  if (resolved.kind === 'product') throw new AppError('NOT_A_SOURCE', 'scan a location or a pallet to move from', { code: code.trim().slice(0, 60) });
  if (resolved.kind === 'location') {
    const lines = detail === 'screen' ? linesAtLocation(read, resolved.location.id) : [];
    if (detail === 'screen' ? lines.length === 0 : !holdsStock(read, resolved.location.id))
      throw new AppError('ORIGIN_EMPTY', `nothing is stored at ${resolved.location.code}`, { code: resolved.location.code });
    return { kind: 'location', location: resolved.location, lines };
  }
  const { container } = resolved;
  const location = container.locationId === null ? null : findLocationById(read, container.locationId);
  if (!location) throw new AppError('NOT_A_SOURCE', `${container.code} is not at a location`, { code: container.code });
  const lines = linesInContainer(read, container.id);
  if (lines.length === 0) throw new AppError('ORIGIN_EMPTY', `${container.code} holds nothing`, { code: container.code });
  return { kind: 'container', container, location, lines };
}

/** The item at the origin: which lot, how many there; refused with what to scan instead. */
function itemAt(read: ReadHandle, source: Source, steps: MoveSteps & { gtin: string }): { units: UnitsToMove; check: NonNullable<MoveCheck['item']> } {
  const item = resolveProduct(read, steps.gtin);
  const { product } = item;
  const fromCode = source.kind === 'location' ? source.location.code : source.container.code;
  const fromLocationId = source.location.id;
  const fromContainerId = source.kind === 'container' ? source.container.id : 0;
  const here = lotsAt(read, product.id, fromLocationId, fromContainerId);
  if (here.length === 0) {
    // On a pallet at that location, not loose: the pallet is the origin to scan.
    const onContainer = source.kind === 'location' && balancesOfProductAt(read, product.id, fromLocationId).find((balance) => balance.containerId !== 0);
    const container = onContainer ? (containerCodeOf(read, onContainer.containerId) ?? undefined) : undefined;
    if (container) throw new AppError('ITEM_IN_CONTAINER', `${product.sku} is on ${container} at ${fromCode}`, { code: steps.gtin, from: fromCode, container });
    throw new AppError('ITEM_NOT_HERE', `${product.sku} is not at ${fromCode}`, { code: steps.gtin, sku: product.sku, from: fromCode });
  }

  const lotCode = steps.lot ?? item.lot;
  let lotId: number;
  if (lotCode !== undefined) {
    const found = findLotId(read, product.id, lotCode);
    if (found === null) throw new AppError('LOT_NOT_FOUND', `no lot ${lotCode} of ${product.sku}`, { lot: lotCode, sku: product.sku });
    if (!here.some((balance) => balance.lotId === found))
      throw new AppError('LOT_NOT_HERE', `lot ${lotCode} is not at ${fromCode}`, { lot: lotCode, from: fromCode });
    lotId = found;
  } else {
    const lots = [...new Set(here.map((balance) => balance.lotId))];
    if (lots.length > 1)
      throw new AppError('LOT_REQUIRED', `${product.sku} is here in ${lots.length} lots: scan the lot`, { lots: lots.length, from: fromCode });
    lotId = lots[0] ?? 0;
  }
  const available = here.filter((balance) => balance.lotId === lotId).reduce((sum, balance) => sum + balance.quantity, 0);
  const lot = lotId === 0 ? null : lotCodeOf(read, lotId);

  const units = unitsOf(item, steps.quantity) ?? null;
  if (units !== null && units > available) {
    throw new AppError('INSUFFICIENT_STOCK', `${units} asked, ${available} at ${fromCode}`, { available, requested: units, from: fromCode });
  }
  return {
    units: { product, lotId, fromLocationId, fromContainerId, units },
    check: {
      product: { sku: product.sku, description: product.description },
      gtin: item.gtin,
      packQuantity: product.packQuantity,
      lot,
      available,
      scannedQuantity: item.quantity ?? null,
    },
  };
}

/**
 * Checks the steps of a move in order, each against the stock as it is now (issue #10); throws at
 * the first one that is refused. `threshold`: the site's number of units above which a move needs
 * an explicit confirmation. Used by `checkMove` for each step and by `move` in its transaction.
 */
export function planMove(read: ReadHandle, steps: Readonly<MoveSteps>, threshold: number, detail: PlanDetail = 'screen'): MovePlan {
  const source = originOf(read, steps.from, detail);
  // A pallet followed by a destination, with no item between: the pallet moves as it is.
  const wholeContainer = source.kind === 'container' && steps.gtin === undefined && steps.to !== undefined;
  const item = steps.gtin === undefined ? null : itemAt(read, source, { ...steps, gtin: steps.gtin });
  if (steps.gtin === undefined && steps.quantity !== undefined) throw new AppError('QUANTITY_REQUIRED', 'a quantity without an item', {});

  let to: LocationRecord | null = null;
  if (steps.to !== undefined) {
    if (source.kind === 'location' && item === null) throw new AppError('QUANTITY_REQUIRED', 'scan the item to move, or a pallet to move it whole', {});
    if (item !== null && item.units.units === null) throw new AppError('QUANTITY_REQUIRED', 'how many units?', {});
    to = resolveLocation(read, steps.to);
    // Units off a pallet may land loose where the pallet stands; anything else must go somewhere else.
    const sameSpot = to.id === source.location.id && (source.kind === 'location' || wholeContainer);
    if (sameSpot) throw new AppError('SAME_PLACE', `already at ${to.code}`, { code: to.code });
  }

  const units = wholeContainer ? source.lines.reduce((sum, line) => sum + line.quantity, 0) : (item?.units.units ?? null);
  const confirm: MoveCheck['confirm'] =
    units === null || to === null
      ? null
      : wholeContainer
        ? { reason: 'container', units, threshold }
        : units > threshold
          ? { reason: 'large', units, threshold }
          : null;
  return {
    check: {
      from: describeOrigin(source),
      item: item?.check ?? null,
      wholeContainer,
      units,
      to: to && { code: to.code, type: to.type },
      confirm,
    },
    source,
    item: item?.units ?? null,
    to,
  };
}
