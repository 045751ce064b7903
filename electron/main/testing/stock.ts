import { gs1CheckDigit } from '../../../shared/barcode';
import type { LocationType } from '../../../shared/stock';
import type { Database } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { upsertLocation, upsertProduct, type CatalogueProduct } from '../stock/catalogue';
import { recordOpeningLoose, recordOpeningPallet, type OpeningLoose, type OpeningPallet } from '../stock/opening-stock';

/** A valid GTIN-13 (as 14 digits) under an invented GS1 China prefix, numbered. */
export function gtinOf(n: number): string {
  const body = `0690123${String(n).padStart(5, '0')}`;
  return `0${body.slice(1)}${gs1CheckDigit(body.slice(1))}`.padStart(14, '0');
}

/** The case GTIN-14 of product `n`: indicator digit 1 + the GTIN-13 without its check digit + a new one. */
export function caseGtinOf(n: number): string {
  const body = `1${gtinOf(n).slice(1, 13)}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** A valid SSCC (18 digits), numbered. */
export function ssccOf(n: number): string {
  const body = `0690123${String(n).padStart(10, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

export function aProduct(n: number, overrides: Partial<CatalogueProduct> = {}): CatalogueProduct {
  return {
    sku: `SKU-${String(n).padStart(4, '0')}`,
    description: { fr: `Coque n°${n}`, en: `Case no. ${n}`, zh: `手机壳 ${n}` },
    gtins: [{ gtin: gtinOf(n), packQuantity: 1 }],
    lotTracked: false,
    expiryTracked: false,
    unitsPerCase: 20,
    ...overrides,
  };
}

export const aLocation = (code: string, type: LocationType = 'storage', walkOrder = 1) => ({
  code,
  type,
  zone: code.split('-')[0] ?? 'A',
  walkOrder,
});

export type StockSeed = {
  products?: CatalogueProduct[];
  locations?: ReturnType<typeof aLocation>[];
  pallets?: OpeningPallet[];
  loose?: OpeningLoose[];
};

export function seedStock(db: Database, seed: StockSeed, at = Date.parse('2026-11-26T07:00:00Z')): void {
  db.write((tx) => {
    for (const product of seed.products ?? []) upsertProduct(tx, product);
    for (const location of seed.locations ?? []) upsertLocation(tx, location);
    for (const pallet of seed.pallets ?? []) recordOpeningPallet(tx, pallet, at);
    for (const loose of seed.loose ?? []) recordOpeningLoose(tx, loose, at);
  });
}

type Key = { product_id: number; location_id: number; lot_id: number; container_id: number; quantity: number };

/** The ledger invariant (docs/design.md §3): every balance equals the sum of its movements, and nothing else. */
export function ledgerAndBalances(db: Database): { fromLedger: Key[]; balances: Key[] } {
  const fromLedger = db.read.all<Key>(sql`
    SELECT product_id, location_id, lot_id, container_id, sum(q) AS quantity FROM (
      SELECT product_id, to_location_id AS location_id, ifnull(lot_id, 0) AS lot_id, ifnull(to_container_id, 0) AS container_id, quantity AS q
      FROM movement WHERE to_location_id IS NOT NULL
      UNION ALL
      SELECT product_id, from_location_id, ifnull(lot_id, 0), ifnull(from_container_id, 0), -quantity
      FROM movement WHERE from_location_id IS NOT NULL)
    GROUP BY product_id, location_id, lot_id, container_id HAVING sum(q) <> 0
    ORDER BY 1, 2, 3, 4`);
  const balances = db.read.all<Key>(sql`
    SELECT product_id, location_id, lot_id, container_id, quantity FROM stock_balance ORDER BY 1, 2, 3, 4`);
  return { fromLedger, balances };
}
