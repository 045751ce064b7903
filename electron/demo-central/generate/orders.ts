/**
 * Next-day orders as the marketplace sends them: 1–4 lines, phone cases first, three carriers,
 * placed over the order day until the evening cutoff, some later changed (a quantity, a line added
 * or removed) or cancelled. Pure and seeded: the demo central service stores what this draws and
 * releases it as its simulated clock reaches each order's time. Given the site's stock, orders ask
 * for what it holds, but for a few percent that ask for one product it does not (issue #12: the
 * planning screen flags them).
 *
 * The stream is drawn minute by minute, each minute from its own forked stream, so the orders of
 * 14:05 are the same whether the clock got there in one tick or sixty, and a restored centre
 * replays exactly the orders it lost.
 */
import { addDays, compactDay, parisDayOf, parisTime } from './calendar';
import { carrierPlans, eveningCutoff } from './carriers';
import type { Random } from './random';
import type { DemoOrder, DemoOrderAmendment, DemoOrderBatch, DemoOrderChange, DemoOrderLine, DemoProduct } from './types';

const minute = 60_000;

/** Lines per order: 1–4, averaging about three (150,000 lines for 50,000 orders at scale). */
const lineCounts = [
  { lines: 1, weight: 15 },
  { lines: 2, weight: 20 },
  { lines: 3, weight: 25 },
  { lines: 4, weight: 40 },
] as const;

/** Most customers want one of each; screen protectors and cables sometimes come in twos. */
const quantities = [
  { quantity: 1, weight: 80 },
  { quantity: 2, weight: 13 },
  { quantity: 3, weight: 4 },
  { quantity: 4, weight: 2 },
  { quantity: 5, weight: 1 },
] as const;

/**
 * How skewed demand is over the ranked catalogue: the product at relative rank r is drawn as
 * r = u^skew, so the fastest tenth of the catalogue takes nearly half of the lines. With
 * `rankByDemand` putting phone cases ahead, they fill most baskets.
 */
const demandSkew = 3;

/**
 * With the site's stock given: the skew of demand over the SKUs it holds, each drawn in proportion
 * to its units on hand times (relative rank)^(1/skew − 1). Milder than `demandSkew`, so a fast
 * seller with few units on its face is not sold out by the first few hundred orders.
 */
const stockedSkew = 2;

/**
 * With the site's stock given: the share of orders that ask for one product the site does not
 * hold (a listing the marketplace has not taken down), so a plan always has unfillable orders to flag.
 */
export const unstockedShare = 0.03;

/** Share of orders the customer later changes, and later cancels (before the evening cutoff). */
const changeShare = 0.06;
const cancelShare = 0.03;

/**
 * Relative order rate per Paris hour from midnight to the 20:00 cutoff: a quiet night, a lunch
 * peak and an evening rush just before the cutoff, as French online shopping goes.
 */
const hourlyProfile = [0.5, 0.3, 0.2, 0.15, 0.15, 0.2, 0.4, 0.7, 0.9, 1.0, 1.1, 1.2, 1.5, 1.4, 1.1, 1.0, 1.1, 1.3, 1.7, 2.0] as const;
const meanProfile = hourlyProfile.reduce((sum, w) => sum + w, 0) / hourlyProfile.length;

/** Order numbers under a ship date: 1… for the orders already there at start, 1MMMMKK for the stream. */
const initialLimit = 1_000_000;
const orderId = (shipDate: string, number: number): string => `MP-${compactDay(shipDate)}-${String(number).padStart(7, '0')}`;

export type OrderOptions = {
  /** Products, fastest sellers first (see `rankByDemand`). */
  readonly products: readonly Readonly<DemoProduct>[];
  /**
   * Units the site holds where pickers pick (loose, on pick faces and in storage), by SKU. Given,
   * orders ask for what it holds (`stockedSkew`) but for `unstockedShare` of them, which ask for
   * one product it does not; without it, for any product by demand rank (`demandSkew`).
   */
  readonly stock?: ReadonlyMap<string, number>;
};

/** How one batch draws its products: computed once per batch, not per line. */
type Demand = {
  /** A product for a new line; `taken` SKUs are redrawn (a few times) so lines stay distinct. */
  readonly draw: (random: Random, taken: ReadonlySet<string>) => Readonly<DemoProduct> | null;
  /** A product the site does not hold, or null when every order is drawn from the whole catalogue. */
  readonly unstocked: ((random: Random, taken: ReadonlySet<string>) => Readonly<DemoProduct> | null) | null;
};

/** A product drawn by demand rank; `taken` SKUs are redrawn (a few times) so lines stay distinct. */
function byRank(products: readonly Readonly<DemoProduct>[]) {
  return (random: Random, taken: ReadonlySet<string>): Readonly<DemoProduct> | null => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const product = products[Math.floor(products.length * random.next() ** demandSkew)] as Readonly<DemoProduct>;
      if (!taken.has(product.sku)) return product;
    }
    return null;
  };
}

