import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRuns, firstComeBatches, runOf, type PlannedRun, type RunPlan } from './batching';
import type { OutboundOrder, RunLimits } from './run-sizing';
import { createLayout } from './layout';
import type { Result } from '../result';

// One zone A of 4 aisles, 10 bays; bays 1 m, aisles 3 m apart (x 0, 3, 6, 9), depot at the front of aisle 1.
const layout = createLayout([{ zone: 'A', aisles: 4, bays: 10 }], { bayWidth: 1, aisleSpacing: 3, zoneGap: 0, depotOffset: 0 });

const limits: RunLimits = { ordersPerRun: 30, linesPerRun: 150, unitsPerRun: 400, toteSlots: 30 };

const order = (orderId: string, locations: readonly string[], extra: Partial<OutboundOrder> = {}): OutboundOrder => ({
  orderId,
  carrier: 'dpd',
  cutoff: '2026-11-27T10:30:00.000Z',
  lines: locations.map((location, i) => ({ lineNo: i + 1, sku: `SKU-${location}`, location, quantity: 1 })),
  ...extra,
});

const value = (result: Result<RunPlan>): RunPlan => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const ids = (run: PlannedRun): string[] => run.orders.map((o) => o.orderId).sort();

describe('buildRuns and firstComeBatches', () => {
  it('batch orders of the same aisles together where first come mixes them (distances by hand)', () => {
    // Orders come in alternating between aisle 1 and aisle 4; two orders per trolley.
    const orders = [order('o1', ['A-01-02-0']), order('o2', ['A-04-02-0']), order('o3', ['A-01-03-0']), order('o4', ['A-04-03-0'])];
    const small = { ...limits, ordersPerRun: 2 };
    // First come: {o1, o2} in walk order: depot → A-01-02 (y 1.5): 1.5; → A-04-02 (x 9, y 1.5) by
    // the front: 9 + 1.5 + 1.5 = 12; back to the depot 9 + 1.5 = 10.5; 24. {o3, o4} likewise with
    // y 2.5: 2.5 + 14 + 11.5 = 28. Total 52.
    const fcfs = value(firstComeBatches(orders, layout, small));
    expect(fcfs.runs.map(ids)).toEqual([
      ['o1', 'o2'],
      ['o3', 'o4'],
    ]);
    expect(fcfs.runs.map((r) => r.distance)).toEqual([24, 28]);
    expect(fcfs.distance).toBe(52);
    // Seed: the farthest order first (o2, aisle 4), then the one adding no aisle (o4): aisle 4 alone,
    // 2 × 9 across + 2 × 2.5 up and back = 23; then {o1, o3} in aisle 1: 2 × 2.5 = 5. Total 28.
    const built = value(buildRuns(orders, layout, small));
    expect(built.runs.map(ids)).toEqual([
      ['o2', 'o4'],
      ['o1', 'o3'],
    ]);
    expect(built.distance).toBe(28);
  });

  it('never mixes carriers or cutoffs, and gives tote slots in the order of the first stops', () => {
    const orders = [
      order('late', ['A-01-05-0'], { cutoff: '2026-11-27T12:00:00.000Z' }),
      order('c1', ['A-02-09-0', 'A-01-01-0']),
      order('c2', ['A-01-04-0']),
      order('chrono', ['A-01-01-0'], { carrier: 'chronopost' }),
    ];
    for (const plan of [value(buildRuns(orders, layout, limits)), value(firstComeBatches(orders, layout, limits))]) {
      expect(plan.runs.map((run) => [run.carrier, run.cutoff, ids(run)])).toEqual([
        ['chronopost', '2026-11-27T10:30:00.000Z', ['chrono']],
        ['dpd', '2026-11-27T10:30:00.000Z', ['c1', 'c2']],
        ['dpd', '2026-11-27T12:00:00.000Z', ['late']],
      ]);
      const dpd = plan.runs[1] as PlannedRun;
      // c1's A-01-01 comes before c2's A-01-04 on the way up aisle 1.
      expect(dpd.orders).toEqual([
        { orderId: 'c1', toteSlot: 1 },
        { orderId: 'c2', toteSlot: 2 },
      ]);
      expect(dpd.stops.flatMap((stop) => stop.items.map((item) => [item.orderId, item.toteSlot]))).toEqual([
        ['c1', 1],
        ['c2', 2],
        ['c1', 1],
      ]);
    }
  });

  it('gives an order that alone exceeds a limit a run of its own, flagged with the limits it breaks', () => {
    const big = order('big', ['A-01-01-0', 'A-01-02-0', 'A-01-03-0']);
    const heavy: OutboundOrder = {
      ...order('heavy', []),
      lines: [{ lineNo: 1, sku: 'KETTLEBELL', location: 'A-02-01-0', quantity: 3, weight: 4000, volume: 100 }],
    };
    const orders = [order('a', ['A-01-01-0']), big, heavy, order('b', ['A-01-05-0'])];
    const tight = { ...limits, linesPerRun: 2, weightPerRun: 10_000, volumePerRun: 1000 };
    for (const plan of [value(buildRuns(orders, layout, tight)), value(firstComeBatches(orders, layout, tight))]) {
      expect(plan.oversize).toEqual([
        { orderId: 'big', limits: ['lines'] },
        { orderId: 'heavy', limits: ['weight'] },
      ]);
      const runOf = (id: string): PlannedRun | undefined => plan.runs.find((run) => run.orders.some((o) => o.orderId === id));
      expect(runOf('big')?.orders).toEqual([{ orderId: 'big', toteSlot: 1 }]);
      expect(runOf('heavy')).toMatchObject({ weight: 12_000, volume: 300, oversize: ['weight'] });
      expect(runOf('a')).toBe(runOf('b'));
      expect(runOf('a')?.oversize).toEqual([]);
    }
  });

  it('keeps lines whose location cannot be placed with their order, outside the walk', () => {
    const orders = [order('o1', ['A-01-02-0', 'DOCK-01', 'Z-01-01-0'])];
    const plan = value(buildRuns(orders, layout, limits));
    expect(plan.runs).toHaveLength(1);
    expect(plan.unrouted).toEqual([
      { orderId: 'o1', lineNo: 2, sku: 'SKU-DOCK-01', quantity: 1, toteSlot: 1, location: 'DOCK-01', problem: 'code_format' },
      { orderId: 'o1', lineNo: 3, sku: 'SKU-Z-01-01-0', quantity: 1, toteSlot: 1, location: 'Z-01-01-0', problem: 'outside_layout' },
    ]);
    // Only A-01-02 is walked: 2 × 1.5.
    expect(plan.runs[0]).toMatchObject({ distance: 3, lines: 3 });
    expect(plan.runs[0]?.stops.map((stop) => stop.point.code)).toEqual(['A-01-02-0']);
  });

  it('refuses limits that are not whole numbers ≥ 1, a line without a whole positive quantity, and an order given twice', () => {
    for (const bad of [{ ordersPerRun: 0 }, { toteSlots: 1.5 }, { linesPerRun: Number.NaN }, { volumePerRun: 0 }, { weightPerRun: -1 }]) {
      const result = buildRuns([], layout, { ...limits, ...bad });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: 'INVALID_INPUT', details: { field: Object.keys(bad)[0] } });
    }
    for (const bad of [{ quantity: 0 }, { quantity: 1.5 }, { quantity: Number.NaN }, { volume: -1 }, { weight: Number.NaN }]) {
      const o = order('o9', ['A-01-01-0', 'A-01-02-0']);
      const result = firstComeBatches([{ ...o, lines: [o.lines[0], { ...o.lines[1], ...bad }] as OutboundOrder['lines'] }], layout, limits);
      expect(!result.ok && result.error).toMatchObject({ code: 'INVALID_INPUT', details: { orderId: 'o9', lineNo: 2 } });
    }
    const twice = firstComeBatches([order('o1', []), order('o1', [])], layout, limits);
    expect(!twice.ok && twice.error.details).toEqual({ orderId: 'o1' });
    expect(value(buildRuns([], layout, limits))).toEqual({ runs: [], distance: 0, oversize: [], unrouted: [] });
  });

  it('first come sorts stops by the walk order given, the layout’s serpentine rank without one', () => {
    const lines = (walk?: [number, number]): OutboundOrder => ({
      ...order('o1', []),
      lines: [
        { lineNo: 1, sku: 'S1', location: 'A-01-02-0', quantity: 1, ...(walk ? { walkOrder: walk[0] } : {}) },
        { lineNo: 2, sku: 'S2', location: 'A-02-09-0', quantity: 1, ...(walk ? { walkOrder: walk[1] } : {}) },
      ],
    });
    const stops = (o: OutboundOrder): string[] => value(firstComeBatches([o], layout, limits)).runs[0]?.stops.map((s) => s.point.code) ?? [];
    expect(stops(lines())).toEqual(['A-01-02-0', 'A-02-09-0']);
    expect(stops(lines([20, 10]))).toEqual(['A-02-09-0', 'A-01-02-0']);
    // Depot → A-02-09 (3 + 8.5) → A-01-02 by the front (8.5 + 1.5 + 3) → depot (1.5): 26.
    expect(value(firstComeBatches([lines([20, 10])], layout, limits)).distance).toBe(26);
  });

  it('caps orders per run at the trolley’s tote slots', () => {
    const orders = Array.from({ length: 7 }, (_, i) => order(`o${i}`, ['A-01-01-0']));
    const plan = value(buildRuns(orders, layout, { ...limits, ordersPerRun: 30, toteSlots: 3 }));
    expect(plan.runs.map((run) => run.orders.length)).toEqual([3, 3, 1]);
  });
});

