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
  // Same depth (two levels of one bay, or both sides of the aisle): by code, so the order is stable.
  for (const aisle of sorted) aisle.stops.sort((a, b) => a.point.y - b.point.y || (a.point.code < b.point.code ? -1 : a.point.code > b.point.code ? 1 : 0));
  return sorted;
}

const farthest = <T>(aisle: Aisle<T>): number => aisle.stops[aisle.stops.length - 1]?.point.y ?? 0;

/** There and back along the front cross-aisle, from the depot to the rightmost aisle entered. */
const across = <T>(aisles: readonly Aisle<T>[]): number => 2 * (aisles[aisles.length - 1]?.x ?? 0);

export function sShape<T>(layout: Layout, picks: readonly Pick<T>[]): Route<T> {
  return sShapeOf(layout, aislesOf(picks));
}

export function largestGap<T>(layout: Layout, picks: readonly Pick<T>[]): Route<T> {
  return largestGapOf(layout, aislesOf(picks));
}

/** The shorter of S-shape and largest gap for these picks (S-shape on a tie). */
export function route<T>(layout: Layout, picks: readonly Pick<T>[]): Route<T> {
  const aisles = aislesOf(picks);
  const s = sShapeOf(layout, aisles);
  const gap = largestGapOf(layout, aisles);
  return gap.distance < s.distance - 1e-9 ? gap : s;
}

function sShapeOf<T>(layout: Layout, aisles: readonly Aisle<T>[]): Route<T> {
  if (aisles.length === 0) return { method: 's-shape', stops: [], distance: 0 };
  const stops: Stop<T>[] = [];
  let vertical = 0;
  const odd = aisles.length % 2 === 1;
  aisles.forEach((aisle, i) => {
    const isReturn = odd && i === aisles.length - 1;
    if (isReturn) {
      // Entered from the front, left the same way: up to the farthest stop and back.
      vertical += 2 * farthest(aisle);
      stops.push(...aisle.stops);
    } else {
      vertical += layout.depth;
      // Even-numbered traversals go up (front to back), odd ones come down.
      stops.push(...(i % 2 === 0 ? aisle.stops : [...aisle.stops].reverse()));
    }
  });
  return { method: 's-shape', stops, distance: across(aisles) + vertical };
}

function largestGapOf<T>(layout: Layout, aisles: readonly Aisle<T>[]): Route<T> {
  const first = aisles[0];
  const last = aisles[aisles.length - 1];
  if (!first || !last) return { method: 'largest-gap', stops: [], distance: 0 };
  if (aisles.length === 1) return { method: 'largest-gap', stops: first.stops, distance: across(aisles) + 2 * farthest(first) };
  const back: Stop<T>[] = [];
  const front: Stop<T>[][] = [];
  let vertical = 2 * layout.depth;
  for (const aisle of aisles.slice(1, -1)) {
    // The gaps: front → first stop, between neighbours, last stop → back. The largest is skipped;
    // stops below it are picked from the front, those above it from the back.
    let gap = aisle.stops[0]?.point.y ?? 0;
    let split = 0;
    for (let i = 1; i <= aisle.stops.length; i++) {
      const upper = i < aisle.stops.length ? (aisle.stops[i]?.point.y ?? 0) : layout.depth;
      const g = upper - (aisle.stops[i - 1]?.point.y ?? 0);
      if (g > gap) {
        gap = g;
        split = i;
      }
    }
    vertical += 2 * (layout.depth - gap);
    back.push(...aisle.stops.slice(split).reverse());
    front.push(aisle.stops.slice(0, split));
  }
  // Out: up the first aisle, along the back into each aisle's upper part, down the last aisle;
  // home: along the front, right to left, into each aisle's lower part.
  const stops = [...first.stops, ...back, ...[...last.stops].reverse(), ...front.reverse().flat()];
  return { method: 'largest-gap', stops, distance: across(aisles) + vertical };
}
