import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import type { TestStation } from '../testing/core';
import { loginAs, stockedStation } from '../testing/stocked';
import { caseGtinOf, gtinOf, ledgerAndBalances, seedStock, ssccOf } from '../testing/stock';

const invariantHolds = (station: TestStation) => {
  const { fromLedger, balances } = ledgerAndBalances(station.core.db);
  expect(balances).toEqual(fromLedger);
};

describe('stock lookup', () => {
  it('finds a product by GTIN with every location holding it, pallets included', async () => {
    const station = await stockedStation();
    const result = await station.client.stock.lookup({ code: gtinOf(1).slice(1) });
    expect(result.ok).toBe(true);
    if (!result.ok || result.value.kind !== 'product') return;
    expect(result.value).toMatchObject({ sku: 'SKU-0001', total: 212, scannedGtin: gtinOf(1) });
    expect(result.value.lines.map((line) => [line.location, line.container, line.quantity])).toEqual([
      ['P-01-01-0', null, 12],
      ['A-01-01-1', ssccOf(1), 200],
    ]);
  });

  it('shows what is in a location and what is on a pallet, with lots', async () => {
    const station = await stockedStation();
    const location = await station.client.stock.lookup({ code: 'A-01-01-1' });
    expect(location).toMatchObject({ ok: true, value: { kind: 'location', type: 'storage' } });
    const pallet = await station.client.stock.lookup({ code: `(00)${ssccOf(1)}` });
    expect(pallet.ok && pallet.value.kind === 'container' && pallet.value.lines.map((l) => [l.product.sku, l.lot, l.quantity])).toEqual([
      ['SKU-0001', null, 200],
      ['SKU-0002', 'L2611-01', 40],
    ]);
  });

  it('says a code is unknown, and what kind of code it looks like', async () => {
    const station = await stockedStation();
    expect(await station.client.stock.lookup({ code: '4006381333931' })).toMatchObject({ ok: false, error: { code: 'PRODUCT_NOT_FOUND' } });
    // The same EAN-13 with a wrong check digit: a misread, not a product.
    expect(await station.client.stock.lookup({ code: '4006381333932' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_BARCODE', details: { looksLike: 'gtin' } },
    });
    expect(await station.client.stock.lookup({ code: 'Z-99-99-9' })).toMatchObject({ ok: false, error: { code: 'LOCATION_NOT_FOUND' } });
  });

  it('pages the movements behind a location, newest first', async () => {
    const station = await stockedStation();
    await loginAs(station, 'receiver');
    await station.client.stock.move({ from: 'P-01-01-0', to: 'A-01-02-1', gtin: gtinOf(1), quantity: 2 });
    const history = await station.client.stock.history({ subject: { kind: 'location', code: 'P-01-01-0' }, limit: 1 });
    expect(history).toMatchObject({ ok: true, value: { total: 2, movements: [{ kind: 'move', quantity: 2, user: 'receiver person' }] } });
  });
});

describe('moving stock', () => {
  it('moves units from a location to another, in one transaction with its audit row', async () => {
    const station = await stockedStation();
    await loginAs(station, 'receiver');
    const moved = await station.client.stock.move({ from: 'P-01-01-0', to: 'A-01-02-1', gtin: gtinOf(1), quantity: 5 });
    expect(moved).toMatchObject({ ok: true, value: { quantity: 5, from: 'P-01-01-0', to: 'A-01-02-1' } });
    const target = await station.client.stock.lookup({ code: 'A-01-02-1' });
    expect(target.ok && target.value.kind === 'location' && target.value.lines.map((l) => l.quantity)).toEqual([5]);
    expect(station.core.db.read.all(sql`SELECT action FROM audit WHERE action = 'stock:move'`)).toHaveLength(1);
    invariantHolds(station);
  });

  it('moves a whole pallet with its SSCC and a destination, once the person confirmed it', async () => {
    const station = await stockedStation();
    await loginAs(station, 'shift_lead');
    const before = ledgerAndBalances(station.core.db);
    expect(await station.client.stock.move({ from: ssccOf(1), to: 'DOCK-01' })).toMatchObject({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED', details: { units: 240, reason: 'container' } },
    });
    expect(ledgerAndBalances(station.core.db)).toEqual(before);
    const moved = await station.client.stock.move({ from: ssccOf(1), to: 'DOCK-01', confirmed: true });
    expect(moved).toMatchObject({ ok: true, value: { movements: 2, quantity: 240, to: 'DOCK-01' } });
    const pallet = await station.client.stock.lookup({ code: ssccOf(1) });
    expect(pallet).toMatchObject({ ok: true, value: { kind: 'container', location: 'DOCK-01' } });
    const old = await station.client.stock.lookup({ code: 'A-01-01-1' });
    expect(old.ok && old.value.kind === 'location' && old.value.lines).toEqual([]);
    invariantHolds(station);
  });

  it('refuses to take more than is there and changes nothing', async () => {
    const station = await stockedStation();
    await loginAs(station, 'receiver');
    const before = ledgerAndBalances(station.core.db);
    const refused = await station.client.stock.move({ from: 'P-01-01-0', to: 'A-01-02-1', gtin: gtinOf(1), quantity: 13 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK', details: { available: 12, requested: 13 } } });
    expect(ledgerAndBalances(station.core.db)).toEqual(before);
  });

  it('asks for the lot when a lot-tracked product is there in several lots', async () => {
    const station = await stockedStation();
    seedStock(station.core.db, {
      loose: [
        { locationCode: 'A-01-01-1', sku: 'SKU-0002', quantity: 5, lot: 'L2611-02' },
        { locationCode: 'A-01-01-1', sku: 'SKU-0002', quantity: 5, lot: 'L2611-03' },
      ],
    });
    await loginAs(station, 'receiver');
    expect(await station.client.stock.move({ from: 'A-01-01-1', to: 'DOCK-01', gtin: gtinOf(2), quantity: 1 })).toMatchObject({
      error: { code: 'LOT_REQUIRED' },
    });
    expect(await station.client.stock.move({ from: 'A-01-01-1', to: 'DOCK-01', gtin: gtinOf(2), lot: 'L2611-03', quantity: 5 })).toMatchObject({ ok: true });
    invariantHolds(station);
  });

  it('refuses nonsense: same place, a product as the source, a destination that is not a location', async () => {
    const station = await stockedStation();
    await loginAs(station, 'receiver');
    expect(await station.client.stock.move({ from: 'P-01-01-0', to: 'P-01-01-0', gtin: gtinOf(1), quantity: 1 })).toMatchObject({
      error: { code: 'SAME_PLACE' },
    });
    expect(await station.client.stock.move({ from: gtinOf(1), to: 'DOCK-01' })).toMatchObject({ error: { code: 'NOT_A_SOURCE' } });
    expect(await station.client.stock.move({ from: 'P-01-01-0', to: ssccOf(1), gtin: gtinOf(1), quantity: 1 })).toMatchObject({
      error: { code: 'NOT_A_LOCATION' },
    });
    expect(await station.client.stock.move({ from: 'P-01-01-0', to: 'DOCK-01', gtin: gtinOf(1) })).toMatchObject({ error: { code: 'QUANTITY_REQUIRED' } });
  });

  it('counts a case GTIN in units, as a count does: one rule for both (issue #8)', async () => {
    const station = await stockedStation();
    await loginAs(station, 'receiver');
    // 2 cases of 20 off the pallet: 40 units leave it.
    expect(await station.client.stock.move({ from: ssccOf(1), to: 'A-01-02-1', gtin: caseGtinOf(1), quantity: 2 })).toMatchObject({
      ok: true,
      value: { quantity: 40 },
    });
    const target = await station.client.stock.lookup({ code: 'A-01-02-1' });
    expect(target.ok && target.value.kind === 'location' && target.value.lines.map((l) => [l.product.sku, l.quantity])).toEqual([['SKU-0001', 40]]);
    // One case is 20 units: the 12 at the pick face are not enough for it.
    expect(await station.client.stock.move({ from: 'P-01-01-0', to: 'A-01-02-1', gtin: caseGtinOf(1), quantity: 1 })).toMatchObject({
      error: { code: 'INSUFFICIENT_STOCK', details: { available: 12, requested: 20 } },
    });
    invariantHolds(station);
  });

  it('says a lot is unknown rather than that stock is short, on a move as on an adjustment (issue #8)', async () => {
    const station = await stockedStation();
    await loginAs(station, 'shift_lead');
    expect(await station.client.stock.move({ from: ssccOf(1), to: 'DOCK-01', gtin: gtinOf(2), lot: 'NO-SUCH-LOT', quantity: 1 })).toMatchObject({
      error: { code: 'LOT_NOT_FOUND', details: { lot: 'NO-SUCH-LOT', sku: 'SKU-0002' } },
    });
    expect(await station.client.stock.adjust({ location: 'A-01-01-1', gtin: gtinOf(2), lot: 'NO-SUCH-LOT', delta: -1, reason: 'broken' })).toMatchObject({
      error: { code: 'LOT_NOT_FOUND', details: { lot: 'NO-SUCH-LOT' } },
    });
  });

  it('moves what is on a pallet with it, in every view: by location, SSCC, GTIN, history and the centre delta (issue #8)', async () => {
    const station = await stockedStation();
    const db = station.core.db;
    // A case with its own SSCC standing on pallet 1, holding 10 × SKU-0003.
    db.write((tx) => {
      const pallet = tx.get<{ id: number; location_id: number }>(sql`SELECT id, location_id FROM container WHERE code = ${ssccOf(1)}`);
      const caseId = Number(
        tx.run(
          sql`INSERT INTO container (kind, code, location_id, parent_id, created_at) VALUES ('pallet', ${ssccOf(2)}, ${pallet?.location_id ?? 0}, ${pallet?.id ?? 0}, 0)`,
        ).lastInsertRowid,
      );
      const product = tx.get<{ id: number }>(sql`SELECT id FROM product WHERE sku = 'SKU-0003'`);
      tx.run(sql`
        INSERT INTO movement (at, kind, product_id, to_location_id, to_container_id, quantity) VALUES (0, 'opening', ${product?.id ?? 0}, ${pallet?.location_id ?? 0}, ${caseId}, 10)`);
      tx.run(sql`
        INSERT INTO stock_balance (product_id, location_id, lot_id, container_id, quantity) VALUES (${product?.id ?? 0}, ${pallet?.location_id ?? 0}, 0, ${caseId}, 10)`);
    });
    await loginAs(station, 'shift_lead');
    const pallet = await station.client.stock.lookup({ code: ssccOf(1) });
    expect(pallet.ok && pallet.value.kind === 'container' && pallet.value.lines.map((l) => [l.product.sku, l.container, l.quantity])).toEqual([
      ['SKU-0001', ssccOf(1), 200],
      ['SKU-0002', ssccOf(1), 40],
      ['SKU-0003', ssccOf(2), 10],
    ]);

    expect(await station.client.stock.move({ from: ssccOf(1), to: 'DOCK-01', confirmed: true })).toMatchObject({
      ok: true,
      value: { movements: 3, quantity: 250 },
    });

    const old = await station.client.stock.lookup({ code: 'A-01-01-1' });
    expect(old.ok && old.value.lines).toEqual([]);
    const dock = await station.client.stock.lookup({ code: 'DOCK-01' });
    expect(dock.ok && dock.value.lines.map((l) => [l.product.sku, l.container, l.quantity])).toEqual([
      ['SKU-0001', ssccOf(1), 200],
      ['SKU-0002', ssccOf(1), 40],
      ['SKU-0003', ssccOf(2), 10],
    ]);
    expect(await station.client.stock.lookup({ code: ssccOf(2) })).toMatchObject({ ok: true, value: { kind: 'container', location: 'DOCK-01' } });
    const byGtin = await station.client.stock.lookup({ code: gtinOf(3) });
    expect(byGtin.ok && byGtin.value.lines.map((l) => [l.location, l.container])).toEqual([['DOCK-01', ssccOf(2)]]);
    const history = await station.client.stock.history({ subject: { kind: 'container', code: ssccOf(2) } });
    expect(history).toMatchObject({
      ok: true,
      value: { total: 2, movements: [{ kind: 'move', from: { location: 'A-01-01-1' }, to: { location: 'DOCK-01' } }, {}] },
    });
    const payload = db.read.get<{ payload: string }>(sql`SELECT payload FROM outbox WHERE type = 'stock.moved'`)?.payload ?? '{}';
    expect((JSON.parse(payload) as { movements: { sku: string; to: unknown }[] }).movements.map((m) => [m.sku, m.to])).toEqual([
      ['SKU-0001', { location: 'DOCK-01', container: ssccOf(1) }],
      ['SKU-0002', { location: 'DOCK-01', container: ssccOf(1) }],
      ['SKU-0003', { location: 'DOCK-01', container: ssccOf(2) }],
    ]);
    invariantHolds(station);
  });

  it('is refused to a picker, in main, and audited', async () => {
    const station = await stockedStation();
    const pickerId = await loginAs(station, 'picker');
    expect(await station.client.stock.move({ from: ssccOf(1), to: 'DOCK-01', confirmed: true })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(station.core.db.read.all(sql`SELECT user_id, action FROM audit WHERE outcome = 'refused'`)).toEqual([{ user_id: pickerId, action: 'stock:move' }]);
  });
});

describe('adjusting stock', () => {
  it('lets a shift lead correct a quantity with a reason', async () => {
    const station = await stockedStation();
    await loginAs(station, 'shift_lead');
    expect(await station.client.stock.adjust({ location: 'P-01-01-0', gtin: gtinOf(1), delta: -2, reason: 'broken cases' })).toMatchObject({ ok: true });
    const face = await station.client.stock.lookup({ code: 'P-01-01-0' });
    expect(face.ok && face.value.kind === 'location' && face.value.lines[0]?.quantity).toBe(10);
    invariantHolds(station);
  });

  it('answers how many movements it wrote: a removal from loose units and from a pallet is two (issue #8)', async () => {
    const station = await stockedStation();
    seedStock(station.core.db, { loose: [{ locationCode: 'A-01-01-1', sku: 'SKU-0001', quantity: 5 }] });
    await loginAs(station, 'shift_lead');
    const adjusted = await station.client.stock.adjust({ location: 'A-01-01-1', gtin: gtinOf(1), delta: -8, reason: 'water damage' });
    expect(adjusted).toMatchObject({ ok: true, value: { movements: 2, quantity: 8 } });
    expect(station.core.db.read.get(sql`SELECT count(*) AS n FROM movement WHERE kind = 'adjustment'`)).toEqual({ n: 2 });
    invariantHolds(station);
  });

  it('adjusts a case GTIN by its units, as moves and counts do', async () => {
    const station = await stockedStation();
    await loginAs(station, 'shift_lead');
    expect(await station.client.stock.adjust({ location: 'DOCK-01', gtin: caseGtinOf(1), delta: 2, reason: 'found two cases' })).toMatchObject({
      ok: true,
      value: { quantity: 40 },
    });
    const dock = await station.client.stock.lookup({ code: 'DOCK-01' });
    expect(dock.ok && dock.value.lines.map((l) => l.quantity)).toEqual([40]);
  });

  it('refuses a picker whatever the screen shows, and records the attempt (docs/domain.md scenario 6)', async () => {
    const station = await stockedStation();
    const pickerId = await loginAs(station, 'picker');
    const before = ledgerAndBalances(station.core.db);
    expect(await station.client.stock.adjust({ location: 'P-01-01-0', gtin: gtinOf(1), delta: 50, reason: 'found some' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(ledgerAndBalances(station.core.db)).toEqual(before);
    expect(station.core.db.read.all(sql`SELECT user_id, action, outcome FROM audit WHERE action = 'stock:adjust'`)).toEqual([
      { user_id: pickerId, action: 'stock:adjust', outcome: 'refused' },
    ]);
  });
});
