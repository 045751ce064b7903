import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { addUser, createSetUpStation, type TestStation } from '../testing/core';
import { aLocation, aProduct, caseGtinOf, gtinOf, ledgerAndBalances, seedStock } from '../testing/stock';

async function countingStation(): Promise<TestStation> {
  const station = await createSetUpStation();
  seedStock(station.core.db, {
    products: [
      aProduct(1, {
        gtins: [
          { gtin: gtinOf(1), packQuantity: 1 },
          { gtin: caseGtinOf(1), packQuantity: 20 },
        ],
      }),
      aProduct(2),
    ],
    locations: [aLocation('P-01-01-0', 'pick_face', 1)],
    loose: [
      { locationCode: 'P-01-01-0', sku: 'SKU-0001', quantity: 25 },
      { locationCode: 'P-01-01-0', sku: 'SKU-0002', quantity: 3 },
    ],
  });
  for (const [badge, role] of [
    ['BADGE-PCK', 'picker'],
    ['BADGE-LEAD', 'shift_lead'],
  ] as const) {
    await addUser(station, { name: role, badge, role, pin: '2580' });
  }
  return station;
}

const as = async (station: TestStation, badge: 'BADGE-PCK' | 'BADGE-LEAD') => {
  const login = await station.client.auth.login({ badge, pin: '2580' });
  if (!login.ok) throw new Error(login.error.code);
};

async function count(station: TestStation, countId: number, scans: readonly [string, number][]) {
  for (const [gtin, quantity] of scans) {
    const result = await station.client.stock.countItem({ countId, gtin, quantity });
    if (!result.ok) throw new Error(result.error.code);
  }
  return station.client.stock.finishCount({ countId });
}

