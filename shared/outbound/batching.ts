/**
 * Order batching: tomorrow's orders cut into pick runs, each sized for one trolley (docs/domain.md,
 * Outbound 2; issue #12), grouped by carrier and cutoff, each order in one tote slot.
 *
 * `buildRuns` uses a seed heuristic in the family studied by de Koster, van der Poort & Wolters
 * (1999, "Efficient orderbatching methods in warehouses", International Journal of Production
 * Research 37(7)): a run starts from a seed order and grows, one order at a time, with the order
 * that adds the fewest aisles to the run so far (their cumulative "number of additional aisles"
 * congruency rule), until the next order would break a limit. The seed is the remaining order
 * whose farthest aisle is farthest from the depot (most aisles on a tie), so the orders that cost
 * most to reach are batched together first. Each run's stops are then routed by `route()`
 * (S-shape or largest gap, the shorter).
 *
 * `firstComeBatches` is the baseline the planning screen and the bench compare against: orders in
 * the order given (first come, first served), a run closed as soon as the next order does not fit,
 * stops sorted by walk order.
 *
 * Both keep every order in exactly one run, never mix carriers or cutoffs in a run, and never
 * exceed a limit, except for an order that alone exceeds one: it gets a run of its own, flagged
 * with the limits it breaks (`oversize`). Lines whose location cannot be placed in the layout
 * stay with their order in its run, listed apart (`unrouted`), outside the modelled walk.
 */
import { fail, ok, type Result } from '../result';
import { locate, walkLength, type Layout, type PlaceProblem, type Point } from './layout';
import { route, type Pick, type RoutingMethod, type Stop } from './routing';
import {
  addTo,
  checkLimits,
  defaultRunLimits,
  emptyTotals,
  fits,
  oversizeOf,
  type LimitName,
  type OutboundLine,
  type OutboundOrder,
  type Prepared,
  type RunLimits,
} from './run-sizing';
import { seedBatches } from './seed-batching';

/** One order line as the picker sees it at a stop. */
export type RunLine = { readonly orderId: string; readonly lineNo: number; readonly sku: string; readonly quantity: number; readonly toteSlot: number };

export type UnroutedLine = RunLine & { readonly location: string; readonly problem: PlaceProblem };

export type PlannedRun = {
  readonly carrier: string;
  readonly cutoff: string;
  /** Orders in tote-slot order: slot 1… in the order their first stop comes on the route. */
  readonly orders: readonly { readonly orderId: string; readonly toteSlot: number }[];
  readonly stops: readonly Stop<RunLine>[];
  readonly unrouted: readonly UnroutedLine[];
  readonly method: RoutingMethod | 'walk-order';
  /** Modelled walk from the depot through the stops and back, metres. */
  readonly distance: number;
  readonly lines: number;
  readonly units: number;
  readonly volume: number;
  readonly weight: number;
  /** Not empty for an order that alone breaks these limits: it is then the run's only order. */
  readonly oversize: readonly LimitName[];
};

export type RunPlan = {
  readonly runs: readonly PlannedRun[];
  /** Sum of the runs' modelled walks, metres. */
  readonly distance: number;
  readonly oversize: readonly { readonly orderId: string; readonly limits: readonly LimitName[] }[];
  readonly unrouted: readonly UnroutedLine[];
};

type Group = { readonly carrier: string; readonly cutoff: string; readonly orders: Prepared[] };

