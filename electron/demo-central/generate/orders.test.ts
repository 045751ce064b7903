import { describe, expect, it } from 'vitest';

import { allocateLines, type PickableStock } from '../../../shared/outbound/allocation';
import { orderDataSchema } from '../../../shared/sync/protocol';
import { centralDefaults } from '../central';
import { parisTime } from './calendar';
import { generateProducts, rankByDemand } from './catalogue';
import { applyOrderChange, generateInitialOrders, generateOrdersBetween, unstockedShare } from './orders';
import { createRandom } from './random';
import { generateDemoSite } from './site';
import type { DemoOrder, DemoOrderBatch } from './types';

const products = rankByDemand(createRandom(2), generateProducts(createRandom(1), 3000));
const categoryOf = new Map(products.map((p) => [p.sku, p.category]));
const start = parisTime('2026-11-26', '09:00');
const cutoff = parisTime('2026-11-26', '20:00');

const initial = (seed: number, count = 2000): DemoOrderBatch =>
  generateInitialOrders(createRandom(seed), { products, orderDay: '2026-11-26', count, at: start });

/** What the protocol carries of an order (placedAt stays with the centre). */
const asOrderData = (order: DemoOrder) => ({ ...order, status: 'open', version: 1, placedAt: undefined });

describe('generateInitialOrders', () => {
  const batch = initial(7);

  it('draws valid next-day orders of 1–4 distinct lines, placed before the start', () => {
    expect(batch.orders).toHaveLength(2000);
    for (const order of batch.orders) {
      expect(orderDataSchema.safeParse(asOrderData(order)).success).toBe(true);
      expect(order.shipDate).toBe('2026-11-27');
      expect(order.lines.length).toBeGreaterThanOrEqual(1);
      expect(order.lines.length).toBeLessThanOrEqual(4);
      expect(new Set(order.lines.map((l) => l.sku)).size).toBe(order.lines.length);
      expect(order.lines.map((l) => l.lineNo)).toEqual(order.lines.map((_, i) => i + 1));
      expect(order.placedAt).toBeGreaterThanOrEqual(parisTime('2026-11-26', '00:00'));
      expect(order.placedAt).toBeLessThan(start);
    }
    expect(new Set(batch.orders.map((o) => o.orderId)).size).toBe(2000);
    expect(batch.orders[0]?.orderId).toBe('MP-261127-0000001');
  });

  it('averages about three lines an order, phone cases on most of them', () => {
    const lines = batch.orders.flatMap((o) => o.lines);
    expect(lines.length / batch.orders.length).toBeGreaterThan(2.7);
    expect(lines.length / batch.orders.length).toBeLessThan(3.1);
    const byCategory = new Map<string, number>();
    for (const line of lines) byCategory.set(categoryOf.get(line.sku) ?? '?', (byCategory.get(categoryOf.get(line.sku) ?? '?') ?? 0) + 1);
    const [first, second] = [...byCategory.entries()].sort((a, b) => b[1] - a[1]);
    // The catalogue is 40 % phone cases; demand puts them near half the lines, far ahead of the rest.
    expect(first?.[0]).toBe('phone-case');
    expect((first?.[1] ?? 0) / lines.length).toBeGreaterThan(0.45);
    expect(first?.[1] ?? 0).toBeGreaterThan(3 * (second?.[1] ?? 0));
  });

  it('uses the three carriers with their collection times on the ship date', () => {
    const byCarrier = new Map<string, Set<string>>();
    for (const order of batch.orders) byCarrier.set(order.carrier, (byCarrier.get(order.carrier) ?? new Set()).add(order.cutoff));
    expect([...byCarrier.keys()].sort()).toEqual(['chronopost', 'colissimo', 'dpd']);
    expect([...(byCarrier.get('chronopost') ?? [])]).toEqual(['2026-11-27T09:00:00.000Z']);
    expect([...(byCarrier.get('dpd') ?? [])]).toEqual(['2026-11-27T10:30:00.000Z']);
    expect([...(byCarrier.get('colissimo') ?? [])]).toEqual(['2026-11-27T12:00:00.000Z']);
    const services = new Set(batch.orders.filter((o) => o.carrier === 'chronopost').map((o) => o.service));
    expect(services).toEqual(new Set(['Chrono 13', 'Chrono 18', 'Chrono Relais 13']));
  });

  it('schedules some changes and cancellations, after the start and before the evening cutoff', () => {
    const kinds = new Set(batch.amendments.map((a) => a.change.kind));
    expect(kinds).toEqual(new Set(['quantity', 'add-line', 'remove-line', 'cancel']));
    const ids = new Set(batch.orders.map((o) => o.orderId));
    for (const amendment of batch.amendments) {
      expect(ids.has(amendment.orderId)).toBe(true);
      expect(amendment.dueAt).toBeGreaterThan(start);
      expect(amendment.dueAt).toBeLessThan(cutoff);
    }
    const cancels = batch.amendments.filter((a) => a.change.kind === 'cancel').length;
    expect(cancels).toBeGreaterThan(20);
    expect(cancels).toBeLessThan(100);
  });

  it('is deterministic: same seed, same orders; another seed, other orders', () => {
    expect(initial(7)).toEqual(batch);
    expect(initial(8).orders).not.toEqual(batch.orders);
  });

  it('scales to 50,000 orders and about 150,000 lines', () => {
    const big = initial(3, 50_000);
    const lines = big.orders.reduce((sum, o) => sum + o.lines.length, 0);
    expect(big.orders).toHaveLength(50_000);
    expect(lines).toBeGreaterThan(140_000);
    expect(lines).toBeLessThan(155_000);
  });
});

