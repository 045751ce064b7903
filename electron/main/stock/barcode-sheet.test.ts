import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { loginAs, stockedStation } from '../testing/stocked';
import { caseGtinOf, gtinOf, ssccOf } from '../testing/stock';

describe('the barcode sheet', () => {
  it('lists the mirror’s locations of each type in walk order, pallets holding stock, and the products stored there with their GTINs and a lot in stock', async () => {
    const station = await stockedStation();
    await loginAs(station, 'picker');
    const sheet = await station.client.stock.barcodeSheet();
    expect(sheet.ok).toBe(true);
    if (!sheet.ok) return;
    // In walk order, at most two of each type.
    expect(sheet.value.locations).toEqual([
      { code: 'P-01-01-0', type: 'pick_face' },
      { code: 'A-01-01-1', type: 'storage' },
      { code: 'A-01-02-1', type: 'storage' },
      { code: 'DOCK-01', type: 'dock' },
    ]);
    expect(sheet.value.pallets).toEqual([{ sscc: ssccOf(1), location: 'A-01-01-1' }]);
    // The products stored at those locations (SKU-0003 is nowhere), the lot-tracked one with its lot.
    expect(sheet.value.products.map(({ sku, gtin, caseGtin, lot }) => ({ sku, gtin, caseGtin, lot }))).toEqual([
      { sku: 'SKU-0001', gtin: gtinOf(1), caseGtin: { gtin: caseGtinOf(1), packQuantity: 20 }, lot: null },
      { sku: 'SKU-0002', gtin: gtinOf(2), caseGtin: null, lot: 'L2611-01' },
    ]);
  });

  it('adds a lot-tracked product in stock when none is stored at the sheet’s locations', async () => {
    const station = await stockedStation();
    // Only the pick face and the dock are on the sheet once the storage places are inactive.
    station.core.db.write((tx) => tx.run(sql`UPDATE location SET active = 0 WHERE type = 'storage'`));
    const sheet = await station.client.stock.barcodeSheet();
    expect(sheet.ok && sheet.value.products.map(({ sku, lot }) => [sku, lot])).toEqual([
      ['SKU-0001', null],
      ['SKU-0002', 'L2611-01'],
    ]);
  });

  it('is read only with a session', async () => {
    const station = await stockedStation();
    await station.client.auth.logout();
    expect(await station.client.stock.barcodeSheet()).toMatchObject({ ok: false });
  });
});
