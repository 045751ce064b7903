import { describe, expect, it } from 'vitest';
import type { CentreRecord } from '../../../shared/sync/protocol';
import { sql } from '../../platform/db/sql';
import { createSetUpStation, type TestStation } from '../testing/core';
import { aLocation, aProduct, seedStock } from '../testing/stock';
import { ledgerBatch } from './ledger-batch';
import { applyCentreRecord } from './mirror';
import { orderBatch } from './order-batch';
import { createLookups } from './site-ledger';

const at = Date.parse('2026-12-02T08:00:00Z');

const order = (version: number, lines: readonly number[]): CentreRecord => ({
  entity: 'order',
  key: 'ORD-1',
  op: 'upsert',
  version,
  data: {
    orderId: 'ORD-1',
    shipDate: '2026-12-03',
    carrier: 'colissimo',
    service: 'standard',
    cutoff: '2026-12-03T15:00:00.000Z',
    status: 'open',
    version,
    lines: lines.map((lineNo) => ({ lineNo, sku: 'SKU-0001', quantity: version })),
  },
});
const deleted: CentreRecord = { entity: 'order', key: 'ORD-1', op: 'delete', version: 9, data: null };

/** Pulled records applied in one transaction, as one slice of a pull page applies them. */
function pull(s: TestStation, records: readonly CentreRecord[], generation = 0): void {
  s.core.db.write((tx) => {
    const context = { at, generation, lookups: createLookups(), batch: ledgerBatch(), orders: orderBatch() };
    for (const record of records) applyCentreRecord(tx, record, context);
    context.orders.settle(tx);
  });
}

const held = (s: TestStation) => ({
  order: s.core.db.read.get<{ version: number; gone: number }>(sql`SELECT version, gone_at IS NOT NULL AS gone FROM customer_order WHERE order_id = 'ORD-1'`),
  lines: s.core.db.read.all<{ line_no: number; quantity: number; gone: number }>(
    sql`SELECT line_no, quantity, gone_at IS NOT NULL AS gone FROM customer_order_line WHERE order_id = 'ORD-1' ORDER BY line_no`,
  ),
});

describe("the centre's orders written together", () => {
  async function station(): Promise<TestStation> {
    const s = await createSetUpStation();
    seedStock(s.core.db, { products: [aProduct(1)], locations: [aLocation('A-01-01-1')] });
    return s;
  }

  it('keeps the newest version given in one transaction, whatever the order they come in', async () => {
    const s = await station();
    pull(s, [order(3, [1, 2]), order(2, [1, 2, 3])]);
    expect(held(s)).toEqual({
      order: { version: 3, gone: 0 },
      lines: [
        { line_no: 1, quantity: 3, gone: 0 },
        { line_no: 2, quantity: 3, gone: 0 },
      ],
    });
  });

  it('marks the lines a new version no longer has as gone, in the same transaction or a later one', async () => {
    const s = await station();
    pull(s, [order(1, [1, 2, 3])]);
    // Only the newest version of the transaction is written: line 2 keeps what the station held.
    pull(s, [order(2, [1, 2]), order(3, [1])]);
    expect(held(s).lines).toEqual([
      { line_no: 1, quantity: 3, gone: 0 },
      { line_no: 2, quantity: 1, gone: 1 },
      { line_no: 3, quantity: 1, gone: 1 },
    ]);
    // An older answer replayed later changes nothing.
    pull(s, [order(2, [1, 2])]);
    expect(held(s).order).toEqual({ version: 3, gone: 0 });
    expect(held(s).lines.map((line) => line.gone)).toEqual([0, 1, 1]);
  });

  it("overwrites with a bootstrap's older version: the snapshot is the centre's word after a restore", async () => {
    const s = await station();
    pull(s, [order(3, [1, 2])]);
    pull(s, [order(1, [1])], 1);
    expect(held(s)).toEqual({
      order: { version: 1, gone: 0 },
      lines: [
        { line_no: 1, quantity: 1, gone: 0 },
        { line_no: 2, quantity: 3, gone: 1 },
      ],
    });
  });

  it('marks an order deleted after its upsert in the same transaction as gone, kept for the picks that refer to it', async () => {
    const s = await station();
    pull(s, [order(1, [1]), deleted]);
    expect(held(s)).toEqual({ order: { version: 1, gone: 1 }, lines: [{ line_no: 1, quantity: 1, gone: 0 }] });
  });

  it('writes every order of a bootstrap page, whatever their number', async () => {
    const s = await station();
    const many = Array.from({ length: 77 }, (_, i) => {
      const record = order(1, [1, 2]);
      return { ...record, key: `ORD-${i}`, data: { ...record.data!, orderId: `ORD-${i}` } } as CentreRecord;
    });
    pull(s, many, 1);
    expect(s.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM customer_order`)?.n).toBe(77);
    expect(s.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM customer_order_line`)?.n).toBe(154);
  });
});
