import { addUser, createSetUpStation, type TestStation } from './core';
import { aLocation, aProduct, caseGtinOf, gtinOf, seedStock, ssccOf } from './stock';

/**
 * A small warehouse: a pick face with 12 loose units of SKU-0001, a storage place holding pallet 1
 * (200 × SKU-0001, 40 × SKU-0002 in lot L2611-01), an empty storage place and a dock. SKU-0001 has a
 * case GTIN of 20 units.
 */
export async function stockedStation(): Promise<TestStation> {
  const station = await createSetUpStation();
  seedStock(station.core.db, {
    products: [
      aProduct(1, {
        gtins: [
          { gtin: gtinOf(1), packQuantity: 1 },
          { gtin: caseGtinOf(1), packQuantity: 20 },
        ],
      }),
      aProduct(2, { lotTracked: true }),
      aProduct(3),
    ],
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

/** Creates a person of that role (badge `BADGE-<ROLE>`, PIN 2580) and logs them in; returns their id. */
export async function loginAs(station: TestStation, role: 'picker' | 'receiver' | 'shift_lead'): Promise<number> {
  const badge = `BADGE-${role.toUpperCase().replace('_', '')}`;
  const id = await addUser(station, { name: `${role} person`, badge, role, pin: '2580' });
  const login = await station.client.auth.login({ badge, pin: '2580' });
  if (!login.ok) throw new Error(login.error.code);
  return id;
}
