/**
 * Picker routing through the block of layout.ts: the order a picker visits a run's stops and the
 * modelled walk, from the depot and back to it.
 *
 * Two published heuristics for one block with a front and a back cross-aisle, both described by
 * Hall (1993, "Distance approximations for routing manual pickers in a warehouse", IIE Transactions
 * 25(4)) and compared by Roodbergen & de Koster (2001, "Routing methods for warehouses with
 * multiple cross aisles", International Journal of Production Research 39(9)):
 * - S-shape (traversal): every aisle holding a stop is walked end to end, left to right, one up,
 *   the next down; when an odd number of aisles is entered, the last one is entered from the front
 *   and left the same way (a return), so the picker ends at the front.
 * - Largest gap: the leftmost and the rightmost aisle with stops are walked end to end; every aisle
 *   between is entered from the back (on the way out, along the back cross-aisle) and from the
 *   front (on the way home) up to its largest gap — the largest distance between two neighbouring
 *   stops, or between the front or back and the nearest stop — which is never walked.
 * With a single aisle both enter it from the front to its farthest stop and come back.
 * `route()` computes both and keeps the shorter.
 */
import type { Layout, Point } from './layout';

/** One thing to pick at a point: `item` is whatever the caller needs back (an order line). */
export type Pick<T> = { readonly point: Point; readonly item: T };

/** One stop of a route: a location, with everything picked there (picks at the same location merged). */
export type Stop<T> = { readonly point: Point; readonly items: readonly T[] };

export type RoutingMethod = 's-shape' | 'largest-gap';

export type Route<T> = {
  readonly method: RoutingMethod;
  readonly stops: readonly Stop<T>[];
  /** Modelled walk from the depot through every stop and back, metres. */
  readonly distance: number;
};

type Aisle<T> = { readonly index: number; readonly x: number; readonly stops: Stop<T>[] };

/** Stops merged by location, grouped by aisle (left to right), each aisle's stops from the front to the back. */
function aislesOf<T>(picks: readonly Pick<T>[]): Aisle<T>[] {
  const byCode = new Map<string, { point: Point; items: T[] }>();
  for (const pick of picks) {
    const stop = byCode.get(pick.point.code);
    if (stop) stop.items.push(pick.item);
    else byCode.set(pick.point.code, { point: pick.point, items: [pick.item] });
  }
  const aisles = new Map<number, Aisle<T>>();
  for (const stop of byCode.values()) {
    const aisle = aisles.get(stop.point.aisle);
    if (aisle) aisle.stops.push(stop);
    else aisles.set(stop.point.aisle, { index: stop.point.aisle, x: stop.point.x, stops: [stop] });
  }
  const sorted = [...aisles.values()].sort((a, b) => a.index - b.index);
  // Same depth (levels of one bay): by walk rank, which tells every location of a layout apart, so the order is stable.
  for (const aisle of sorted) if (aisle.stops.length > 1) aisle.stops.sort((a, b) => a.point.y - b.point.y || a.point.walk - b.point.walk);
  return sorted;
}

const farthest = <T>(aisle: Aisle<T>): number => aisle.stops[aisle.stops.length - 1]?.point.y ?? 0;

/** There and back along the front cross-aisle, from the depot to the rightmost aisle entered. */
const across = <T>(aisles: readonly Aisle<T>[]): number => 2 * (aisles[aisles.length - 1]?.x ?? 0);

export function sShape<T>(layout: Layout, picks: readonly Pick<T>[]): Route<T> {
  const aisles = aislesOf(picks);
  return { method: 's-shape', stops: sShapeStops(aisles), distance: sShapeDistance(layout, aisles) };
}

export function largestGap<T>(layout: Layout, picks: readonly Pick<T>[]): Route<T> {
  const aisles = aislesOf(picks);
  return { method: 'largest-gap', stops: largestGapStops(layout, aisles), distance: largestGapDistance(layout, aisles) };
}