/** A product drawn by cumulative weight (binary search), redrawn on a taken SKU as `byRank` does. */
function byWeight(products: readonly Readonly<DemoProduct>[], weights: readonly number[]) {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) cumulative.push((total += weight));
  return (random: Random, taken: ReadonlySet<string>): Readonly<DemoProduct> | null => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const target = random.next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((cumulative[middle] as number) > target) high = middle;
        else low = middle + 1;
      }
      const product = products[low] as Readonly<DemoProduct>;
      if (!taken.has(product.sku)) return product;
    }
    return null;
  };
}

function demandOf(options: Readonly<OrderOptions>): Demand {
  const { products, stock } = options;
  if (!stock) return { draw: byRank(products), unstocked: null };
  const held = products.filter((product) => (stock.get(product.sku) ?? 0) > 0);
  const missing = products.filter((product) => !((stock.get(product.sku) ?? 0) > 0));
  if (held.length === 0) return { draw: byRank(products), unstocked: null };
  const weights = held.map((product, i) => (stock.get(product.sku) as number) * ((i + 1) / held.length) ** (1 / stockedSkew - 1));
  return { draw: byWeight(held, weights), unstocked: missing.length > 0 ? byRank(missing) : null };
}

export type InitialOrderOptions = OrderOptions & {
  /** YYYY-MM-DD the orders were placed (Paris): they ship the day after. */
  readonly orderDay: string;
  readonly count: number;
  /** Instant (ms) the centre starts: the orders were placed before it, their changes come after. */
  readonly at: number;
};

export type OrderStreamOptions = OrderOptions & {
  /** Orders placed after `from` and up to `to` (ms), both instants. */
  readonly from: number;
  readonly to: number;
  /** Average orders per minute over an order day (midnight to the cutoff). */
  readonly perMinute: number;
};

/** Collection instants and the cutoff of one order day, computed once per batch, not per order. */
type OrderDay = { readonly shipDate: string; readonly start: number; readonly cutoff: number; readonly collections: ReadonlyMap<string, string> };

function orderDay(day: string): OrderDay {
  const shipDate = addDays(day, 1);
  const collections = new Map(carrierPlans.map((plan) => [plan.carrier as string, new Date(parisTime(shipDate, plan.collection)).toISOString()]));
  return { shipDate, start: parisTime(day, '00:00'), cutoff: parisTime(day, eveningCutoff), collections };
}

const drawQuantity = (random: Random): number => random.weighted(quantities, (q) => q.weight).quantity;

function drawOrder(random: Random, demand: Demand, day: OrderDay, id: string, placedAt: number): DemoOrder {
  const plan = random.weighted(carrierPlans, (p) => p.share);
  const service = random.weighted(plan.services, (s) => s.weight).name;
  const wanted = random.weighted(lineCounts, (c) => c.weight).lines;
  // Drawn only when there is something unstocked to ask for, so orders over the whole catalogue draw as they always did.
  const short = demand.unstocked !== null && random.chance(unstockedShare);
  const taken = new Set<string>();
  const lines: DemoOrderLine[] = [];
  for (let i = 0; i < wanted; i++) {
    const product = short && i === 0 && demand.unstocked ? demand.unstocked(random, taken) : demand.draw(random, taken);
    if (!product) break;
    taken.add(product.sku);
    lines.push({ lineNo: lines.length + 1, sku: product.sku, quantity: drawQuantity(random) });
  }
  return { orderId: id, shipDate: day.shipDate, carrier: plan.carrier, service, cutoff: day.collections.get(plan.carrier) as string, placedAt, lines };
}

/** A change to `order` as it was placed; the centre skips it if the order has moved on since. */
function drawChange(random: Random, order: Readonly<DemoOrder>, demand: Demand): DemoOrderChange {
  const roll = random.next();
  const line = random.pick(order.lines);
  if (order.lines.length >= 2 && roll < 0.25) return { kind: 'remove-line', lineNo: line.lineNo };
  if (roll < 0.55) {
    const product = demand.draw(random, new Set(order.lines.map((l) => l.sku)));
    if (product) return { kind: 'add-line', sku: product.sku, quantity: drawQuantity(random) };
  }
  const quantity = line.quantity === 1 ? random.int(2, 3) : random.chance(0.7) ? line.quantity - 1 : line.quantity + 1;
  return { kind: 'quantity', lineNo: line.lineNo, quantity };
}

/**
 * What will happen to `order` after `after` (ms) and before `until` (the cutoff). Everything is
 * drawn whether it falls in the window or not, so the stream does not depend on the window.
 */
function drawAmendments(random: Random, order: Readonly<DemoOrder>, demand: Demand, after: number, until: number): DemoOrderAmendment[] {
  const out: DemoOrderAmendment[] = [];
  if (random.chance(changeShare)) {
    const dueAt = after + random.int(5, 180) * minute + random.int(0, minute - 1);
    const change = drawChange(random, order, demand);
    if (dueAt < until) out.push({ orderId: order.orderId, dueAt, change });
  }
  if (random.chance(cancelShare)) {
    const dueAt = after + random.int(2, 240) * minute + random.int(0, minute - 1);
    if (dueAt < until) out.push({ orderId: order.orderId, dueAt, change: { kind: 'cancel' } });
  }
  return out;
}