/** Orders parsed, placed and grouped by cutoff then carrier; an order id given twice, or a line without a whole positive quantity, is refused. */
function prepare(orders: readonly OutboundOrder[], layout: Layout, limits: RunLimits): Result<Group[]> {
  const checked = checkLimits(limits);
  if (!checked.ok) return checked;
  const seen = new Set<string>();
  const cache = new Map<string, Point | PlaceProblem>();
  const groups = new Map<string, Map<string, Group>>();
  for (const order of orders) {
    if (seen.has(order.orderId)) return fail('INVALID_INPUT', `order ${order.orderId} given twice`, { orderId: order.orderId });
    seen.add(order.orderId);
    const points: (Point | PlaceProblem)[] = [];
    const aisles: number[] = [];
    let far = -1;
    let units = 0;
    let volume = 0;
    let weight = 0;
    for (const line of order.lines) {
      if (
        !Number.isSafeInteger(line.quantity) ||
        line.quantity < 1 ||
        !(line.volume === undefined || line.volume >= 0) ||
        !(line.weight === undefined || line.weight >= 0)
      ) {
        return fail('INVALID_INPUT', `order ${order.orderId} line ${line.lineNo}: quantity must be a whole number ≥ 1, volume and weight ≥ 0`, {
          orderId: order.orderId,
          lineNo: line.lineNo,
        });
      }
      let point = cache.get(line.location);
      if (point === undefined) {
        const located = locate(layout, line.location);
        point = located.ok ? located.value : ((located.error.details?.problem as PlaceProblem | undefined) ?? 'code_format');
        cache.set(line.location, point);
      }
      points.push(point);
      if (typeof point !== 'string') {
        if (!aisles.includes(point.aisle)) aisles.push(point.aisle);
        far = Math.max(far, point.x);
      }
      units += line.quantity;
      volume += (line.volume ?? 0) * line.quantity;
      weight += (line.weight ?? 0) * line.quantity;
    }
    const oversize = oversizeOf(order.lines.length, units, volume, weight, limits);
    let byCarrier = groups.get(order.cutoff);
    if (!byCarrier) groups.set(order.cutoff, (byCarrier = new Map<string, Group>()));
    let group = byCarrier.get(order.carrier);
    if (!group) byCarrier.set(order.carrier, (group = { carrier: order.carrier, cutoff: order.cutoff, orders: [] }));
    group.orders.push({ order, points, aisles, far, lines: order.lines.length, units, volume, weight, oversize });
  }
  return ok([...groups.values()].flatMap((byCarrier) => [...byCarrier.values()]).sort((a, b) => compare(a.cutoff, b.cutoff) || compare(a.carrier, b.carrier)));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A run line while the run is assembled. Until the stops are in order, `toteSlot` holds the index
 * of its order among the run's members; then it is given the order's slot.
 */
type Building = { readonly orderId: string; readonly lineNo: number; readonly sku: string; readonly quantity: number; toteSlot: number };

/** A run of these orders: stops routed (`route`) or sorted by walk order, tote slots by first stop. */
function assemble(layout: Layout, group: Group, members: readonly Prepared[], sequencing: 'route' | 'walk-order'): PlannedRun {
  const picks: Pick<Building>[] = [];
  const walks = new Map<string, number>();
  const unrouted: (Building & { location: string; problem: PlaceProblem })[] = [];
  const totals = emptyTotals();
  for (let owner = 0; owner < members.length; owner++) {
    const prepared = members[owner] as Prepared;
    addTo(totals, prepared);
    const { orderId, lines } = prepared.order;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as OutboundLine;
      const point = prepared.points[i] as Point | PlaceProblem;
      if (typeof point === 'string') {
        unrouted.push({ orderId, lineNo: line.lineNo, sku: line.sku, quantity: line.quantity, toteSlot: owner, location: line.location, problem: point });
      } else {
        picks.push({ point, item: { orderId, lineNo: line.lineNo, sku: line.sku, quantity: line.quantity, toteSlot: owner } });
        if (sequencing === 'walk-order' && !walks.has(point.code)) walks.set(point.code, line.walkOrder ?? point.walk);
      }
    }
  }
  let stops: readonly Stop<Building>[];
  let distance: number;
  let method: PlannedRun['method'];
  if (sequencing === 'route') {
    const routed = route(layout, picks);
    stops = routed.stops;
    distance = routed.distance;
    method = routed.method;
  } else {
    const byCode = new Map<string, { point: Point; items: Building[] }>();
    for (const pick of picks) {
      const stop = byCode.get(pick.point.code);
      if (stop) stop.items.push(pick.item);
      else byCode.set(pick.point.code, { point: pick.point, items: [pick.item] });
    }
    const walk = (stop: { point: Point }): number => walks.get(stop.point.code) ?? 0;
    stops = [...byCode.values()].sort((a, b) => walk(a) - walk(b) || compare(a.point.code, b.point.code));
    distance = walkLength(
      layout,
      stops.map((stop) => stop.point),
    );
    method = 'walk-order';
  }
  // Tote slots 1… in the order each order's first stop comes; orders with no stop after them.
  const slotOf = new Int32Array(members.length);
  const slotted: number[] = [];
  const slot = (owner: number): void => {
    if (slotOf[owner] === 0) {
      slotted.push(owner);
      slotOf[owner] = slotted.length;
    }
  };
  for (const stop of stops) for (const item of stop.items) slot(item.toteSlot);
  for (let owner = 0; owner < members.length; owner++) slot(owner);
  for (const stop of stops) for (const item of stop.items) item.toteSlot = slotOf[item.toteSlot] as number;
  for (const item of unrouted) item.toteSlot = slotOf[item.toteSlot] as number;
  return {
    carrier: group.carrier,
    cutoff: group.cutoff,
    orders: slotted.map((owner) => ({ orderId: (members[owner] as Prepared).order.orderId, toteSlot: slotOf[owner] as number })),
    stops,
    unrouted,
    method,
    distance,
    lines: totals.lines,
    units: totals.units,
    volume: totals.volume,
    weight: totals.weight,
    oversize: members.length === 1 ? (members[0]?.oversize ?? []) : [],
  };
}

