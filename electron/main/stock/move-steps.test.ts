import { describe, expect, it } from 'vitest';
import type { TestStation } from '../testing/core';
import { loginAs, stockedStation } from '../testing/stocked';
import { gtinOf, ledgerAndBalances, ssccOf } from '../testing/stock';

const unknownGtin = '4006381333931';

async function receiverStation(): Promise<TestStation> {
  const station = await stockedStation();
  await loginAs(station, 'receiver');
  return station;
}

describe('a move checked step by step in main (issue #10)', () => {
  it('shows what the origin holds, then the item with what is available there', async () => {
    const station = await receiverStation();
    const from = await station.client.stock.checkMove({ from: ssccOf(1) });
    expect(from).toMatchObject({
      ok: true,
      value: { from: { kind: 'container', code: ssccOf(1), location: 'A-01-01-1' }, item: null, to: null, confirm: null, wholeContainer: false },
    });
    expect(from.ok && from.value.from.lines.map((line) => [line.product.sku, line.quantity])).toEqual([
      ['SKU-0001', 200],
      ['SKU-0002', 40],
    ]);
    const item = await station.client.stock.checkMove({ from: 'P-01-01-0', gtin: gtinOf(1) });
    expect(item).toMatchObject({ ok: true, value: { item: { product: { sku: 'SKU-0001' }, available: 12, packQuantity: 1, lot: null } } });
    const lot = await station.client.stock.checkMove({ from: ssccOf(1), gtin: gtinOf(2) });
    expect(lot).toMatchObject({ ok: true, value: { item: { available: 40, lot: 'L2611-01' } } });
  });

  it('refuses an origin that does not exist, or holds nothing, at once and naming the code', async () => {
    const station = await receiverStation();
    expect(await station.client.stock.checkMove({ from: 'Z-99-99-9' })).toMatchObject({
      error: { code: 'LOCATION_NOT_FOUND', details: { code: 'Z-99-99-9' } },
    });
    expect(await station.client.stock.checkMove({ from: ssccOf(9) })).toMatchObject({ error: { code: 'CONTAINER_NOT_FOUND', details: { code: ssccOf(9) } } });
    expect(await station.client.stock.checkMove({ from: 'A-01-02-1' })).toMatchObject({ error: { code: 'ORIGIN_EMPTY', details: { code: 'A-01-02-1' } } });
    expect(await station.client.stock.checkMove({ from: gtinOf(1) })).toMatchObject({ error: { code: 'NOT_A_SOURCE' } });
  });

  it('refuses an item that is not at the origin, or unknown, at the item step', async () => {
    const station = await receiverStation();
    expect(await station.client.stock.checkMove({ from: 'P-01-01-0', gtin: gtinOf(3) })).toMatchObject({
      error: { code: 'ITEM_NOT_HERE', details: { code: gtinOf(3), from: 'P-01-01-0' } },
    });
    expect(await station.client.stock.checkMove({ from: ssccOf(1), gtin: unknownGtin })).toMatchObject({
      error: { code: 'PRODUCT_NOT_FOUND', details: { code: unknownGtin } },
    });
    // On a pallet at that location, not loose: the pallet is what to scan as origin.
    expect(await station.client.stock.checkMove({ from: 'A-01-01-1', gtin: gtinOf(1) })).toMatchObject({
      error: { code: 'ITEM_IN_CONTAINER', details: { container: ssccOf(1), from: 'A-01-01-1' } },
    });
    expect(await station.client.stock.checkMove({ from: 'P-01-01-0', gtin: 'DOCK-01' })).toMatchObject({
      error: { code: 'NOT_AN_ITEM', details: { code: 'DOCK-01' } },
    });
  });

  it('refuses a quantity that is not there at the quantity step', async () => {
    const station = await receiverStation();
    expect(await station.client.stock.checkMove({ from: 'P-01-01-0', gtin: gtinOf(1), quantity: 1_000_000 })).toMatchObject({
      error: { code: 'INSUFFICIENT_STOCK', details: { available: 12, requested: 1_000_000 } },
    });
    expect(await station.client.stock.checkMove({ from: 'P-01-01-0', gtin: gtinOf(1), quantity: 1_000_001 })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    expect(await station.client.stock.checkMove({ from: 'P-01-01-0', gtin: gtinOf(1), quantity: 12 })).toMatchObject({ ok: true, value: { units: 12 } });
  });

  it('refuses a destination that does not exist, is inactive or is the origin, naming it', async () => {
    const station = await receiverStation();
    const steps = { from: 'P-01-01-0', gtin: gtinOf(1), quantity: 2 };
    expect(await station.client.stock.checkMove({ ...steps, to: 'Z-99-99-9' })).toMatchObject({
      error: { code: 'LOCATION_NOT_FOUND', details: { code: 'Z-99-99-9' } },
    });
    expect(await station.client.stock.checkMove({ ...steps, to: 'P-01-01-0' })).toMatchObject({
      error: { code: 'SAME_PLACE', details: { code: 'P-01-01-0' } },
    });
    expect(await station.client.stock.checkMove({ ...steps, to: ssccOf(1) })).toMatchObject({ error: { code: 'NOT_A_LOCATION' } });
    expect(await station.client.stock.checkMove({ ...steps, to: 'DOCK-01' })).toMatchObject({ ok: true, value: { to: { code: 'DOCK-01' }, confirm: null } });
  });

  it('asks for a confirmation before a whole pallet, not before a few units', async () => {
    const station = await stockedStation();
    await loginAs(station, 'shift_lead');
    expect(await station.client.stock.checkMove({ from: ssccOf(1), to: 'DOCK-01' })).toMatchObject({
      ok: true,
      value: { wholeContainer: true, units: 240, confirm: { reason: 'container', units: 240 } },
    });
    expect(await station.client.stock.checkMove({ from: ssccOf(1), gtin: gtinOf(1), quantity: 150, to: 'DOCK-01' })).toMatchObject({
      ok: true,
      value: { confirm: null },
    });
  });

  it("asks for a confirmation above the number of units the site's admin set, and main insists on it", async () => {
    const station = await stockedStation();
    expect((await station.client.settings.update({ confirmMoveAboveUnits: 100 })).ok).toBe(true);
    await loginAs(station, 'shift_lead');
    const large = { from: ssccOf(1), gtin: gtinOf(1), quantity: 150, to: 'DOCK-01' };
    expect(await station.client.stock.checkMove(large)).toMatchObject({ ok: true, value: { confirm: { reason: 'large', units: 150, threshold: 100 } } });
    const before = ledgerAndBalances(station.core.db);
    expect(await station.client.stock.move(large)).toMatchObject({ error: { code: 'CONFIRMATION_REQUIRED', details: { units: 150 } } });
    expect(ledgerAndBalances(station.core.db)).toEqual(before);
    expect(await station.client.stock.move({ ...large, confirmed: true })).toMatchObject({ ok: true, value: { quantity: 150 } });
  });

  it('checks every step again when the move is made: stock taken meanwhile is refused', async () => {
    const station = await receiverStation();
    const steps = { from: 'P-01-01-0', gtin: gtinOf(1), quantity: 10, to: 'DOCK-01' };
    expect(await station.client.stock.checkMove(steps)).toMatchObject({ ok: true });
    expect(await station.client.stock.move({ ...steps, quantity: 5, to: 'A-01-02-1' })).toMatchObject({ ok: true });
    expect(await station.client.stock.move(steps)).toMatchObject({ error: { code: 'INSUFFICIENT_STOCK', details: { available: 7, requested: 10 } } });
  });
});
