import type { BarcodeSheet, LocationType } from '../../../shared/stock';
import type { ReadHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';

/** How many of each: a sheet of two A4 pages that shows every kind of code the site uses. */
export const sheetSizes = { locationsPerType: 2, pallets: 2, products: 4 } as const;

/** The first active locations of each type, in walk order. */
const shownLocations = sql`
  SELECT id, code, type, walk_order FROM (
    SELECT id, code, type, walk_order, ROW_NUMBER() OVER (PARTITION BY type ORDER BY walk_order, code) AS rank
    FROM location WHERE active = 1
  ) WHERE rank <= ${sheetSizes.locationsPerType}`;

type ProductRow = { id: number; sku: string; description_fr: string; description_en: string; description_zh: string; lot_tracked: number };

/**
 * The codes of a printable sheet (issue #10), read from the station's mirror: the first active
 * locations of each type in walk order, pallets that hold stock, and products with a unit GTIN —
 * those stored at the sheet's locations first (so the sheet alone is enough to practise a move),
 * and a lot-tracked one in stock when there is one, with its lot.
 */
export function barcodeSheet(read: ReadHandle): BarcodeSheet {
  const locations = read.all<{ code: string; type: LocationType }>(sql`SELECT code, type FROM (${shownLocations}) ORDER BY walk_order, code`);

  const pallets = read.all<{ sscc: string; location: string | null }>(sql`
    SELECT c.code AS sscc, l.code AS location FROM container c LEFT JOIN location l ON l.id = c.location_id
    WHERE c.kind = 'pallet' AND EXISTS (SELECT 1 FROM stock_balance b WHERE b.container_id = c.id AND b.quantity > 0)
    ORDER BY c.code LIMIT ${sheetSizes.pallets}`);

  const hasUnitGtin = sql`EXISTS (SELECT 1 FROM gtin u WHERE u.product_id = p.id AND u.pack_quantity = 1)`;
  const columns = sql`p.id, p.sku, p.description_fr, p.description_en, p.description_zh, p.lot_tracked`;
  const stored = read.all<ProductRow>(sql`
    SELECT ${columns} FROM product p JOIN stock_balance b ON b.product_id = p.id AND b.quantity > 0
    JOIN (${shownLocations}) shown ON shown.id = b.location_id
    WHERE ${hasUnitGtin}
    GROUP BY p.id ORDER BY MIN(shown.walk_order), p.sku LIMIT ${sheetSizes.products}`);
  const chosen =
    stored.length > 0 ? stored : read.all<ProductRow>(sql`SELECT ${columns} FROM product p WHERE ${hasUnitGtin} ORDER BY p.sku LIMIT ${sheetSizes.products}`);
  const lotTracked = chosen.some((row) => row.lot_tracked === 1)
    ? []
    : read.all<ProductRow>(sql`
        SELECT ${columns} FROM product p
        WHERE p.lot_tracked = 1 AND ${hasUnitGtin} AND EXISTS (SELECT 1 FROM stock_balance b WHERE b.product_id = p.id AND b.lot_id <> 0 AND b.quantity > 0)
        ORDER BY p.sku LIMIT 1`);

  return {
    locations,
    pallets,
    products: [...chosen, ...lotTracked].map((row) => {
      const gtins = read.all<{ gtin: string; pack_quantity: number }>(
        sql`SELECT gtin, pack_quantity FROM gtin WHERE product_id = ${row.id} ORDER BY pack_quantity, gtin`,
      );
      const caseGtin = gtins.find((gtin) => gtin.pack_quantity > 1);
      const lot =
        row.lot_tracked === 1
          ? (read.get<{ code: string }>(sql`
              SELECT lot.code FROM stock_balance b JOIN lot ON lot.id = b.lot_id
              WHERE b.product_id = ${row.id} AND b.quantity > 0 ORDER BY lot.code LIMIT 1`)?.code ?? null)
          : null;
      return {
        sku: row.sku,
        description: { fr: row.description_fr, en: row.description_en, zh: row.description_zh },
        gtin: gtins[0]?.gtin ?? '',
        caseGtin: caseGtin ? { gtin: caseGtin.gtin, packQuantity: caseGtin.pack_quantity } : null,
        lot,
      };
    }),
  };
}
