import { describe, expect, it } from 'vitest';
import type { Database, WriteHandle } from '../platform/db/connection';
import { sql } from '../platform/db/sql';
import type { TaskData } from '../../shared/sync/site-records';
import { cancel } from './amendments';
import { insertOrder } from './orders';
import { applyRunWork, findRun, releaseRun } from './site-runs';
import { writePerson } from './site-objects';
import { testCentreDb } from './testing';

// The centre's side of a cancel mid-pick (issue #12, DOMAIN scenario 4): what a run reserves, and what goes back.

const runId = '0193a0c4-1f2e-7000-8000-0000000000a1';
const picker = { personId: 'p-1', name: 'Paul Picker', stationId: 'TROLLEY' };
const origin = { stationId: 'TROLLEY', name: 'Paul Picker' };
const at = '2026-12-03T07:00:00.000Z';

/** Orders A (2 × S1 at L1, 1 × S2 at L2) and B (1 × S1 at L1) in one released run; the site holds exactly what they need. */
function releasedRun(db: Database): void {
  db.write((tx) => {
    const order = (orderId: string, lines: { lineNo: number; sku: string; quantity: number }[]) =>
      insertOrder(tx, { orderId, shipDate: '2026-12-04', carrier: 'dpd', service: 'classic', cutoff: '2026-12-04T16:00:00.000Z', placedAt: 0, lines }, false);
    order('A', [
      { lineNo: 1, sku: 'S1', quantity: 2 },
      { lineNo: 2, sku: 'S2', quantity: 1 },
    ]);
    order('B', [{ lineNo: 1, sku: 'S1', quantity: 1 }]);
    tx.run(sql`INSERT INTO site_stock (location, container, sku, lot, quantity) VALUES ('L1', '', 'S1', '', 3), ('L2', '', 'S2', '', 1)`);
    const refusal = releaseRun(
      tx,
      {
        runId,
        shipDate: '2026-12-04',
        carrier: 'dpd',
        cutoff: '2026-12-04T16:00:00.000Z',
        orders: [
          { orderId: 'A', toteSlot: 1 },
          { orderId: 'B', toteSlot: 2 },
        ],
        stops: [
          {
            location: 'L1',
            lines: [
              { orderId: 'A', lineNo: 1, sku: 'S1', quantity: 2, toteSlot: 1 },
              { orderId: 'B', lineNo: 1, sku: 'S1', quantity: 1, toteSlot: 2 },
            ],
          },
          { location: 'L2', lines: [{ orderId: 'A', lineNo: 2, sku: 'S2', quantity: 1, toteSlot: 1 }] },
        ],
        distance: 12,
      },
      picker,
      at,
      origin,
    );
    expect(refusal).toBeNull();
    expect(applyRunWork(tx, { type: 'run.claimed', payload: { runId } }, picker, at, origin)).toBeNull();
  });
}

const pick = (tx: WriteHandle, pickId: string, orderId: string, lineNo: number, location: string, sku: string, quantity: number) =>
  applyRunWork(tx, { type: 'run.picked', payload: { runId, pickId, orderId, lineNo, location, sku, quantity, movements: [] } }, picker, at, origin);

const reserved = (db: Database) => db.read.all(sql`SELECT location, sku, quantity FROM run_reservation ORDER BY location, sku`);
const returns = (db: Database) =>
  db.read
    .all<{ data: string }>(sql`SELECT data FROM task ORDER BY json_extract(data, '$.location')`)
    .map((row) => JSON.parse(row.data) as TaskData)
    .map((task) => ({ kind: task.kind, location: task.location, state: task.state, goods: task.goods }));

