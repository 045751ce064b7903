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

/** An order with what batching needs, computed once. */
type Prepared = {
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
const none: readonly LimitName[] = Object.freeze([]);

/** Which limits an order breaks on its own. */
function oversizeOf(lines: number, units: number, volume: number, weight: number, limits: RunLimits): readonly LimitName[] {
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

type Group = { readonly carrier: string; readonly cutoff: string; readonly orders: Prepared[] };

function checkLimits(limits: RunLimits): Result<null> {
  for (const field of ['ordersPerRun', 'linesPerRun', 'unitsPerRun', 'toteSlots'] as const) {
    if (!Number.isSafeInteger(limits[field]) || limits[field] < 1) return fail('INVALID_INPUT', `${field} must be a whole number ≥ 1`, { field });
  }
  for (const field of ['volumePerRun', 'weightPerRun'] as const) {
    const value = limits[field];
    if (value !== undefined && !(value > 0)) return fail('INVALID_INPUT', `${field} must be > 0 when set`, { field });
  }
  return ok(null);
}

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

type Totals = { orders: number; lines: number; units: number; volume: number; weight: number };

const emptyTotals = (): Totals => ({ orders: 0, lines: 0, units: 0, volume: 0, weight: 0 });

function fits(totals: Totals, order: Prepared, limits: RunLimits): boolean {
  return (
    totals.orders + 1 <= Math.min(limits.ordersPerRun, limits.toteSlots) &&
    totals.lines + order.lines <= limits.linesPerRun &&
    totals.units + order.units <= limits.unitsPerRun &&
    (limits.volumePerRun === undefined || totals.volume + order.volume <= limits.volumePerRun) &&
    (limits.weightPerRun === undefined || totals.weight + order.weight <= limits.weightPerRun)
  );
}

function addTo(totals: Totals, order: Prepared): void {
  totals.orders += 1;
  totals.lines += order.lines;
  totals.units += order.units;
  totals.volume += order.volume;
  totals.weight += order.weight;
}

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

/** One number for a small set of aisles (up to four, the common case), a string beyond. */
function classKey(aisles: readonly number[], aisleCount: number): number | string {
  const sorted = aisles.length < 2 ? aisles : [...aisles].sort((x, y) => x - y);
  if (sorted.length > 4) return sorted.join(',');
  let key = 0;
  for (const aisle of sorted) key = key * (aisleCount + 1) + aisle + 1;
  return key;
}

/**
 * Seed batching (see the top of this file). Kept fast with an index: orders visiting the same set
 * of aisles form a class, and classes are listed by aisle. When an aisle joins the run, each class
 * through it has one aisle fewer to add; classes wait in buckets by that number (0: inside the
 * run's aisles already, 1: one aisle more), so the next order is found without looking at every
 * remaining one. Aisles joining the run are looked at lazily, only when the buckets run dry.
 */
/** Classes looked at per step while the run's buckets are empty: enough to fill a trolley, few enough not to read every list through. */
const scanBudget = 64;

function seedBatches(orders: readonly Prepared[], layout: Layout, limits: RunLimits): Prepared[][] {
  const n = orders.length;
  const aisleCount = layout.aisleX.length;
  const cap = Math.min(limits.ordersPerRun, limits.toteSlots);

  // Classes of orders with the same aisles, their members in the order given.
  const classOf = new Int32Array(n);
  const classKeys = new Map<number | string, number>();
  const classAisles: (readonly number[])[] = [];
  const members: number[][] = [];
  orders.forEach((order, i) => {
    const key = classKey(order.aisles, aisleCount);
    let c = classKeys.get(key);
    if (c === undefined) {
      c = classAisles.length;
      classKeys.set(key, c);
      classAisles.push(order.aisles);
      members.push([]);
    }
    classOf[i] = c;
    (members[c] as number[]).push(i);
  });
  const classes = classAisles.length;
  // Typed arrays filled by plain loops: TypedArray.from with a mapping function is slow in V8.
  const counts = new Int32Array(classes);
  const sizes = new Int32Array(classes);
  for (let c = 0; c < classes; c++) {
    counts[c] = (classAisles[c] as readonly number[]).length;
    sizes[c] = (members[c] as number[]).length;
  }
  const missing = counts.slice();
  const next = new Int32Array(classes); // first member not yet known to be taken
  const skipped = new Uint8Array(classes);
  const byAisle: number[][] = Array.from({ length: aisleCount }, () => []);
  classAisles.forEach((aisles, c) => {
    for (const aisle of aisles) byAisle[aisle]?.push(c);
  });

  // Seeds: farthest aisle first (aisles are numbered left to right, away from the depot), then
  // more aisles, then the order given — sorted as one number per order, as typed arrays sort.
  const far = new Float64Array(n);
  let most = 0;
  for (const count of counts) most = Math.max(most, count);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const order = orders[i] as Prepared;
    far[i] = order.far;
    let farAisle = -1;
    for (const aisle of order.aisles) farAisle = Math.max(farAisle, aisle);
    keys[i] = ((aisleCount - farAisle) * (most + 1) + (most - (counts[classOf[i] as number] as number))) * n + i;
  }
  let seeds: Int32Array | number[];
  if ((aisleCount + 2) * (most + 1) * n < Number.MAX_SAFE_INTEGER) {
    keys.sort();
    seeds = new Int32Array(n);
    for (let k = 0; k < n; k++) seeds[k] = (keys[k] as number) % n;
  } else {
    seeds = Array.from({ length: n }, (_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number));
  }
  const used = new Uint8Array(n);
  const inRun = new Uint8Array(aisleCount);
  const buckets: [number[], number[]] = [[], []];
  const batches: Prepared[][] = [];
  const touched: number[] = [];
  const touchedAisles: number[] = [];
  // Aisles of the run whose classes are not all looked at yet, and how far each one's list was looked at.
  const pending: number[] = [];
  const scanned = new Int32Array(aisleCount);
  let cursor = 0;
  for (;;) {
    while (cursor < n && used[seeds[cursor] as number]) cursor++;
    if (cursor >= n) break;
    const run: Prepared[] = [];
    const totals = emptyTotals();
    let runFar = -1;
    /**
     * Looks at up to `budget` more classes through the last aisle waiting; drops classes with every
     * member taken (swapped with the list's last, so lists stay dense). Returns when the aisle is done.
     */
    const scan = (budget: number): void => {
      const aisle = pending[pending.length - 1] as number;
      const list = byAisle[aisle] as number[];
      let k = scanned[aisle] as number;
      while (k < list.length && budget > 0) {
        const c = list[k] as number;
        if ((next[c] as number) >= (sizes[c] as number)) {
          list[k] = list[list.length - 1] as number;
          list.pop();
          continue;
        }
        k++;
        budget--;
        const before = missing[c] as number;
        if (before === counts[c]) touched.push(c);
        missing[c] = before - 1;
        if (before <= 2) buckets[(before - 1) as 0 | 1].push(c);
      }
      scanned[aisle] = k;
      if (k >= list.length) pending.pop();
    };
    const add = (i: number): void => {
      const order = orders[i] as Prepared;
      used[i] = 1;
      run.push(order);
      addTo(totals, order);
      runFar = Math.max(runFar, order.far);
      for (const aisle of order.aisles) {
        if (inRun[aisle]) continue;
        inRun[aisle] = 1;
        touchedAisles.push(aisle);
        pending.push(aisle);
      }
    };
    /** The first member of class `c` not taken that fits the run, or −1 (then the class sits this run out). */
    const member = (c: number): number => {
      const list = members[c] as number[];
      let at = next[c] as number;
      while (at < list.length && used[list[at] as number]) at++;
      next[c] = at;
      for (let k = at; k < list.length; k++) {
        const j = list[k] as number;
        if (!used[j] && fits(totals, orders[j] as Prepared, limits)) return j;
      }
      skipped[c] = 1;
      if (counts[c] === missing[c]) touched.push(c);
      return -1;
    };
    /** The next order from a bucket's classes, or −1; its class stays in the bucket for its other members. */
    const take = (b: 0 | 1): number => {
      const bucket = buckets[b];
      while (bucket.length > 0) {
        const c = bucket[bucket.length - 1] as number;
        if (skipped[c] || missing[c] !== b) {
          bucket.pop();
          continue;
        }
        const j = member(c);
        if (j >= 0) return j;
        bucket.pop();
      }
      return -1;
    };
    add(seeds[cursor] as number);
    while (totals.orders < cap) {
      let chosen = take(0);
      while (chosen < 0 && pending.length > 0) {
        scan(scanBudget);
        chosen = take(0);
      }
      if (chosen < 0) chosen = take(1);
      if (chosen < 0) {
        // Every remaining order adds two aisles or more: the one adding the fewest, the least far past the run's far end.
        let best = Number.POSITIVE_INFINITY;
        for (let k = cursor; k < n && best > 0; k++) {
          const j = seeds[k] as number;
          const c = classOf[j] as number;
          if (used[j] || skipped[c]) continue;
          if (!fits(totals, orders[j] as Prepared, limits)) continue;
          const cost = (missing[c] as number) * layout.depth + 2 * Math.max(0, (far[j] as number) - runFar);
          if (cost < best) {
            best = cost;
            chosen = j;
          }
        }
      }
      if (chosen < 0) break;
      add(chosen);
    }
    batches.push(run);
    for (const c of touched) {
      skipped[c] = 0;
      missing[c] = counts[c] as number;
    }
    for (const aisle of touchedAisles) {
      inRun[aisle] = 0;
      scanned[aisle] = 0;
    }
    touched.length = 0;
    touchedAisles.length = 0;
    pending.length = 0;
    buckets[0].length = 0;
    buckets[1].length = 0;
  }
  return batches;
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
