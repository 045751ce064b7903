import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sql, sqlId } from '../../platform/db/sql';
import type { BalanceKey } from '../stock/repo';
import { createSetUpStation } from '../testing/core';
import { aLocation, aProduct, seedStock } from '../testing/stock';
import { ledgerBatch } from './ledger-batch';

const rolledBack = new Error('rolled back');

type Balance = { key: string; quantity: number };

describe('the ledger batch of pulled movements', () => {
  it('ends with the balances of the same changes applied one by one, below zero included', async () => {
    const s = await createSetUpStation();
    seedStock(s.core.db, {
      products: [aProduct(1), aProduct(2)],
      locations: [aLocation('A-01-01-1'), aLocation('A-01-02-1')],
      loose: [{ sku: 'SKU-0001', locationCode: 'A-01-01-1', quantity: 3 }],
    });
    const ids = (table: 'product' | 'location') => s.core.db.read.all<{ id: number }>(sql`SELECT id FROM ${sqlId(table)} ORDER BY id`).map((row) => row.id);
    const [p1, p2] = ids('product');
    const [l1, l2] = ids('location');
    const keys: BalanceKey[] = [
      { productId: p1!, locationId: l1!, lotId: 0, containerId: 0 },
      { productId: p1!, locationId: l2!, lotId: 0, containerId: 0 },
      { productId: p2!, locationId: l1!, lotId: 0, containerId: 0 },
    ];
    const text = (key: BalanceKey) => `${key.productId}@${key.locationId}`;
    const balances = (): Balance[] =>
      s.core.db.read
        .all<{ product_id: number; location_id: number; quantity: number }>(sql`SELECT product_id, location_id, quantity FROM stock_balance ORDER BY 1, 2`)
        .map((row) => ({ key: `${row.product_id}@${row.location_id}`, quantity: row.quantity }));
    const before = balances();
    expect(before).toEqual([{ key: text(keys[0]!), quantity: 3 }]);

    const change = fc.record({ key: fc.integer({ min: 0, max: 2 }), delta: fc.integer({ min: -4, max: 4 }).filter((d) => d !== 0) });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
        // Expected: each change in its turn, as addToBalance applies them.
        const model = new Map(before.map((b) => [b.key, b.quantity]));
        for (const { key, delta } of changes) {
          const name = text(keys[key]!);
          model.set(name, (model.get(name) ?? 0) + delta);
        }
        const expected = [...model].filter(([, q]) => q !== 0).map(([key, quantity]) => ({ key, quantity }));
        try {
          s.core.db.write((tx) => {
            const book = ledgerBatch();
            for (const { key, delta } of changes) book.add(keys[key]!, delta);
            book.settle(tx);
            expect(balances().sort((a, b) => a.key.localeCompare(b.key))).toEqual(expected.sort((a, b) => a.key.localeCompare(b.key)));
            throw rolledBack;
          });
        } catch (error) {
          if (error !== rolledBack) throw error;
        }
        expect(balances()).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('takes a balance below zero as the changes say, and is empty once settled', async () => {
    const s = await createSetUpStation();
    seedStock(s.core.db, {
      products: [aProduct(1)],
      locations: [aLocation('A-01-01-1')],
      loose: [{ sku: 'SKU-0001', locationCode: 'A-01-01-1', quantity: 2 }],
    });
    const key: BalanceKey = {
      productId: s.core.db.read.get<{ id: number }>(sql`SELECT id FROM product`)!.id,
      locationId: s.core.db.read.get<{ id: number }>(sql`SELECT id FROM location`)!.id,
      lotId: 0,
      containerId: 0,
    };
    s.core.db.write((tx) => {
      const book = ledgerBatch();
      book.add(key, 5);
      book.add(key, -5);
      book.add(key, -3);
      book.settle(tx);
      // Settled once: the book is empty again.
      book.settle(tx);
    });
    expect(s.core.db.read.get<{ quantity: number }>(sql`SELECT quantity FROM stock_balance`)?.quantity).toBe(-1);
  });

  it('writes every posted line, whatever their number, and holds their events until then', async () => {
    const s = await createSetUpStation();
    seedStock(s.core.db, { products: [aProduct(1)], locations: [aLocation('A-01-01-1')] });
    const productId = s.core.db.read.get<{ id: number }>(sql`SELECT id FROM product`)!.id;
    const locationId = s.core.db.read.get<{ id: number }>(sql`SELECT id FROM location`)!.id;
    const pulled = () =>
      s.core.db.read.all<{ event_id: string }>(sql`SELECT event_id FROM movement WHERE origin_station = 'B' ORDER BY id`).map((row) => row.event_id);
    let written: string[] = [];
    for (const count of [0, 1, 7, 8, 9, 63, 64, 65, 77, 130]) {
      const ids = Array.from({ length: count }, (_, i) => `ev-${count}-${i}`);
      s.core.db.write((tx) => {
        const batch = ledgerBatch();
        for (const eventId of ids) {
          batch.post({
            at: 1,
            userId: null,
            kind: 'receipt',
            productId,
            lotId: null,
            fromLocationId: null,
            fromContainerId: null,
            toLocationId: locationId,
            toContainerId: null,
            quantity: 1,
            eventId,
            originStation: 'B',
          });
          batch.add({ productId, locationId, lotId: 0, containerId: 0 }, 1);
        }
        expect(ids.every((id) => batch.holds(id))).toBe(true);
        batch.settle(tx);
        expect(ids.some((id) => batch.holds(id))).toBe(false);
      });
      written = [...written, ...ids];
      expect(pulled()).toEqual(written);
    }
    expect(s.core.db.read.get<{ quantity: number }>(sql`SELECT quantity FROM stock_balance`)?.quantity).toBe(written.length);
  });
});
