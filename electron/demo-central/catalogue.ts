import type { ReadHandle, WriteHandle } from '../platform/db/connection';
import { sql } from '../platform/db/sql';
import type { locationDataSchema, productDataSchema } from '../../shared/sync/protocol';
import type { z } from 'zod';
import type { DemoLocation, DemoProduct, DemoSite } from './generate';

type ProductData = z.infer<typeof productDataSchema>;
type LocationData = z.infer<typeof locationDataSchema>;

const productToData = (product: Readonly<DemoProduct>): ProductData => ({
  sku: product.sku,
  description: { ...product.description },
  gtins: product.gtins.map((g) => ({ ...g })),
  lotTracked: product.lotTracked,
  expiryTracked: product.expiryTracked,
  unitsPerCase: product.unitsPerCase,
});

const locationToData = (location: Readonly<DemoLocation>): LocationData => ({
  code: location.code,
  type: location.type,
  zone: location.zone,
  walkOrder: location.walkOrder,
  active: true,
});

/**
 * The generated warehouse as the centre holds it: catalogue and the site's floor plan to serve, and
 * the stock already there, from which the site's one stock starts (pallets in their SSCC, loose
 * units on pick faces). Written once, when the centre's database is created; no change rows, since
 * a station's first contact is always a bootstrap.
 */
export function storeSite(tx: WriteHandle, site: Readonly<DemoSite>): void {
  for (const product of site.products) tx.run(sql`INSERT INTO product (sku, data) VALUES (${product.sku}, ${JSON.stringify(productToData(product))})`);
  for (const location of site.locations) tx.run(sql`INSERT INTO location (code, data) VALUES (${location.code}, ${JSON.stringify(locationToData(location))})`);
  const opening = (location: string, container: string, line: { sku: string; quantity: number; lot?: string; expiry?: string }): void => {
    tx.run(sql`
      INSERT INTO opening_stock (location, container, sku, lot, expiry, quantity)
      VALUES (${location}, ${container}, ${line.sku}, ${line.lot ?? ''}, ${line.expiry ?? null}, ${line.quantity})
      ON CONFLICT (location, container, sku, lot) DO UPDATE SET quantity = quantity + excluded.quantity`);
  };
  for (const pallet of site.pallets) for (const line of pallet.lines) opening(pallet.locationCode, pallet.sscc, line);
  for (const loose of site.looseStock) opening(loose.locationCode, '', loose);
  // The site's one stock starts from it (docs/protocol.md: stations' movements are deltas from here).
  tx.run(
    sql`INSERT INTO site_stock (location, container, sku, lot, expiry, quantity) SELECT location, container, sku, lot, expiry, quantity FROM opening_stock`,
  );
}

export function isKnownSku(read: ReadHandle, sku: string): boolean {
  return read.get(sql`SELECT 1 AS found FROM product WHERE sku = ${sku}`) !== undefined;
}