describe('runOf', () => {
  it('routes a run of the orders given, with their tote slots', () => {
    const result = runOf([order('o1', ['A-04-01-0']), order('o2', ['A-01-01-0', 'A-02-01-0'])], layout, limits);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // The same three stops as 'largest gap wins' in routing.test.ts, less A-03: aisles 1, 2 and 4,
    // each at bay 1. Largest gap: 10 + 10 + 2 × 0.5 + 18 = 39; S-shape: 10 + 10 + 2 × 0.5 + 18 = 39 too (a tie keeps S-shape).
    expect(result.value).toMatchObject({ method: 's-shape', distance: 39, lines: 3, oversize: [] });
    expect(result.value.orders).toEqual([
      { orderId: 'o2', toteSlot: 1 },
      { orderId: 'o1', toteSlot: 2 },
    ]);
  });

  it('refuses no order, mixed carriers or cutoffs, and orders that together break a limit', () => {
    const problem = (result: ReturnType<typeof runOf>): unknown => !result.ok && result.error.details;
    expect(problem(runOf([], layout, limits))).toEqual({ problem: 'empty' });
    expect(problem(runOf([order('o1', []), order('o2', [], { carrier: 'ups' })], layout, limits))).toEqual({ problem: 'mixed' });
    expect(problem(runOf([order('o1', []), order('o2', [], { cutoff: '2026-11-27T13:00:00.000Z' })], layout, limits))).toEqual({ problem: 'mixed' });
    const three = [order('o1', ['A-01-01-0']), order('o2', ['A-01-01-0']), order('o3', ['A-01-01-0'])];
    expect(problem(runOf(three, layout, { ...limits, toteSlots: 2, linesPerRun: 2 }))).toEqual({ problem: 'limits', limits: ['orders', 'lines'] });
    // One order alone over a limit is a run, flagged.
    const alone = runOf([order('big', ['A-01-01-0', 'A-01-02-0', 'A-01-03-0'])], layout, { ...limits, linesPerRun: 2 });
    expect(alone.ok && alone.value.oversize).toEqual(['lines']);
  });
});