/**
 * The orders already placed when the centre starts at `at` on `orderDay`, spread between midnight
 * and `at` (or the cutoff, if later), numbered in the order they came in. Their changes and
 * cancellations fall after `at`, so they arrive over simulated time.
 */
export function generateInitialOrders(random: Random, options: Readonly<InitialOrderOptions>): DemoOrderBatch {
  const { products, count, at } = options;
  if (!Number.isSafeInteger(count) || count < 0 || count >= initialLimit)
    throw new RangeError(`initial order count must be 0–${initialLimit - 1}, got ${count}`);
  if (count > 0 && products.length === 0) throw new RangeError('orders need products');
  const day = orderDay(options.orderDay);
  const demand = demandOf(options);
  const until = Math.max(day.start + minute, Math.min(at, day.cutoff));
  const times = Array.from({ length: count }, () => day.start + Math.floor(random.next() * (until - day.start))).sort((a, b) => a - b);
  const orders: DemoOrder[] = [];
  const amendments: DemoOrderAmendment[] = [];
  times.forEach((placedAt, i) => {
    const order = drawOrder(random, demand, day, orderId(day.shipDate, i + 1), placedAt);
    orders.push(order);
    amendments.push(...drawAmendments(random, order, demand, Math.max(at, placedAt), day.cutoff));
  });
  return { orders, amendments: amendments.sort((a, b) => a.dueAt - b.dueAt) };
}

/** Poisson-distributed count with mean `mean` (Knuth's multiplication method; means here are small). */
function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random.next(); p > limit; p *= random.next()) k++;
  return k;
}

/**
 * The orders customers place after `from` and up to `to`, over as many order days as that spans
 * (none between the evening cutoff and midnight), with their later changes and cancellations.
 */
export function generateOrdersBetween(random: Random, options: Readonly<OrderStreamOptions>): DemoOrderBatch {
  const { products, from, to, perMinute } = options;
  const orders: DemoOrder[] = [];
  const amendments: DemoOrderAmendment[] = [];
  if (!(to > from) || perMinute <= 0 || products.length === 0) return { orders, amendments };
  const demand = demandOf(options);

  for (let name = parisDayOf(from); parisTime(name, '00:00') <= to; name = addDays(name, 1)) {
    const day = orderDay(name);
    const low = Math.max(from + 1, day.start);
    const high = Math.min(to, day.cutoff - 1);
    if (low > high) continue;
    for (let m = Math.floor((low - day.start) / minute); m <= Math.floor((high - day.start) / minute); m++) {
      const stream = random.fork(`${name} ${m}`);
      const mean = (perMinute * (hourlyProfile[Math.min(hourlyProfile.length - 1, Math.floor(m / 60))] ?? 1)) / meanProfile;
      const count = Math.min(99, poisson(stream, mean));
      const placed = Array.from({ length: count }, () => day.start + m * minute + stream.int(0, minute - 1)).sort((a, b) => a - b);
      placed.forEach((placedAt, k) => {
        const order = drawOrder(stream, demand, day, orderId(day.shipDate, initialLimit + m * 100 + k), placedAt);
        const later = drawAmendments(stream, order, demand, placedAt, day.cutoff);
        if (placedAt < low || placedAt > high) return;
        orders.push(order);
        amendments.push(...later);
      });
    }
  }
  return { orders, amendments: amendments.sort((a, b) => a.dueAt - b.dueAt) };
}

/**
 * `lines` after `change`, or null when the change no longer fits (its line is gone, its SKU is
 * already there, or it would leave the order empty). Cancellation is not a change of lines.
 */
export function applyOrderChange(lines: readonly Readonly<DemoOrderLine>[], change: Readonly<DemoOrderChange>): DemoOrderLine[] | null {
  switch (change.kind) {
    case 'quantity': {
      const line = lines.find((l) => l.lineNo === change.lineNo);
      if (!line || line.quantity === change.quantity) return null;
      return lines.map((l) => (l.lineNo === change.lineNo ? { ...l, quantity: change.quantity } : { ...l }));
    }
    case 'add-line': {
      if (lines.some((l) => l.sku === change.sku)) return null;
      const lineNo = lines.reduce((max, l) => Math.max(max, l.lineNo), 0) + 1;
      return [...lines.map((l) => ({ ...l })), { lineNo, sku: change.sku, quantity: change.quantity }];
    }
    case 'remove-line': {
      if (lines.length < 2 || !lines.some((l) => l.lineNo === change.lineNo)) return null;
      return lines.filter((l) => l.lineNo !== change.lineNo).map((l) => ({ ...l }));
    }
    case 'cancel':
      return null;
  }
}
