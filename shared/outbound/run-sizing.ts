/**
 * What batching knows of an order and of a trolley (issue #12): the orders given to it, the site's
 * run limits, and an order prepared once (its aisles, totals, and the limits it breaks alone).
 */
import { fail, ok, type Result } from '../result';
import type { PlaceProblem, Point } from './layout';

export type OutboundLine = {
  readonly lineNo: number;
  readonly sku: string;
  /** Location code the line is picked from (`ZONE-AISLE-BAY-LEVEL`). */
  readonly location: string;
  readonly quantity: number;
  /** cm³ per unit, when the catalogue knows it. */
  readonly volume?: number;
  /** Grams per unit, when the catalogue knows it. */
  readonly weight?: number;
  /** The location's walk order (locations table); without it the layout's serpentine rank is used. */
  readonly walkOrder?: number;
};

export type OutboundOrder = {
  readonly orderId: string;
  readonly carrier: string;
  /** The carrier's collection instant (ISO); orders of different cutoffs never share a run. */
  readonly cutoff: string;
  readonly lines: readonly OutboundLine[];
};

/** Per-site run limits; volume and weight are checked only when set, over the lines that know theirs. */
export type RunLimits = {
  readonly ordersPerRun: number;
  readonly linesPerRun: number;
  readonly unitsPerRun: number;
  /** cm³ */
  readonly volumePerRun?: number;
  /** Grams */
  readonly weightPerRun?: number;
  /** Slots on one trolley: one order per slot, so also a ceiling on orders per run. */
  readonly toteSlots: number;
};

/** docs/domain.md's example trolley: ≤ 30 orders or ≤ 150 lines. */
export const defaultRunLimits: RunLimits = { ordersPerRun: 30, linesPerRun: 150, unitsPerRun: 400, toteSlots: 30 };

export type LimitName = 'lines' | 'units' | 'volume' | 'weight';

/** An order with what batching needs, computed once. */
export type Prepared = {
  readonly order: OutboundOrder;
  readonly points: readonly (Point | PlaceProblem)[];
  /** Distinct aisles of the block it visits. */
  readonly aisles: readonly number[];
  /** x of its farthest aisle, −1 for none. */
  readonly far: number;
  readonly lines: number;
  readonly units: number;
  readonly volume: number;
  readonly weight: number;
  readonly oversize: readonly LimitName[];
};

/** The oversize list of every order within the limits, one shared empty list. */
export const none: readonly LimitName[] = Object.freeze([]);

/** Which limits an order breaks on its own. */
export function oversizeOf(lines: number, units: number, volume: number, weight: number, limits: RunLimits): readonly LimitName[] {
  const over = (limit: number | undefined, value: number): boolean => limit !== undefined && value > limit;
  if (!over(limits.linesPerRun, lines) && !over(limits.unitsPerRun, units) && !over(limits.volumePerRun, volume) && !over(limits.weightPerRun, weight))
    return none;
  const broken: LimitName[] = [];
  if (over(limits.linesPerRun, lines)) broken.push('lines');
  if (over(limits.unitsPerRun, units)) broken.push('units');
  if (over(limits.volumePerRun, volume)) broken.push('volume');
  if (over(limits.weightPerRun, weight)) broken.push('weight');
  return broken;
}

export function checkLimits(limits: RunLimits): Result<null> {
  for (const field of ['ordersPerRun', 'linesPerRun', 'unitsPerRun', 'toteSlots'] as const) {
    if (!Number.isSafeInteger(limits[field]) || limits[field] < 1) return fail('INVALID_INPUT', `${field} must be a whole number ≥ 1`, { field });
  }
  for (const field of ['volumePerRun', 'weightPerRun'] as const) {
    const value = limits[field];
    if (value !== undefined && !(value > 0)) return fail('INVALID_INPUT', `${field} must be > 0 when set`, { field });
  }
  return ok(null);
}

export type Totals = { orders: number; lines: number; units: number; volume: number; weight: number };

export const emptyTotals = (): Totals => ({ orders: 0, lines: 0, units: 0, volume: 0, weight: 0 });

export function fits(totals: Totals, order: Prepared, limits: RunLimits): boolean {
  return (
    totals.orders + 1 <= Math.min(limits.ordersPerRun, limits.toteSlots) &&
    totals.lines + order.lines <= limits.linesPerRun &&
    totals.units + order.units <= limits.unitsPerRun &&
    (limits.volumePerRun === undefined || totals.volume + order.volume <= limits.volumePerRun) &&
    (limits.weightPerRun === undefined || totals.weight + order.weight <= limits.weightPerRun)
  );
}

export function addTo(totals: Totals, order: Prepared): void {
  totals.orders += 1;
  totals.lines += order.lines;
  totals.units += order.units;
  totals.volume += order.volume;
  totals.weight += order.weight;
}
