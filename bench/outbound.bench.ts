import { performance } from 'node:perf_hooks';
import { createRandom, generateDemoSite, rankByDemand } from '../electron/demo-central/generate';
import { generateInitialOrders } from '../electron/demo-central/generate/orders';
import { buildRuns, defaultRunLimits, firstComeBatches, layoutOf, parsePlace, type OutboundOrder, type Place, type RunPlan } from '../shared/outbound';
import { repeat, summarise, wholeRuns, type Bench } from './harness';

// Issue #12: tomorrow's orders on the demo site (seed 1, as the demo centre makes it), cut into
// pick runs. Orders come from the demo centre's own generator, over the products that have a pick
// face (fastest sellers first in the walk, as the demo site stocks them), so every line has a
// location in the pick zones.
const seed = 1;
const orderCount = 10_000;

function fixture(): { orders: OutboundOrder[]; places: Place[]; zoneOrder: string[] } {
  const site = generateDemoSite({ seed });
  const walk = new Map(site.locations.map((l) => [l.code, l.walkOrder]));
  const face = new Map<string, string>();
  for (const stock of site.looseStock) if (!face.has(stock.sku)) face.set(stock.sku, stock.locationCode);
  const products = rankByDemand(createRandom(seed).fork('demand'), site.products).filter((p) => face.has(p.sku));
  const batch = generateInitialOrders(createRandom(seed).fork('bench').fork('outbound'), {
    products,
    orderDay: '2026-11-26',
    count: orderCount,
    at: Date.parse('2026-11-26T19:00:00Z'),
  });
  const orders = batch.orders.map((order) => ({
    orderId: order.orderId,
    carrier: order.carrier,
    cutoff: order.cutoff,
    lines: order.lines.map((line) => {
      const location = face.get(line.sku) ?? '';
      return { lineNo: line.lineNo, sku: line.sku, quantity: line.quantity, location, walkOrder: walk.get(location) ?? 0 };
    }),
  }));
  const faces = site.locations.filter((l) => l.type === 'pick_face').sort((a, b) => a.walkOrder - b.walkOrder);
  const places = faces.flatMap((l) => {
    const place = parsePlace(l.code);
    return place.ok ? [place.value] : [];
  });
  return { orders, places, zoneOrder: [...new Set(faces.map((l) => l.zone))] };
}

const unwrap = (result: ReturnType<typeof buildRuns>): RunPlan => {
  if (!result.ok) throw new Error(`planning failed: ${result.error.message}`);
  return result.value;
};

export const benches: readonly Bench[] = [
  {
    name: 'outbound.build-runs',
    run: async () => {
      const { orders, places, zoneOrder } = fixture();
      const layout = layoutOf(places, { zoneOrder });
      const lines = orders.flatMap((order) => order.lines.map((line) => ({ orderId: order.orderId, ...line })));
      for (let i = 0; i < 3; i++) unwrap(buildRuns(orders, layout));
      const runs = await repeat(wholeRuns, () => {
        const ours: number[] = [];
        const baseline: number[] = [];
        for (let i = 0; i < 5; i++) {
          let start = performance.now();
          unwrap(buildRuns(orders, layout));
          ours.push(performance.now() - start);
          start = performance.now();
          lines.slice().sort((a, b) => (a.walkOrder ?? 0) - (b.walkOrder ?? 0));
          baseline.push(performance.now() - start);
        }
        return { ours, baseline };
      });
      return [
        summarise('outbound.build-runs', 'ms', runs, {
          baseline: `bare JS sort of the same ${lines.length} lines by walk order`,
          bound: { ratio: 10 },
          extra: { orders: orders.length, lines: lines.length },
        }),
      ];
    },
  },
  {
    name: 'outbound.run-distance',
    run: () => {
      const { orders, places, zoneOrder } = fixture();
      const layout = layoutOf(places, { zoneOrder });
      const ours = unwrap(buildRuns(orders, layout));
      const fcfs = unwrap(firstComeBatches(orders, layout));
      // Beside the figure: first-come batches routed as ours are, so the saving splits into routing and batching.
      const fcfsRouted = unwrap(firstComeBatches(orders, layout, defaultRunLimits, { sequencing: 'route' }));
      const methods = { 's-shape': 0, 'largest-gap': 0 } as Record<string, number>;
      for (const run of ours.runs) methods[run.method] = (methods[run.method] ?? 0) + 1;
      // Deterministic: one repetition is the figure.
      return [
        summarise('outbound.run-distance', 'm', [{ ours: [ours.distance], baseline: [fcfs.distance] }], {
          baseline: 'first-come-first-served batches, same limits, stops in walk order',
          bound: { ratio: 0.85 },
          extra: {
            firstComeRouted: Math.round(fcfsRouted.distance * 10) / 10,
            orders: orders.length,
            pickRuns: ours.runs.length,
            baselinePickRuns: fcfs.runs.length,
            methods,
            limits: defaultRunLimits,
          },
        }),
      ];
    },
  },
];