describe('cycle count', () => {
  it('closes as matched when the blind count agrees, a case scan counting its units', async () => {
    const station = await countingStation();
    await as(station, 'BADGE-PCK');
    const started = await station.client.stock.startCount({ location: 'P-01-01-0' });
    if (!started.ok) throw new Error(started.error.code);
    // Blind: nothing the system expects is shown while counting.
    expect(started.value.lines).toEqual([]);
    const finished = await count(station, started.value.id, [
      [caseGtinOf(1), 1],
      [gtinOf(1), 5],
      [gtinOf(2), 3],
    ]);
    expect(finished).toMatchObject({ ok: true, value: { status: 'matched', differences: [] } });
  });

  it('asks for a blind recount on a mismatch, then waits for a shift lead, who approves the adjustment', async () => {
    const station = await countingStation();
    await as(station, 'BADGE-PCK');
    const started = await station.client.stock.startCount({ location: 'P-01-01-0' });
    if (!started.ok) throw new Error(started.error.code);
    const id = started.value.id;

    const first = await count(station, id, [
      [gtinOf(1), 24],
      [gtinOf(2), 3],
    ]);
    expect(first).toMatchObject({ ok: true, value: { status: 'counting', round: 2, lines: [], differences: [] } });

    const second = await count(station, id, [[gtinOf(1), 23]]);
    expect(second).toMatchObject({ ok: true, value: { status: 'pending_approval', round: 2 } });
    const differences = second.ok ? second.value.differences.map((d) => [d.product.sku, d.counted, d.expected]) : [];
    expect(differences).toEqual([
      ['SKU-0001', 23, 25],
      ['SKU-0002', 0, 3],
    ]);

    // The picker may not decide; main refuses and records the attempt.
    expect(await station.client.stock.approveCount({ countId: id, reason: 'recounted twice' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(station.core.db.read.all(sql`SELECT action FROM audit WHERE outcome = 'refused'`)).toEqual([{ action: 'stock:approve-count' }]);

    await as(station, 'BADGE-LEAD');
    expect(await station.client.stock.listCounts({ status: 'pending_approval' })).toMatchObject({ ok: true, value: [{ id }] });
    expect(await station.client.stock.approveCount({ countId: id, reason: 'recounted twice' })).toMatchObject({ ok: true, value: { status: 'approved' } });
    const location = await station.client.stock.lookup({ code: 'P-01-01-0' });
    expect(location.ok && location.value.kind === 'location' && location.value.lines.map((l) => [l.product.sku, l.quantity])).toEqual([['SKU-0001', 23]]);
    const { fromLedger, balances } = ledgerAndBalances(station.core.db);
    expect(balances).toEqual(fromLedger);
  });

  it('changes nothing when the shift lead rejects the count', async () => {
    const station = await countingStation();
    await as(station, 'BADGE-LEAD');
    const started = await station.client.stock.startCount({ location: 'P-01-01-0' });
    if (!started.ok) throw new Error(started.error.code);
    await count(station, started.value.id, [[gtinOf(1), 1]]);
    await count(station, started.value.id, [[gtinOf(1), 1]]);
    const before = ledgerAndBalances(station.core.db);
    expect(await station.client.stock.rejectCount({ countId: started.value.id, reason: 'count again tomorrow' })).toMatchObject({
      ok: true,
      value: { status: 'rejected' },
    });
    expect(ledgerAndBalances(station.core.db)).toEqual(before);
    expect(await station.client.stock.countItem({ countId: started.value.id, gtin: gtinOf(1), quantity: 1 })).toMatchObject({
      error: { code: 'COUNT_CLOSED' },
    });
  });

  it('audits every item counted with the person who counted it (issue #8)', async () => {
    const station = await countingStation();
    await as(station, 'BADGE-PCK');
    const picker = station.core.db.read.get<{ id: number }>(sql`SELECT id FROM app_user WHERE badge = 'BADGE-PCK'`)?.id;
    const started = await station.client.stock.startCount({ location: 'P-01-01-0' });
    if (!started.ok) throw new Error(started.error.code);
    expect(await station.client.stock.countItem({ countId: started.value.id, gtin: caseGtinOf(1) })).toMatchObject({ ok: true });
    const rows = station.core.db.read.all<{ user_id: number; action: string; detail: string }>(
      sql`SELECT user_id, action, detail FROM audit WHERE action = 'stock:count-item'`,
    );
    expect(rows.map((row) => [row.user_id, JSON.parse(row.detail) as unknown])).toEqual([
      [picker, { countId: started.value.id, round: 1, sku: 'SKU-0001', lot: null, units: 20 }],
    ]);
  });

  it('counts what a GS1 scan says it carries (AI 30), times the pack quantity', async () => {
    const station = await countingStation();
    await as(station, 'BADGE-PCK');
    const started = await station.client.stock.startCount({ location: 'P-01-01-0' });
    if (!started.ok) throw new Error(started.error.code);
    const counted = await station.client.stock.countItem({ countId: started.value.id, gtin: `(01)${gtinOf(1)}(30)5` });
    expect(counted.ok && counted.value.lines.map((line) => [line.product.sku, line.counted])).toEqual([['SKU-0001', 5]]);
  });

  it('tells every page when a count changes, so each viewer shows its state after approval (issue #10)', async () => {
    const station = await countingStation();
    const seen: unknown[] = [];
    station.core.events.subscribe((name, payload) => {
      if (name === 'stock:count-changed') seen.push(payload);
    });
    await as(station, 'BADGE-LEAD');
    const started = await station.client.stock.startCount({ location: 'P-01-01-0' });
    if (!started.ok) throw new Error(started.error.code);
    const id = started.value.id;
    await count(station, id, [[gtinOf(1), 1]]);
    await count(station, id, [[gtinOf(1), 1]]);
    await station.client.stock.approveCount({ countId: id, reason: 'recounted twice' });
    expect(seen.map((event) => (event as { status: string }).status)).toEqual(['counting', 'counting', 'counting', 'counting', 'pending_approval', 'approved']);
    expect(seen.at(-1)).toEqual({ countId: id, location: 'P-01-01-0', status: 'approved' });
  });

  it('keeps one open count per location and resumes it', async () => {
    const station = await countingStation();
    await as(station, 'BADGE-PCK');
    const a = await station.client.stock.startCount({ location: 'P-01-01-0' });
    const b = await station.client.stock.startCount({ location: 'P-01-01-0' });
    expect(a.ok && b.ok && a.value.id === b.value.id).toBe(true);
  });
});