/** The shorter of S-shape and largest gap for these picks (S-shape on a tie); only the winner's stops are put in order. */
export function route<T>(layout: Layout, picks: readonly Pick<T>[]): Route<T> {
  const aisles = aislesOf(picks);
  const s = sShapeDistance(layout, aisles);
  const gap = largestGapDistance(layout, aisles);
  return gap < s - 1e-9
    ? { method: 'largest-gap', stops: largestGapStops(layout, aisles), distance: gap }
    : { method: 's-shape', stops: sShapeStops(aisles), distance: s };
}

function sShapeDistance<T>(layout: Layout, aisles: readonly Aisle<T>[]): number {
  const last = aisles[aisles.length - 1];
  if (!last) return 0;
  // Every aisle end to end, except the last one when their number is odd: a return to its farthest stop.
  const odd = aisles.length % 2 === 1;
  return across(aisles) + (odd ? (aisles.length - 1) * layout.depth + 2 * farthest(last) : aisles.length * layout.depth);
}

function sShapeStops<T>(aisles: readonly Aisle<T>[]): Stop<T>[] {
  const stops: Stop<T>[] = [];
  const odd = aisles.length % 2 === 1;
  aisles.forEach((aisle, i) => {
    // Even-numbered traversals go up (front to back), odd ones come down; a return goes up and back.
    const up = i % 2 === 0 || (odd && i === aisles.length - 1);
    if (up) for (const stop of aisle.stops) stops.push(stop);
    else for (let k = aisle.stops.length - 1; k >= 0; k--) stops.push(aisle.stops[k] as Stop<T>);
  });
  return stops;
}

/**
 * Where an aisle between the first and the last is split: its stops below index `split` are picked
 * from the front, the others from the back; `gap` is the largest gap, never walked. The gaps are
 * front → first stop, between neighbours, last stop → back.
 */
function largestGapOf<T>(layout: Layout, aisle: Aisle<T>): { readonly gap: number; readonly split: number } {
  const stops = aisle.stops;
  let gap = stops[0]?.point.y ?? 0;
  let split = 0;
  for (let i = 1; i <= stops.length; i++) {
    const upper = i < stops.length ? (stops[i]?.point.y ?? 0) : layout.depth;
    const g = upper - (stops[i - 1]?.point.y ?? 0);
    if (g > gap) {
      gap = g;
      split = i;
    }
  }
  return { gap, split };
}

function largestGapDistance<T>(layout: Layout, aisles: readonly Aisle<T>[]): number {
  const first = aisles[0];
  if (!first) return 0;
  if (aisles.length === 1) return across(aisles) + 2 * farthest(first);
  // The first and the last aisle end to end; each between, all but its largest gap, twice.
  let vertical = 2 * layout.depth;
  for (let i = 1; i < aisles.length - 1; i++) vertical += 2 * (layout.depth - largestGapOf(layout, aisles[i] as Aisle<T>).gap);
  return across(aisles) + vertical;
}

function largestGapStops<T>(layout: Layout, aisles: readonly Aisle<T>[]): Stop<T>[] {
  const first = aisles[0];
  const last = aisles[aisles.length - 1];
  if (!first || !last) return [];
  if (aisles.length === 1) return [...first.stops];
  // Out: up the first aisle, along the back into each aisle's upper part (deepest first), down the
  // last aisle; home: along the front, right to left, into each aisle's lower part.
  const stops: Stop<T>[] = [...first.stops];
  const splits = aisles.map((aisle, i) => (i === 0 || i === aisles.length - 1 ? 0 : largestGapOf(layout, aisle).split));
  for (let i = 1; i < aisles.length - 1; i++) {
    const aisle = (aisles[i] as Aisle<T>).stops;
    for (let k = aisle.length - 1; k >= (splits[i] as number); k--) stops.push(aisle[k] as Stop<T>);
  }
  for (let k = last.stops.length - 1; k >= 0; k--) stops.push(last.stops[k] as Stop<T>);
  for (let i = aisles.length - 2; i >= 1; i--) {
    const aisle = (aisles[i] as Aisle<T>).stops;
    for (let k = 0; k < (splits[i] as number); k++) stops.push(aisle[k] as Stop<T>);
  }
  return stops;
}
