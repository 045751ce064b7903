import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLines, type OrderToAllocate, type PickableStock } from './allocation';

const stock = (location: string, sku: string, available: number, type: PickableStock['type'] = 'pick_face', walkOrder = 0): PickableStock => ({
  location,
  type,
  walkOrder,
  sku,
  available,
});
const order = (orderId: string, cutoff: string, lines: [sku: string, quantity: number][]): OrderToAllocate => ({
  orderId,
  carrier: 'COLISSIMO',
  cutoff,
  lines: lines.map(([sku, quantity], index) => ({ lineNo: index + 1, sku, quantity })),
});

describe('allocating order lines to pick locations', () => {
  it('picks from pick faces before storage, lowest walk order first, splitting a line over locations', () => {
    const { fillable, unfillable } = allocateLines(
      [order('O1', '2026-12-03T15:00:00Z', [['SKU-A', 7]])],
      [stock('B-01-01-1', 'SKU-A', 10, 'storage', 1), stock('A-02-01-1', 'SKU-A', 4, 'pick_face', 20), stock('A-01-01-1', 'SKU-A', 2, 'pick_face', 10)],
    );
    expect(unfillable).toEqual([]);
    expect(fillable[0]?.lines.map((line) => [line.location, line.quantity])).toEqual([
      ['A-01-01-1', 2],
      ['A-02-01-1', 4],
      ['B-01-01-1', 1],
    ]);
  });

  it('never picks from docks, staging, pack stations or outbound docks', () => {
    const { fillable, unfillable } = allocateLines(
      [order('O1', '2026-12-03T15:00:00Z', [['SKU-A', 1]])],
      [stock('DOCK-1', 'SKU-A', 50, 'dock'), stock('STG-1', 'SKU-A', 50, 'staging'), stock('PACK-1', 'SKU-A', 50, 'pack_station')],
    );
    expect(fillable).toEqual([]);
    expect(unfillable).toEqual([{ orderId: 'O1', missing: [{ lineNo: 1, sku: 'SKU-A', wanted: 1, available: 0 }] }]);
  });

  it('serves the earliest cutoff first and flags an order it cannot fill whole, with every missing line, taking nothing for it', () => {
    const { fillable, unfillable } = allocateLines(
      [
        order('LATE', '2026-12-03T18:00:00Z', [
          ['SKU-A', 3],
          ['SKU-B', 1],
        ]),
        order('EARLY', '2026-12-03T12:00:00Z', [['SKU-A', 4]]),
        order('NEXT', '2026-12-03T18:00:00Z', [['SKU-B', 2]]),
      ],
      [stock('A-01-01-1', 'SKU-A', 5), stock('A-01-02-1', 'SKU-B', 2)],
    );
    expect(fillable.map((o) => o.orderId)).toEqual(['EARLY', 'NEXT']);
    expect(unfillable).toEqual([{ orderId: 'LATE', missing: [{ lineNo: 1, sku: 'SKU-A', wanted: 3, available: 1 }] }]);
  });

  it('counts two lines of one SKU together against the stock', () => {
    const { unfillable } = allocateLines(
      [
        order('O1', '2026-12-03T15:00:00Z', [
          ['SKU-A', 2],
          ['SKU-A', 2],
        ]),
      ],
      [stock('A-01-01-1', 'SKU-A', 3)],
    );
    expect(unfillable[0]?.missing.map((line) => line.lineNo)).toEqual([1, 2]);
  });

  it('never promises more than a location holds, and every fillable order gets exactly its quantities', () => {
    const skus = ['A', 'B', 'C'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom(...skus), fc.integer({ min: 0, max: 6 })), { maxLength: 12 }),
        fc.array(fc.array(fc.tuple(fc.constantFrom(...skus), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 4 }), { maxLength: 10 }),
        (places, orderLines) => {
          const held = places.map(([place, sku, available]) => stock(`A-0${place}-01-1`, sku, available, 'pick_face', place));
          const orders = orderLines.map((lines, index) => order(`O${index}`, '2026-12-03T15:00:00Z', lines));
          const { fillable, unfillable } = allocateLines(orders, held);
          expect(fillable.length + unfillable.length).toBe(orders.length);
          const taken = new Map<string, number>();
          for (const filled of fillable) {
            for (const line of filled.lines) taken.set(`${line.location}|${line.sku}`, (taken.get(`${line.location}|${line.sku}`) ?? 0) + line.quantity);
            const source = orders.find((o) => o.orderId === filled.orderId);
            for (const wanted of source?.lines ?? []) {
              expect(filled.lines.filter((line) => line.lineNo === wanted.lineNo).reduce((sum, line) => sum + line.quantity, 0)).toBe(wanted.quantity);
            }
          }
          const holds = new Map<string, number>();
          for (const line of held) holds.set(`${line.location}|${line.sku}`, (holds.get(`${line.location}|${line.sku}`) ?? 0) + line.available);
          for (const [key, quantity] of taken) expect(quantity).toBeLessThanOrEqual(holds.get(key) ?? 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
