import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { loginAs, stockedStation } from '../testing/stocked';
import { gtinOf, ledgerAndBalances } from '../testing/stock';

/** The three ways a GS1 scan carries a count (AI 30), here of 0 (issue #9). */
const forms = (gtin: string, count: string) => ({
  'element string with FNC1 and GS': `]C130${count}\x1D01${gtin}`,
  bracketed: `(01)${gtin}(30)${count}`,
  'GS1 Digital Link': `https://id.gs1.org/01/${gtin}?30=${count}`,
});

describe('a count carried by a GS1 scan (issue #9)', () => {
  for (const [form, scan] of Object.entries(forms(gtinOf(1), '0'))) {
    it(`refuses 0 in ${form} form, coded, before anything is written`, async () => {
      const station = await stockedStation();
      await loginAs(station, 'shift_lead');
      const before = { ...ledgerAndBalances(station.core.db), outbox: station.core.db.read.all(sql`SELECT seq FROM outbox`) };
      const refused = { ok: false, error: { code: 'QUANTITY_INVALID', details: { quantity: 0, max: 1_000_000 } } };
      expect(await station.client.stock.checkMove({ from: 'P-01-01-0', gtin: scan })).toMatchObject(refused);
      expect(await station.client.stock.move({ from: 'P-01-01-0', gtin: scan, to: 'DOCK-01' })).toMatchObject(refused);
      expect(await station.client.stock.adjust({ location: 'P-01-01-0', gtin: scan, delta: -1, reason: 'label' })).toMatchObject(refused);
      const count = await station.client.stock.startCount({ location: 'P-01-01-0' });
      if (!count.ok) throw new Error(count.error.code);
      expect(await station.client.stock.countItem({ countId: count.value.id, gtin: scan })).toMatchObject(refused);
      expect({ ...ledgerAndBalances(station.core.db), outbox: station.core.db.read.all(sql`SELECT seq FROM outbox`) }).toEqual(before);
    });
  }

  it('refuses a count above the bound a typed quantity has, and uses a valid one', async () => {
    const station = await stockedStation();
    await loginAs(station, 'receiver');
    expect(await station.client.stock.move({ from: 'P-01-01-0', gtin: forms(gtinOf(1), '99999999').bracketed, to: 'DOCK-01' })).toMatchObject({
      error: { code: 'QUANTITY_INVALID', details: { quantity: 99_999_999 } },
    });
    expect(await station.client.stock.move({ from: 'P-01-01-0', gtin: forms(gtinOf(1), '3')['GS1 Digital Link'], to: 'DOCK-01' })).toMatchObject({
      ok: true,
      value: { quantity: 3 },
    });
  });
});