describe('an order the centre cancels while its run is picked', () => {
  it('leaves the run with what its lines reserve, its picked units go back by task, and a pick that arrives after is accepted with an exception and goes back too', () => {
    const db = testCentreDb();
    releasedRun(db);
    db.write((tx) => expect(pick(tx, '0193a0c4-1f2e-7000-8000-0000000000b1', 'A', 1, 'L1', 'S1', 2)).toBeNull());
    expect(reserved(db)).toEqual([
      { location: 'L1', sku: 'S1', quantity: 1 },
      { location: 'L2', sku: 'S2', quantity: 1 },
    ]);

    db.write((tx) => expect(cancel(tx, 'A', Date.parse(at))).toMatchObject({ changed: true }));
    expect(findRun(db.read, runId)?.data).toMatchObject({ state: 'released', withdrawn: [{ orderId: 'A' }] });
    // B's unit at L1 stays reserved; A's unit at L2 is free.
    expect(reserved(db)).toEqual([{ location: 'L1', sku: 'S1', quantity: 1 }]);
    expect(returns(db)).toEqual([
      { kind: 'return_to_bin', location: 'L1', state: 'open', goods: { sku: 'S1', quantity: 2, runId, orderId: 'A', toteSlot: 1 } },
    ]);
    // Cancelling again changes nothing.
    db.write((tx) => expect(cancel(tx, 'A', Date.parse(at))).toMatchObject({ changed: false }));
    expect(returns(db)).toHaveLength(1);

    // A's last line picked by a station that had not heard: a fact, an exception, a second return — and B's reservation untouched.
    db.write((tx) => expect(pick(tx, '0193a0c4-1f2e-7000-8000-0000000000b2', 'A', 2, 'L2', 'S2', 1)).toMatchObject({ code: 'ORDER_CANCELLED' }));
    expect(reserved(db)).toEqual([{ location: 'L1', sku: 'S1', quantity: 1 }]);
    expect(returns(db)).toEqual([
      expect.objectContaining({ location: 'L1' }),
      { kind: 'return_to_bin', location: 'L2', state: 'open', goods: { sku: 'S2', quantity: 1, runId, orderId: 'A', toteSlot: 1 } },
    ]);

    // B cancelled too: nothing is left to pick, the run is over and reserves nothing; B had nothing in a tote.
    db.write((tx) => cancel(tx, 'B', Date.parse(at)));
    expect(findRun(db.read, runId)?.data).toMatchObject({ state: 'picked', claim: null });
    expect(reserved(db)).toEqual([]);
    expect(returns(db)).toHaveLength(2);
  });
});

describe('a run a shift lead gives to one person', () => {
  const lead = { personId: 'p-lead', name: 'Léa Lead', stationId: 'OFFICE' };
  const zoe = { personId: 'p-2', name: 'Zoé Picker' };
  const give = (tx: WriteHandle, assignee: { personId: string; name: string } | null) =>
    applyRunWork(tx, { type: 'run.assigned', payload: { runId, assignee } }, lead, at, { stationId: 'OFFICE', name: lead.name });
  const person = (tx: WriteHandle, who: { personId: string; name: string }) =>
    writePerson(tx, { ...who, badge: `BADGE-${who.personId}`, role: 'picker', locale: 'fr', pinHash: 'scrypt$1$1$1$a$b', disabled: false });

  it('is refused for nobody of the site; given to its holder it stays theirs, given to another it leaves them, and only the assignee may take it', () => {
    const db = testCentreDb();
    releasedRun(db);
    db.write((tx) => {
      expect(give(tx, zoe)).toMatchObject({ code: 'PERSON_UNKNOWN' });
      expect(findRun(tx, runId)?.data).toMatchObject({ assignee: null, claim: { personId: picker.personId } });
      person(tx, zoe);
      person(tx, picker);
      expect(give(tx, { personId: picker.personId, name: picker.name })).toBeNull();
      expect(findRun(tx, runId)?.data).toMatchObject({ assignee: { personId: picker.personId }, claim: { personId: picker.personId } });
      expect(give(tx, zoe)).toBeNull();
      expect(findRun(tx, runId)?.data).toMatchObject({ assignee: zoe, claim: null });
      expect(applyRunWork(tx, { type: 'run.claimed', payload: { runId } }, picker, at, origin)).toMatchObject({ code: 'RUN_ASSIGNED' });
      expect(applyRunWork(tx, { type: 'run.claimed', payload: { runId } }, { ...zoe, stationId: 'CART' }, at, origin)).toBeNull();
      // Given to anyone again, it stays with whoever holds it.
      expect(give(tx, null)).toBeNull();
      expect(findRun(tx, runId)?.data).toMatchObject({ assignee: null, claim: { personId: zoe.personId, stationId: 'CART' } });
    });
  });
});