describe('generateOrdersBetween', () => {
  const stream = (from: number, to: number) => generateOrdersBetween(createRandom(11), { products, from, to, perMinute: 1.2 });

  it('draws the same orders whether time moves in one step or many', () => {
    const whole = stream(start, start + 4 * 3_600_000);
    const parts = [0, 1, 2, 3].map((h) => stream(start + h * 3_600_000, start + (h + 1) * 3_600_000));
    expect(parts.flatMap((p) => p.orders)).toEqual(whole.orders);
    expect(whole.orders.length).toBeGreaterThan(100);
    expect(new Set(whole.orders.map((o) => o.orderId)).size).toBe(whole.orders.length);
    for (const order of whole.orders) {
      expect(order.placedAt).toBeGreaterThan(start);
      expect(order.placedAt).toBeLessThanOrEqual(start + 4 * 3_600_000);
    }
  });

  it('stops at the evening cutoff and starts again at midnight for the next ship date', () => {
    const evening = stream(parisTime('2026-11-26', '19:30'), parisTime('2026-11-27', '02:00'));
    const late = evening.orders.filter((o) => o.placedAt >= cutoff && o.placedAt < parisTime('2026-11-27', '00:00'));
    expect(late).toEqual([]);
    expect(new Set(evening.orders.map((o) => o.shipDate))).toEqual(new Set(['2026-11-27', '2026-11-28']));
  });

  it('numbers stream orders apart from the initial ones', () => {
    const ids = stream(start, start + 3_600_000).orders.map((o) => o.orderId);
    expect(ids.every((id) => /^MP-261127-1\d{6}$/.test(id))).toBe(true);
  });
});

describe("orders against the demo site's stock (issue #12)", () => {
  // The demo centre's site, stock and ranking, as startCentral makes them.
  const site = generateDemoSite({ seed: centralDefaults.seed });
  const ranked = rankByDemand(createRandom(centralDefaults.seed).fork('demand'), site.products);
  const stock = new Map<string, number>();
  for (const line of site.looseStock) stock.set(line.sku, (stock.get(line.sku) ?? 0) + line.quantity);
  const walk = new Map(site.locations.map((l) => [l.code, l.walkOrder]));
  const pickable: PickableStock[] = site.looseStock.map((l) => ({
    location: l.locationCode,
    type: 'pick_face',
    walkOrder: walk.get(l.locationCode) ?? 0,
    sku: l.sku,
    available: l.quantity,
  }));
  const first = (seed: number): DemoOrderBatch =>
    generateInitialOrders(createRandom(seed), { products: ranked, stock, orderDay: '2026-11-26', count: centralDefaults.orders, at: start });
  const batch = first(7);
  const day = generateOrdersBetween(createRandom(11), { products: ranked, stock, from: start, to: cutoff, perMinute: centralDefaults.ordersPerMinute });

  it('are mostly fillable from what the site holds, and a few are not, for want of a product it does not stock', () => {
    for (const orders of [batch.orders, [...batch.orders, ...day.orders]]) {
      const allocation = allocateLines(orders, pickable);
      expect(allocation.fillable.length / orders.length).toBeGreaterThanOrEqual(0.85);
      expect(allocation.unfillable.length).toBeGreaterThan(0);
      // A product the site does not stock is what most flagged orders lack.
      const unstocked = allocation.unfillable.filter((order) => order.missing.some((line) => !stock.has(line.sku)));
      expect(unstocked.length).toBeGreaterThan(allocation.unfillable.length / 2);
    }
    expect(day.orders.length).toBeGreaterThan(500);
  });

  it('ask for one unstocked product in about the unstocked share of orders, never more than one', () => {
    const short = batch.orders.filter((order) => order.lines.some((line) => !stock.has(line.sku)));
    expect(short.length).toBeGreaterThan(0);
    expect(short.length / batch.orders.length).toBeLessThan(3 * unstockedShare);
    for (const order of short) expect(order.lines.filter((line) => !stock.has(line.sku))).toHaveLength(1);
    // Lines added by a later change ask for stocked products.
    for (const amendment of batch.amendments) if (amendment.change.kind === 'add-line') expect(stock.has(amendment.change.sku)).toBe(true);
  });

  it('still favour phone cases, and are deterministic', () => {
    const lines = batch.orders.flatMap((o) => o.lines);
    const category = new Map(site.products.map((p) => [p.sku, p.category]));
    expect(lines.filter((line) => category.get(line.sku) === 'phone-case').length / lines.length).toBeGreaterThan(0.45);
    expect(first(7)).toEqual(batch);
    expect(first(8).orders).not.toEqual(batch.orders);
  });
});

describe('applyOrderChange', () => {
  const lines = [
    { lineNo: 1, sku: 'A', quantity: 1 },
    { lineNo: 2, sku: 'B', quantity: 2 },
  ];

  it('changes a quantity, adds a line with the next number, removes a line', () => {
    expect(applyOrderChange(lines, { kind: 'quantity', lineNo: 2, quantity: 3 })).toEqual([lines[0], { lineNo: 2, sku: 'B', quantity: 3 }]);
    expect(applyOrderChange(lines, { kind: 'add-line', sku: 'C', quantity: 1 })?.at(-1)).toEqual({ lineNo: 3, sku: 'C', quantity: 1 });
    expect(applyOrderChange(lines, { kind: 'remove-line', lineNo: 1 })).toEqual([lines[1]]);
  });

  it('skips a change that no longer fits the order', () => {
    expect(applyOrderChange(lines, { kind: 'quantity', lineNo: 9, quantity: 3 })).toBeNull();
    expect(applyOrderChange(lines, { kind: 'add-line', sku: 'A', quantity: 1 })).toBeNull();
    expect(applyOrderChange([lines[0] as (typeof lines)[0]], { kind: 'remove-line', lineNo: 1 })).toBeNull();
  });
});
