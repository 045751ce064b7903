import type { Descriptions, LocationType } from '../../../shared/stock';
import type { WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';

/** Catalogue and locations as the centre owns them (the station mirrors, never edits them). */
export type CatalogueProduct = {
  readonly sku: string;
  readonly description: Descriptions;
  readonly gtins: readonly { readonly gtin: string; readonly packQuantity: number }[];
  readonly lotTracked: boolean;
  readonly expiryTracked: boolean;
  readonly unitsPerCase: number;
};

export type CatalogueLocation = { readonly code: string; readonly type: LocationType; readonly zone: string; readonly walkOrder: number };

export function upsertProduct(tx: WriteHandle, product: Readonly<CatalogueProduct>): number {
  const row = tx.get<{ id: number }>(sql`
    INSERT INTO product (sku, description_fr, description_en, description_zh, lot_tracked, expiry_tracked, units_per_case)
    VALUES (${product.sku}, ${product.description.fr}, ${product.description.en}, ${product.description.zh},
            ${product.lotTracked ? 1 : 0}, ${product.expiryTracked ? 1 : 0}, ${product.unitsPerCase})
    ON CONFLICT (sku) DO UPDATE SET description_fr = excluded.description_fr, description_en = excluded.description_en,
      description_zh = excluded.description_zh, lot_tracked = excluded.lot_tracked, expiry_tracked = excluded.expiry_tracked,
      units_per_case = excluded.units_per_case
    RETURNING id`);
  const id = row?.id ?? 0;
  for (const gtin of product.gtins) {
    tx.run(sql`
      INSERT INTO gtin (gtin, product_id, pack_quantity) VALUES (${gtin.gtin}, ${id}, ${gtin.packQuantity})
      ON CONFLICT (gtin) DO UPDATE SET product_id = excluded.product_id, pack_quantity = excluded.pack_quantity`);
  }
  return id;
}

export function upsertLocation(tx: WriteHandle, location: Readonly<CatalogueLocation>): number {
  const row = tx.get<{ id: number }>(sql`
    INSERT INTO location (code, type, zone, walk_order) VALUES (${location.code}, ${location.type}, ${location.zone}, ${location.walkOrder})
    ON CONFLICT (code) DO UPDATE SET type = excluded.type, zone = excluded.zone, walk_order = excluded.walk_order, active = 1
    RETURNING id`);
  return row?.id ?? 0;
}
