import type { WriteHandle } from '../platform/db/connection';
import type { Clock } from '../platform/clock';
import { announcedSsccs, hasAsnsFor, insertAsns } from './asns';
import {
  addDays,
  createRandom,
  generateAsns,
  generateInitialOrders,
  generateOrdersBetween,
  parisDayOf,
  parisTime,
  type DemoProduct,
  type Random,
} from './generate';
import { applyDueAmendments } from './amendments';
import { insertAmendments, insertOrder } from './orders';
import { readNumberMeta, writeMeta, type CentreStore } from './store';

/** What a step of simulated time brought: each is a pull change. */
export type Released = { orders: number; changes: number; cancellations: number; asns: number };

export type SimulationOptions = {
  readonly store: CentreStore;
  readonly clock: Clock;
  readonly seed: number;
  /** The catalogue, fastest sellers first: the same ranking that gave the fast sellers their pick faces. */
  readonly products: readonly Readonly<DemoProduct>[];
  /** Units the site holds where pickers pick, by SKU: orders ask for these, but for a few (generate/orders.ts). */
  readonly stock: ReadonlyMap<string, number>;
  /** SSCCs of the pallets already in the warehouse: an ASN never announces one of them. */
  readonly siteSsccs: ReadonlySet<string>;
  /** Average new orders per simulated minute over an order day. */
  readonly ordersPerMinute: number;
  readonly asnsPerDay: number;
};

export type Simulation = {
  /** The centre's clock: the real (or injected) clock plus every `tick` so far. */
  readonly now: () => number;
  /** Writes the first day: `count` orders already placed and tomorrow's ASNs. */
  readonly initialise: (tx: WriteHandle, count: number) => void;
  /** Releases what happened up to `now()` (orders placed, changed, cancelled; ASNs announced). */
  readonly catchUp: () => Released;
  readonly tick: (minutes: number) => Released;
};

const minute = 60_000;
/** A centre left off for a week does not replay a week of orders for days long shipped. */
const longestCatchUp = 2 * 24 * 60 * minute;

/**
 * Simulated time for the demo marketplace. Nothing runs on a timer: each request first releases
 * what happened since the last one, so a test's manual clock and `tick` decide exactly what a
 * station sees, and a restored centre replays what it lost (docs/design.md §4, fault tests).
 */
export function createSimulation(options: SimulationOptions): Simulation {
  const { store, clock, products, stock } = options;
  const root = createRandom(options.seed);
  const stream = root.fork('order-stream');
  const db = (): ReturnType<CentreStore['db']> => store.db();
  const now = (): number => clock.now() + readNumberMeta(db().read, 'sim-offset');

  const asnsFor = (tx: WriteHandle, expectedOn: string, announce: boolean): number => {
    if (hasAsnsFor(tx, expectedOn)) return 0;
    const takenSsccs = new Set([...options.siteSsccs, ...announcedSsccs(tx)]);
    const random: Random = root.fork('asns').fork(expectedOn);
    return insertAsns(tx, generateAsns(random, { products, expectedOn, count: options.asnsPerDay, takenSsccs }), announce);
  };

  const initialise = (tx: WriteHandle, count: number): void => {
    const at = clock.now();
    const orderDay = parisDayOf(at);
    const batch = generateInitialOrders(root.fork('initial-orders').fork(orderDay), { products, stock, orderDay, count, at });
    for (const order of batch.orders) insertOrder(tx, order, false);
    insertAmendments(tx, batch.amendments);
    asnsFor(tx, addDays(orderDay, 1), false);
    writeMeta(tx, 'released-until', String(at));
    writeMeta(tx, 'sim-offset', '0');
  };

  const releaseUntil = (to: number): Released => {
    const released: Released = { orders: 0, changes: 0, cancellations: 0, asns: 0 };
    // Most requests find the clock where the last one left it (a manual clock in tests): no transaction then.
    if (to <= readNumberMeta(db().read, 'released-until')) return released;
    db().write((tx) => {
      const last = readNumberMeta(tx, 'released-until');
      if (to <= last) return;
      const from = Math.max(last, to - longestCatchUp);
      // ASNs for the next ship date are announced as its order day begins.
      for (let day = addDays(parisDayOf(from), 1); parisTime(day, '00:00') <= to; day = addDays(day, 1)) {
        released.asns += asnsFor(tx, addDays(day, 1), true);
      }
      const batch = generateOrdersBetween(stream, { products, stock, from, to, perMinute: options.ordersPerMinute });
      for (const order of batch.orders) insertOrder(tx, order, true);
      insertAmendments(tx, batch.amendments);
      released.orders = batch.orders.length;
      const counts = applyDueAmendments(tx, last, to);
      released.changes = counts.changes;
      released.cancellations = counts.cancellations;
      writeMeta(tx, 'released-until', String(to));
    });
    return released;
  };

  return {
    now,
    initialise,
    catchUp: () => releaseUntil(now()),
    tick: (minutes) => {
      db().write((tx) => writeMeta(tx, 'sim-offset', String(readNumberMeta(tx, 'sim-offset') + minutes * minute)));
      return releaseUntil(now());
    },
  };
}