describe('batching, properties', () => {
  const location = fc.oneof(
    {
      weight: 20,
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 10 })).map(([a, b]) => `A-0${a}-${String(b).padStart(2, '0')}-0`),
    },
    { weight: 1, arbitrary: fc.constantFrom('DOCK-01', 'B-01-01-0') },
  );
  const line = fc.record({
    location,
    quantity: fc.integer({ min: 1, max: 6 }),
    volume: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
    weight: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
  });
  const orders = fc
    .array(
      fc.record({
        carrier: fc.constantFrom('dpd', 'colissimo'),
        cutoff: fc.constantFrom('2026-11-27T09:00:00.000Z', '2026-11-27T12:00:00.000Z'),
        lines: fc.array(line, { maxLength: 6 }),
      }),
      { maxLength: 40 },
    )
    .map((drawn) =>
      drawn.map((o, i): OutboundOrder => ({
        orderId: `o${i}`,
        carrier: o.carrier,
        cutoff: o.cutoff,
        lines: o.lines.map((l, n) => ({
          lineNo: n + 1,
          sku: `S${n}`,
          location: l.location,
          quantity: l.quantity,
          ...(l.volume === undefined ? {} : { volume: l.volume }),
          ...(l.weight === undefined ? {} : { weight: l.weight }),
        })),
      })),
    );
  const runLimits = fc.record({
    ordersPerRun: fc.integer({ min: 1, max: 8 }),
    linesPerRun: fc.integer({ min: 1, max: 12 }),
    unitsPerRun: fc.integer({ min: 1, max: 30 }),
    volumePerRun: fc.option(fc.integer({ min: 100, max: 3000 }), { nil: undefined }),
    weightPerRun: fc.option(fc.integer({ min: 1000, max: 10_000 }), { nil: undefined }),
    toteSlots: fc.integer({ min: 1, max: 8 }),
  });

  /** Totals recomputed from the input, not taken from the run. */
  const totalsOf = (members: readonly OutboundOrder[]) => ({
    lines: members.reduce((sum, o) => sum + o.lines.length, 0),
    units: members.reduce((sum, o) => sum + o.lines.reduce((s, l) => s + l.quantity, 0), 0),
    volume: members.reduce((sum, o) => sum + o.lines.reduce((s, l) => s + (l.volume ?? 0) * l.quantity, 0), 0),
    weight: members.reduce((sum, o) => sum + o.lines.reduce((s, l) => s + (l.weight ?? 0) * l.quantity, 0), 0),
  });

  const exceeded = (members: readonly OutboundOrder[], limit: RunLimits): string[] => {
    const t = totalsOf(members);
    return [
      ...(t.lines > limit.linesPerRun ? ['lines'] : []),
      ...(t.units > limit.unitsPerRun ? ['units'] : []),
      ...(limit.volumePerRun !== undefined && t.volume > limit.volumePerRun ? ['volume'] : []),
      ...(limit.weightPerRun !== undefined && t.weight > limit.weightPerRun ? ['weight'] : []),
    ];
  };

  it('every order in exactly one run, carriers and cutoffs never mixed, limits never exceeded, tote slots unique', () => {
    fc.assert(
      fc.property(orders, runLimits, (given, limit) => {
        const byId = new Map(given.map((o) => [o.orderId, o]));
        for (const plan of [value(buildRuns(given, layout, limit)), value(firstComeBatches(given, layout, limit))]) {
          // Every order in exactly one run.
          expect(plan.runs.flatMap((run) => run.orders.map((o) => o.orderId)).sort()).toEqual([...byId.keys()].sort());
          for (const run of plan.runs) {
            const members = run.orders.map((o) => byId.get(o.orderId) as OutboundOrder);
            expect(members.length).toBeGreaterThan(0);
            // One carrier, one cutoff.
            for (const m of members) expect([m.carrier, m.cutoff]).toEqual([run.carrier, run.cutoff]);
            // Tote slots 1…k, one per order, and each line carries its order's slot.
            expect(run.orders.map((o) => o.toteSlot)).toEqual(members.map((_, i) => i + 1));
            const slotOf = new Map(run.orders.map((o) => [o.orderId, o.toteSlot]));
            const lines = [...run.stops.flatMap((stop) => stop.items), ...run.unrouted];
            for (const l of lines) expect(l.toteSlot).toBe(slotOf.get(l.orderId));
            // Every line once, at a stop or listed apart.
            expect(lines.map((l) => `${l.orderId}/${l.lineNo}`).sort()).toEqual(members.flatMap((m) => m.lines.map((l) => `${m.orderId}/${l.lineNo}`)).sort());
            // Limits: never exceeded, except by an order alone, flagged with exactly what it breaks.
            expect(members.length).toBeLessThanOrEqual(Math.min(limit.ordersPerRun, limit.toteSlots));
            expect(run.oversize).toEqual(exceeded(members, limit));
            if (run.oversize.length > 0) expect(members).toHaveLength(1);
            expect(run).toMatchObject(totalsOf(members));
            expect(Number.isFinite(run.distance) && run.distance >= 0).toBe(true);
          }
          // Flagged exactly the orders that alone break a limit.
          expect(plan.oversize.map((o) => o.orderId).sort()).toEqual(
            given
              .filter((o) => exceeded([o], limit).length > 0)
              .map((o) => o.orderId)
              .sort(),
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});
