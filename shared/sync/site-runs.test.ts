import { describe, expect, it } from 'vitest';
import { amendOrder, applyRunEvent, linesLeft, releasedRun, type RunData } from './site-runs';

const who = { personId: 'P-1', name: 'Paul Picker', stationId: 'TROLLEY' };
const at = '2026-12-03T08:00:00.000Z';

/** A run of two orders: A's line 1 split over two places (3 + 2), its line 2 at a third; B at the first. */
function aRun(): RunData {
  return releasedRun(
    {
      runId: '0190aaaa-0000-7000-8000-000000000001',
      shipDate: '2026-12-04',
      carrier: 'colissimo',
      cutoff: '16:00',
      orders: [
        { orderId: 'A', toteSlot: 1 },
        { orderId: 'B', toteSlot: 2 },
      ],
      stops: [
        {
          location: 'A-01-01-1',
          lines: [
            { orderId: 'A', lineNo: 1, sku: 'SKU-1', quantity: 3, toteSlot: 1 },
            { orderId: 'B', lineNo: 1, sku: 'SKU-9', quantity: 1, toteSlot: 2 },
          ],
        },
        { location: 'A-02-01-1', lines: [{ orderId: 'A', lineNo: 1, sku: 'SKU-1', quantity: 2, toteSlot: 1 }] },
        { location: 'A-03-01-1', lines: [{ orderId: 'A', lineNo: 2, sku: 'SKU-2', quantity: 1, toteSlot: 1 }] },
      ],
      distance: 40,
    },
    { by: who, at },
  );
}

const picked = (run: RunData, location: string, quantity: number, pickId: string): RunData => {
  const applied = applyRunEvent(
    run,
    {
      type: 'run.picked',
      payload: { runId: run.runId, pickId, orderId: 'A', lineNo: 1, location, sku: 'SKU-1', quantity, movements: [] },
    },
    { actor: who, at },
  );
  if (!applied.ok) throw new Error(applied.refusal.code);
  return applied.value;
};

/** Order A with line 1 at `units` (line 2 as released, unless `withLine2` is false). */
const orderA = (units: number, withLine2 = true) => ({
  orderId: 'A',
  lines: [{ lineNo: 1, sku: 'SKU-1', quantity: units }, ...(withLine2 ? [{ lineNo: 2, sku: 'SKU-2', quantity: 1 }] : [])],
});

const quantities = (run: RunData, orderId: string) =>
  linesLeft(run)
    .filter((line) => line.orderId === orderId)
    .map((line) => [line.lineNo, line.location, line.quantity, line.left]);

describe('an order changed while its run is picked (amendOrder)', () => {
  it('a cut line picks less at its last places first; what they no longer need is free, what the tote holds beyond it goes back', () => {
    const run = picked(aRun(), 'A-01-01-1', 3, '0190aaaa-0000-7000-8000-0000000000a1');
    // Line 1 from 5 to 1: the second place loses its 2 (free), the first keeps 1 of the 3 picked (2 go back).
    const amended = amendOrder(run, orderA(1), at, () => 0);
    expect(amended).not.toBeNull();
    expect(quantities(amended!.run, 'A')).toEqual([
      [1, 'A-01-01-1', 1, 0],
      [1, 'A-02-01-1', 0, 0],
      [2, 'A-03-01-1', 1, 1],
    ]);
    expect(amended!.free).toEqual([expect.objectContaining({ location: 'A-02-01-1', sku: 'SKU-1', quantity: 2 })]);
    expect(amended!.returns).toEqual([expect.objectContaining({ location: 'A-01-01-1', sku: 'SKU-1', quantity: 2 })]);
    expect(amended!.reserve).toEqual([]);
    // The other order is untouched.
    expect(quantities(amended!.run, 'B')).toEqual([[1, 'A-01-01-1', 1, 1]]);
    // Cut again, lower: only what was not sent back before goes back now.
    const again = amendOrder(amended!.run, { orderId: 'A', lines: [{ lineNo: 2, sku: 'SKU-2', quantity: 1 }] }, at, () => 0);
    expect(again!.returns).toEqual([expect.objectContaining({ location: 'A-01-01-1', quantity: 1 })]);
  });

  it('a raised line picks more at its first place as far as the place has free units; the rest, and a new line, are named, not picked', () => {
    const run = aRun();
    const amended = amendOrder(
      run,
      {
        orderId: 'A',
        lines: [
          { lineNo: 1, sku: 'SKU-1', quantity: 9 },
          { lineNo: 2, sku: 'SKU-2', quantity: 1 },
          { lineNo: 3, sku: 'SKU-3', quantity: 2 },
        ],
      },
      at,
      (location, sku) => (location === 'A-01-01-1' && sku === 'SKU-1' ? 3 : 0),
    );
    expect(quantities(amended!.run, 'A')).toEqual([
      [1, 'A-01-01-1', 6, 6],
      [1, 'A-02-01-1', 2, 2],
      [2, 'A-03-01-1', 1, 1],
    ]);
    expect(amended!.reserve).toEqual([expect.objectContaining({ location: 'A-01-01-1', sku: 'SKU-1', quantity: 3 })]);
    expect(amended!.notInRun).toEqual([
      { lineNo: 1, sku: 'SKU-1', quantity: 1 },
      { lineNo: 3, sku: 'SKU-3', quantity: 2 },
    ]);
  });

  it('the last units left cut away: the run is picked and lets go of its claim; an unchanged order or one not in the run changes nothing', () => {
    const claimed = applyRunEvent(aRun(), { type: 'run.claimed', payload: { runId: aRun().runId } }, { actor: who, at });
    if (!claimed.ok) throw new Error('not claimed');
    let run = picked(claimed.value, 'A-01-01-1', 3, '0190aaaa-0000-7000-8000-0000000000a2');
    run = amendOrder(run, { orderId: 'B', lines: [{ lineNo: 1, sku: 'SKU-9', quantity: 1 }] }, at, () => 0)?.run ?? run;
    expect(amendOrder(run, orderA(5), at, () => 0)).toBeNull();
    expect(amendOrder(run, { orderId: 'Z', lines: [{ lineNo: 1, sku: 'SKU-1', quantity: 1 }] }, at, () => 0)).toBeNull();
    // B cut to nothing but another line, A cut to what is picked: nothing is left to pick.
    run = amendOrder(run, { orderId: 'B', lines: [{ lineNo: 2, sku: 'SKU-8', quantity: 1 }] }, at, () => 0)!.run;
    const done = amendOrder(run, orderA(3, false), at, () => 0);
    expect(done!.run).toMatchObject({ state: 'picked', claim: null });
  });
});
