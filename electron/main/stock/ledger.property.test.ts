import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { addUser, createSetUpStation, type TestStation } from '../testing/core';
import { aLocation, aProduct, gtinOf, ledgerAndBalances, seedStock, ssccOf } from '../testing/stock';

const locations = ['P-01-01-0', 'P-01-02-0', 'A-01-01-1', 'A-01-02-1', 'DOCK-01'];
const products = [1, 2, 3];

type Op =
  | { kind: 'receive'; product: number; location: string; quantity: number }
  | { kind: 'move'; product: number; from: string; to: string; quantity: number }
  | { kind: 'movePallet'; to: string }
  | { kind: 'adjust'; product: number; location: string; delta: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('receive' as const),
    product: fc.constantFrom(...products),
    location: fc.constantFrom(...locations),
    quantity: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    product: fc.constantFrom(...products),
    from: fc.constantFrom(...locations),
    to: fc.constantFrom(...locations),
    quantity: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({ kind: fc.constant('movePallet' as const), to: fc.constantFrom(...locations) }),
  fc.record({
    kind: fc.constant('adjust' as const),
    product: fc.constantFrom(...products),
    location: fc.constantFrom(...locations),
    delta: fc.integer({ min: -40, max: 40 }).filter((d) => d !== 0),
  }),
);

async function station(): Promise<TestStation> {
  const s = await createSetUpStation();
  seedStock(s.core.db, {
    products: products.map((n) => aProduct(n)),
    locations: locations.map((code, index) => aLocation(code, code.startsWith('P') ? 'pick_face' : code.startsWith('DOCK') ? 'dock' : 'storage', index + 1)),
    pallets: [
      {
        sscc: ssccOf(7),
        locationCode: 'A-01-01-1',
        lines: [
          { sku: 'SKU-0001', quantity: 30 },
          { sku: 'SKU-0002', quantity: 10 },
        ],
      },
    ],
  });
  await addUser(s, { name: 'Lead', badge: 'BADGE-LEAD', role: 'shift_lead', pin: '2580' });
  await s.client.auth.login({ badge: 'BADGE-LEAD', pin: '2580' });
  return s;
}

async function apply(s: TestStation, step: Op): Promise<boolean> {
  switch (step.kind) {
    case 'receive':
      seedStock(s.core.db, { loose: [{ locationCode: step.location, sku: `SKU-000${step.product}`, quantity: step.quantity }] });
      return true;
    case 'move':
      return (await s.client.stock.move({ from: step.from, to: step.to, gtin: gtinOf(step.product), quantity: step.quantity })).ok;
    case 'movePallet':
      return (await s.client.stock.move({ from: ssccOf(7), to: step.to, confirmed: true })).ok;
    case 'adjust':
      return (await s.client.stock.adjust({ location: step.location, gtin: gtinOf(step.product), delta: step.delta, reason: 'property test' })).ok;
  }
}

const snapshot = (s: TestStation) => ({
  ...ledgerAndBalances(s.core.db),
  movements: s.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM movement`)?.n,
  pallet: s.core.db.read.get(sql`SELECT location_id FROM container WHERE code = ${ssccOf(7)}`),
});

describe('stock ledger (property)', () => {
  it('keeps balance = sum of movements, never negative, and a refused operation changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (steps) => {
        const s = await station();
        for (const step of steps) {
          const before = snapshot(s);
          const done = await apply(s, step);
          const after = snapshot(s);
          if (!done) expect(after).toEqual(before);
          expect(after.balances).toEqual(after.fromLedger);
          expect(after.balances.filter((balance) => balance.quantity <= 0)).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });
});