describe('a re-run of a short pick', () => {
  const rerunId = (n: number) => `0193a0c4-1f2e-7000-8000-0000000000c${n}`;
  /** A run picking `quantity` × S1 of order A line 1 at L3, again after run `runId`. */
  const rerun = (tx: WriteHandle, n: number, quantity: number, orderId = 'A') =>
    releaseRun(
      tx,
      {
        runId: rerunId(n),
        shipDate: '2026-12-04',
        carrier: 'dpd',
        cutoff: '2026-12-04T16:00:00.000Z',
        orders: [{ orderId, toteSlot: 1 }],
        stops: [{ location: 'L3', lines: [{ orderId, lineNo: 1, sku: 'S1', quantity, toteSlot: 1 }] }],
        distance: 4,
      },
      picker,
      at,
      origin,
      runId,
    );

  it('picks again no more than the line ended short, less its other re-runs, from stock that is free, for an order of the run it re-runs', () => {
    const db = testCentreDb();
    releasedRun(db);
    db.write((tx) => {
      tx.run(sql`INSERT INTO site_stock (location, container, sku, lot, quantity) VALUES ('L3', '', 'S1', '', 5)`);
      // Nothing short yet: nothing to pick again.
      expect(rerun(tx, 1, 1)).toMatchObject({ code: 'NOT_SHORT' });
      const short = { runId, pickId: '0193a0c4-1f2e-7000-8000-0000000000b3', orderId: 'A', lineNo: 1, location: 'L1', sku: 'S1', quantity: 2 };
      expect(applyRunWork(tx, { type: 'run.short', payload: { ...short, reason: 'empty' } }, picker, at, origin)).toMatchObject({ code: 'SHORT_PICK' });
      expect(rerun(tx, 2, 3)).toMatchObject({ code: 'NOT_SHORT' });
      expect(rerun(tx, 3, 1, 'B')).toMatchObject({ code: 'NOT_SHORT' });
      expect(rerun(tx, 4, 1)).toBeNull();
      expect(findRun(tx, rerunId(4))?.data).toMatchObject({ state: 'released', rerunOf: runId, orders: [{ orderId: 'A' }] });
      // Only what is left short: one more unit, not two.
      expect(rerun(tx, 5, 2)).toMatchObject({ code: 'NOT_SHORT' });
      expect(rerun(tx, 6, 1)).toBeNull();
      expect(rerun(tx, 7, 1)).toMatchObject({ code: 'NOT_SHORT' });
    });
    expect(reserved(db)).toEqual([
      { location: 'L1', sku: 'S1', quantity: 1 },
      { location: 'L2', sku: 'S2', quantity: 1 },
      // One unit for each re-run.
      { location: 'L3', sku: 'S1', quantity: 1 },
      { location: 'L3', sku: 'S1', quantity: 1 },
    ]);
    // The order is in its run and its re-runs; a cancel withdraws it from all of them.
    db.write((tx) => expect(cancel(tx, 'A', Date.parse(at))).toMatchObject({ changed: true }));
    expect(findRun(db.read, rerunId(4))?.data).toMatchObject({ withdrawn: [{ orderId: 'A' }], state: 'picked' });
    expect(reserved(db)).toEqual([{ location: 'L1', sku: 'S1', quantity: 1 }]);
  });

  it('is refused when the stock it would pick from is reserved', () => {
    const db = testCentreDb();
    releasedRun(db);
    db.write((tx) => {
      const short = { runId, pickId: '0193a0c4-1f2e-7000-8000-0000000000b4', orderId: 'A', lineNo: 1, location: 'L1', sku: 'S1', quantity: 2 };
      applyRunWork(tx, { type: 'run.short', payload: { ...short, reason: 'empty' } }, picker, at, origin);
      // L3 holds nothing.
      expect(rerun(tx, 8, 1)).toMatchObject({ code: 'NOT_ENOUGH_STOCK' });
      expect(findRun(tx, rerunId(8))?.data).toMatchObject({ state: 'refused', refusal: { code: 'NOT_ENOUGH_STOCK' } });
    });
  });
});
