import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLayout, locate, walkLength, type Layout } from './layout';
import { largestGap, route, sShape, type Pick } from './routing';

// One zone A of 4 aisles, 10 bays each; bays 1 m wide, aisles 3 m apart, the depot at the front of
// aisle 1. Aisle x: A-01 0, A-02 3, A-03 6, A-04 9. Bay b is y = b − 0.5 up the aisle; the aisle is
// 10 m from the front cross-aisle to the back one.
const layout: Layout = createLayout([{ zone: 'A', aisles: 4, bays: 10 }], { bayWidth: 1, aisleSpacing: 3, zoneGap: 0, depotOffset: 0 });

const picks = (...codes: string[]): Pick<string>[] =>
  codes.map((code, i) => {
    const located = locate(layout, code);
    if (!located.ok) throw new Error(`test code ${code}`);
    return { point: located.value, item: `${code}#${i}` };
  });

const order = (stops: readonly { point: { code: string } }[]): string[] => stops.map((stop) => stop.point.code);

describe('routing, distances by hand', () => {
  it('an empty run walks nothing', () => {
    for (const method of [sShape, largestGap, route]) expect(method(layout, [])).toMatchObject({ stops: [], distance: 0 });
  });

  it('S-shape with an odd number of aisles: the last one is a return', () => {
    const run = picks('A-02-05-0', 'A-01-08-0', 'A-04-02-0', 'A-01-03-0');
    // Aisles 1, 2 and 4 are entered (three: odd). Up aisle 1: 10; down aisle 2: 10; aisle 4 is a
    // return to its farthest stop, bay 2 (y 1.5): 2 × 1.5 = 3; along the front to aisle 4 and
    // back: 2 × 9 = 18. Total 10 + 10 + 3 + 18 = 41.
    const s = sShape(layout, run);
    expect(s.distance).toBe(41);
    expect(order(s.stops)).toEqual(['A-01-03-0', 'A-01-08-0', 'A-02-05-0', 'A-04-02-0']);
    // Largest gap: aisles 1 and 4 walked end to end, 10 + 10; aisle 2's one stop at y 4.5 leaves
    // gaps 4.5 (front) and 5.5 (back): the back gap is skipped, 2 × (10 − 5.5) = 9 from the front;
    // across 18. Total 10 + 10 + 9 + 18 = 47: S-shape wins this one.
    const gap = largestGap(layout, run);
    expect(gap.distance).toBe(47);
    expect(order(gap.stops)).toEqual(['A-01-03-0', 'A-01-08-0', 'A-04-02-0', 'A-02-05-0']);
    expect(route(layout, run)).toMatchObject({ method: 's-shape', distance: 41 });
  });

  it('S-shape with an even number of aisles ends at the front', () => {
    const run = picks('A-03-07-0', 'A-01-02-0');
    // Up aisle 1 (10), down aisle 3 (10), across 2 × 6 = 12: 32. Largest gap with two aisles walks both too: 32.
    expect(sShape(layout, run).distance).toBe(32);
    expect(order(sShape(layout, run).stops)).toEqual(['A-01-02-0', 'A-03-07-0']);
    expect(largestGap(layout, run).distance).toBe(32);
  });

  it('largest gap wins when every aisle holds one stop near the front', () => {
    const run = picks('A-01-01-0', 'A-02-01-0', 'A-03-01-0', 'A-04-01-0');
    // S-shape: four aisles end to end, 4 × 10 = 40, across 2 × 9 = 18: 58.
    expect(sShape(layout, run).distance).toBe(58);
    // Largest gap: aisles 1 and 4 end to end (20); aisles 2 and 3 have their stop at y 0.5, the
    // back gap 9.5 is skipped: 2 × 0.5 each (2); across 18. Total 40.
    const gap = largestGap(layout, run);
    expect(gap.distance).toBe(40);
    // Up aisle 1, down aisle 4, then home along the front into aisles 3 and 2.
    expect(order(gap.stops)).toEqual(['A-01-01-0', 'A-04-01-0', 'A-03-01-0', 'A-02-01-0']);
    expect(route(layout, run)).toMatchObject({ method: 'largest-gap', distance: 40 });
  });

  it('S-shape wins when a middle aisle is full of stops', () => {
    const run = picks('A-01-05-0', 'A-02-01-0', 'A-02-04-0', 'A-02-07-0', 'A-02-10-0', 'A-03-05-0');
    // S-shape: aisles 1, 2, 3 (odd): 10 + 10 + a return to y 4.5 in aisle 3 (9), across 2 × 6 = 12: 41.
    expect(sShape(layout, run).distance).toBe(41);
    // Largest gap: aisles 1 and 3 end to end (20); aisle 2's stops at y 0.5, 3.5, 6.5, 9.5 leave
    // gaps 0.5, 3, 3, 3, 0.5, so at best 3 is skipped: 2 × (10 − 3) = 14; across 12. Total 46.
    const gap = largestGap(layout, run);
    expect(gap.distance).toBe(46);
    // The first gap of 3 (between y 0.5 and 3.5) is the one skipped: three stops from the back, one from the front.
    expect(order(gap.stops)).toEqual(['A-01-05-0', 'A-02-10-0', 'A-02-07-0', 'A-02-04-0', 'A-03-05-0', 'A-02-01-0']);
    expect(route(layout, run)).toMatchObject({ method: 's-shape', distance: 41 });
  });

  it('a single aisle is entered from the front to its farthest stop and left the same way', () => {
    const run = picks('A-03-09-0', 'A-03-04-0');
    // 2 × 8.5 up and down, 2 × 6 across: 29, whichever method.
    expect(sShape(layout, run)).toMatchObject({ distance: 29 });
    expect(largestGap(layout, run)).toMatchObject({ distance: 29 });
    expect(order(route(layout, run).stops)).toEqual(['A-03-04-0', 'A-03-09-0']);
  });

  it('merges picks at the same location into one stop, items in the order given', () => {
    const run = picks('A-02-05-0', 'A-02-05-0', 'A-02-05-1');
    const routed = route(layout, run);
    expect(routed.stops).toHaveLength(2);
    expect(routed.stops[0]?.items).toEqual(['A-02-05-0#0', 'A-02-05-0#1']);
    // Levels do not move the picker: one aisle, farthest y 4.5, across 2 × 3: 9 + 6 = 15.
    expect(routed.distance).toBe(15);
  });

  it('counts the depot offset at both ends', () => {
    const offset = createLayout([{ zone: 'A', aisles: 4, bays: 10 }], { bayWidth: 1, aisleSpacing: 3, zoneGap: 0, depotOffset: 2 });
    const located = locate(offset, 'A-01-01-0');
    if (!located.ok) throw new Error('A-01-01-0');
    // 2 × 2 to reach aisle 1 and back, 2 × 0.5 up and down.
    expect(route(offset, [{ point: located.value, item: 'x' }]).distance).toBe(5);
  });
});

