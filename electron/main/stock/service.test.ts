import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { addUser, createSetUpStation, type TestStation } from '../testing/core';
import { aLocation, aProduct, gtinOf, ledgerAndBalances, seedStock, ssccOf } from '../testing/stock';

async function stockedStation(): Promise<TestStation> {
  const station = await createSetUpStation();
  seedStock(station.core.db, {
    products: [aProduct(1), aProduct(2, { lotTracked: true }), aProduct(3)],
    locations: [
      aLocation('P-01-01-0', 'pick_face', 1),
      aLocation('A-01-01-1', 'storage', 10),
      aLocation('A-01-02-1', 'storage', 11),
      aLocation('DOCK-01', 'dock', 100),
    ],
    pallets: [
      {
        sscc: ssccOf(1),
        locationCode: 'A-01-01-1',
        lines: [
          { sku: 'SKU-0001', quantity: 200 },
          { sku: 'SKU-0002', quantity: 40, lot: 'L2611-01' },
        ],
      },
    ],
    loose: [{ locationCode: 'P-01-01-0', sku: 'SKU-0001', quantity: 12 }],
  });
  return station;
}

async function loginAs(station: TestStation, role: 'picker' | 'receiver' | 'shift_lead'): Promise<number> {
  const badge = `BADGE-${role.toUpperCase().replace('_', '')}`;
  const id = await addUser(station, { name: `${role} person`, badge, role, pin: '2580' });
  const login = await station.client.auth.login({ badge, pin: '2580' });
  if (!login.ok) throw new Error(login.error.code);
  return id;
}

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

  it('moves a whole pallet with its SSCC and a destination', async () => {
    const station = await stockedStation();
    await loginAs(station, 'shift_lead');
    const moved = await station.client.stock.move({ from: ssccOf(1), to: 'DOCK-01' });
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

  it('is refused to a picker, in main, and audited', async () => {
    const station = await stockedStation();
    const pickerId = await loginAs(station, 'picker');
    expect(await station.client.stock.move({ from: ssccOf(1), to: 'DOCK-01' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
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

  it('refuses a picker whatever the screen shows, and records the attempt (DOMAIN scenario 6)', async () => {
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
