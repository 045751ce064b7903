import type { Layout } from './layout';
import { addTo, emptyTotals, fits, type Prepared, type RunLimits } from './run-sizing';

/** One number for a small set of aisles (up to four, the common case), a string beyond. */
function classKey(aisles: readonly number[], aisleCount: number): number | string {
  const sorted = aisles.length < 2 ? aisles : [...aisles].sort((x, y) => x - y);
  if (sorted.length > 4) return sorted.join(',');
  let key = 0;
  for (const aisle of sorted) key = key * (aisleCount + 1) + aisle + 1;
  return key;
}

/**
 * Seed batching (the method is described at the top of batching.ts). Kept fast with an index: orders visiting the same set
 * of aisles form a class, and classes are listed by aisle. When an aisle joins the run, each class
 * through it has one aisle fewer to add; classes wait in buckets by that number (0: inside the
 * run's aisles already, 1: one aisle more), so the next order is found without looking at every
 * remaining one. Aisles joining the run are looked at lazily, only when the buckets run dry.
 */
/** Classes looked at per step while the run's buckets are empty: enough to fill a trolley, few enough not to read every list through. */
const scanBudget = 64;

export function seedBatches(orders: readonly Prepared[], layout: Layout, limits: RunLimits): Prepared[][] {
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