describe('routing, properties', () => {
  const code = fc
    .record({ aisle: fc.integer({ min: 1, max: 4 }), bay: fc.integer({ min: 1, max: 10 }), level: fc.integer({ min: 0, max: 2 }) })
    .map(({ aisle, bay, level }) => `A-0${aisle}-${String(bay).padStart(2, '0')}-${level}`);

  it('every pick is at exactly one stop, and the route is never shorter than walking its stops point to point', () => {
    fc.assert(
      fc.property(fc.array(code, { maxLength: 30 }), (codes) => {
        const run = picks(...codes);
        for (const method of [sShape, largestGap, route]) {
          const routed = method(layout, run);
          const items = routed.stops.flatMap((stop) => stop.items).sort();
          expect(items).toEqual(run.map((pick) => pick.item).sort());
          expect(new Set(order(routed.stops)).size).toBe(routed.stops.length);
          // `between` takes the shortest way between two stops, so walking the same stops that way
          // is at most the method's modelled distance.
          expect(
            walkLength(
              layout,
              routed.stops.map((stop) => stop.point),
            ),
          ).toBeLessThanOrEqual(routed.distance + 1e-9);
        }
        expect(route(layout, run).distance).toBe(Math.min(sShape(layout, run).distance, largestGap(layout, run).distance));
      }),
      { numRuns: 200 },
    );
  });
});