function plan(layout: Layout, groups: readonly Group[], batch: (orders: readonly Prepared[]) => Prepared[][], sequencing: 'route' | 'walk-order'): RunPlan {
  const runs: PlannedRun[] = [];
  for (const group of groups) {
    const regular: Prepared[] = [];
    for (const prepared of group.orders) {
      if (prepared.oversize.length > 0) runs.push(assemble(layout, group, [prepared], sequencing));
      else regular.push(prepared);
    }
    for (const members of batch(regular)) runs.push(assemble(layout, group, members, sequencing));
  }
  return {
    runs,
    distance: runs.reduce((sum, run) => sum + run.distance, 0),
    oversize: runs.filter((run) => run.oversize.length > 0).map((run) => ({ orderId: run.orders[0]?.orderId ?? '', limits: run.oversize })),
    unrouted: runs.flatMap((run) => run.unrouted),
  };
}

/**
 * First come, first served: orders in the order given, a new run whenever the next one does not
 * fit; stops in walk order (the baseline), or routed like `buildRuns` with `sequencing: 'route'`
 * (to tell what batching saves from what routing saves).
 */
export function firstComeBatches(
  orders: readonly OutboundOrder[],
  layout: Layout,
  limits: RunLimits = defaultRunLimits,
  options: { readonly sequencing?: 'walk-order' | 'route' } = {},
): Result<RunPlan> {
  const groups = prepare(orders, layout, limits);
  if (!groups.ok) return groups;
  const batch = (group: readonly Prepared[]): Prepared[][] => {
    const batches: Prepared[][] = [];
    let current: Prepared[] = [];
    let totals = emptyTotals();
    for (const prepared of group) {
      if (current.length > 0 && !fits(totals, prepared, limits)) {
        batches.push(current);
        current = [];
        totals = emptyTotals();
      }
      current.push(prepared);
      addTo(totals, prepared);
    }
    if (current.length > 0) batches.push(current);
    return batches;
  };
  return ok(plan(layout, groups.value, batch, options.sequencing ?? 'walk-order'));
}

/** Runs for these orders: seed batching per carrier and cutoff, each run routed (S-shape or largest gap). */
export function buildRuns(orders: readonly OutboundOrder[], layout: Layout, limits: RunLimits = defaultRunLimits): Result<RunPlan> {
  const groups = prepare(orders, layout, limits);
  if (!groups.ok) return groups;
  return ok(plan(layout, groups.value, (group) => seedBatches(group, layout, limits), 'route'));
}

/**
 * One run of exactly these orders, routed like `buildRuns` — for a run built by hand (the shift
 * lead selects orders) or a run to preview. Refused (INVALID_INPUT, `details.problem`) when there
 * is no order (`empty`), when the orders do not share one carrier and cutoff (`mixed`), or when
 * together they break a limit (`limits`, with `details.limits`); one order alone is allowed over a
 * limit and flagged, as in `buildRuns`.
 */
export function runOf(orders: readonly OutboundOrder[], layout: Layout, limits: RunLimits = defaultRunLimits): Result<PlannedRun> {
  const groups = prepare(orders, layout, limits);
  if (!groups.ok) return groups;
  const [group, ...others] = groups.value;
  if (!group) return fail('INVALID_INPUT', 'a run needs at least one order', { problem: 'empty' });
  if (others.length > 0) return fail('INVALID_INPUT', 'a run holds orders of one carrier and one cutoff', { problem: 'mixed' });
  if (group.orders.length > 1) {
    const totals = emptyTotals();
    for (const prepared of group.orders) addTo(totals, prepared);
    const broken: (LimitName | 'orders')[] = [...oversizeOf(totals.lines, totals.units, totals.volume, totals.weight, limits)];
    if (totals.orders > Math.min(limits.ordersPerRun, limits.toteSlots)) broken.unshift('orders');
    if (broken.length > 0) return fail('INVALID_INPUT', `these orders together exceed ${broken.join(', ')}`, { problem: 'limits', limits: broken });
  }
  return ok(assemble(layout, group, group.orders, 'route'));
}
