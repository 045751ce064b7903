import { describe, expect, it } from 'vitest';
import type { MovementData } from '../../../shared/sync/protocol';
import { sql } from '../../platform/db/sql';
import { createSetUpStation, type TestStation } from '../testing/core';
import { aLocation, aProduct, seedStock } from '../testing/stock';
import { ledgerBatch } from './ledger-batch';
import { applyPulledMovements, createLookups } from './site-ledger';

const at = Date.parse('2026-12-02T08:00:00Z');

const moved = (eventId: string, movements: MovementData['movements']): MovementData => ({
  eventId,
  stationId: 'DOCK-2',
  type: 'stock.moved',
  occurredAt: '2026-12-02T07:59:00.000Z',
  actor: null,
  movements,
});

const move = (from: string, to: string, quantity: number): MovementData['movements'][number] => ({
  kind: 'move',
  sku: 'SKU-0001',
  lot: null,
  from: { location: from, container: null },
  to: { location: to, container: null },
  quantity,
});

/** Applies pulled events in one transaction, as a slice of a pull page does. */
function pull(s: TestStation, events: readonly MovementData[]): boolean[] {
  return s.core.db.write((tx) => {
    const ledger = { lookups: createLookups(), batch: ledgerBatch() };
    const applied = events.map((event) => applyPulledMovements(tx, event, at, ledger));
    ledger.batch.settle(tx);
    return applied;
  });
}

const balances = (s: TestStation) =>
  s.core.db.read.all<{ code: string; quantity: number }>(
    sql`SELECT l.code, b.quantity FROM stock_balance b JOIN location l ON l.id = b.location_id ORDER BY l.code`,
  );
const exceptions = (s: TestStation) =>
  s.core.db.read.all<{ kind: string; subject: string; detail: string }>(sql`SELECT kind, subject, detail FROM site_exception ORDER BY id`);
const pulledLines = (s: TestStation) => s.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM movement WHERE origin_station IS NOT NULL`)?.n;

describe("other stations' movements in this station's ledger", () => {
  async function station(): Promise<TestStation> {
    const s = await createSetUpStation();
    seedStock(s.core.db, {
      products: [aProduct(1)],
      locations: [aLocation('A-01-01-1'), aLocation('A-01-02-1')],
      loose: [{ sku: 'SKU-0001', locationCode: 'A-01-01-1', quantity: 5 }],
    });
    return s;
  }

  it('keeps an event naming a place this station lacks whole, as an exception, with nothing written', async () => {
    const s = await station();
    const applied = pull(s, [moved('01a23739-0000-7000-8000-000000000001', [move('A-01-01-1', 'A-01-02-1', 2), move('A-01-01-1', 'Z-99-99-9', 1)])]);
    expect(applied).toEqual([false]);
    expect(pulledLines(s)).toBe(0);
    expect(balances(s)).toEqual([{ code: 'A-01-01-1', quantity: 5 }]);
    expect(exceptions(s)).toMatchObject([{ kind: 'MISSING_REFERENCE', subject: '01a23739-0000-7000-8000-000000000001' }]);
  });

  it('applies each event once, even twice in one page, and takes a balance below zero without calling it: the centre does, to the station whose event did', async () => {
    const s = await station();
    const first = moved('01a23739-0000-7000-8000-000000000002', [move('A-01-01-1', 'A-01-02-1', 4)]);
    const second = moved('01a23739-0000-7000-8000-000000000003', [move('A-01-01-1', 'A-01-02-1', 3)]);
    expect(pull(s, [first, first, second])).toEqual([true, false, true]);
    expect(pulledLines(s)).toBe(2);
    expect(balances(s)).toEqual([
      { code: 'A-01-01-1', quantity: -2 },
      { code: 'A-01-02-1', quantity: 7 },
    ]);
    expect(exceptions(s)).toEqual([]);
    // A replayed page later changes nothing.
    expect(pull(s, [second])).toEqual([false]);
    expect(pulledLines(s)).toBe(2);
  });
});
