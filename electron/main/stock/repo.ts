import type { Descriptions, LocationType, MovementKind, StockLine } from '../../../shared/stock';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql, type Sql } from '../../platform/db/sql';

// SQL of the stock mirror. Reads take a ReadHandle, writes a WriteHandle (docs/style.md §8).

export type ProductRecord = {
  readonly id: number;
  readonly sku: string;
  readonly description: Descriptions;
  readonly lotTracked: boolean;
  readonly expiryTracked: boolean;
  readonly unitsPerCase: number;
};

export type LocationRecord = {
  readonly id: number;
  readonly code: string;
  readonly type: LocationType;
  readonly zone: string;
  readonly walkOrder: number;
  readonly active: boolean;
};

export type ContainerRecord = {
  readonly id: number;
  readonly kind: 'pallet' | 'tote' | 'parcel';
  readonly code: string;
  readonly locationId: number | null;
};

type ProductRow = {
  id: number;
  sku: string;
  description_fr: string;
  description_en: string;
  description_zh: string;
  lot_tracked: number;
  expiry_tracked: number;
  units_per_case: number;
};

const rowToProduct = (row: ProductRow): ProductRecord => ({
  id: row.id,
  sku: row.sku,
  description: { fr: row.description_fr, en: row.description_en, zh: row.description_zh },
  lotTracked: row.lot_tracked === 1,
  expiryTracked: row.expiry_tracked === 1,
  unitsPerCase: row.units_per_case,
});

const productColumns = sql`p.id, p.sku, p.description_fr, p.description_en, p.description_zh, p.lot_tracked, p.expiry_tracked, p.units_per_case`;

export const productByGtinQuery = (gtin: string): Sql =>
  sql`SELECT ${productColumns}, g.pack_quantity FROM gtin g JOIN product p ON p.id = g.product_id WHERE g.gtin = ${gtin}`;

export function findProductByGtin(read: ReadHandle, gtin: string): (ProductRecord & { packQuantity: number }) | null {
  const row = read.get<ProductRow & { pack_quantity: number }>(productByGtinQuery(gtin));
  return row ? { ...rowToProduct(row), packQuantity: row.pack_quantity } : null;
}

export function findProductBySku(read: ReadHandle, sku: string): ProductRecord | null {
  const row = read.get<ProductRow>(sql`SELECT ${productColumns} FROM product p WHERE p.sku = ${sku}`);
  return row ? rowToProduct(row) : null;
}

export function gtinsOfProduct(read: ReadHandle, productId: number): { gtin: string; packQuantity: number }[] {
  return read
    .all<{ gtin: string; pack_quantity: number }>(sql`SELECT gtin, pack_quantity FROM gtin WHERE product_id = ${productId} ORDER BY pack_quantity, gtin`)
    .map((row) => ({ gtin: row.gtin, packQuantity: row.pack_quantity }));
}

type LocationRow = { id: number; code: string; type: LocationType; zone: string; walk_order: number; active: number };
const rowToLocation = (row: LocationRow): LocationRecord => ({
  id: row.id,
  code: row.code,
  type: row.type,
  zone: row.zone,
  walkOrder: row.walk_order,
  active: row.active === 1,
});

export const locationByCodeQuery = (code: string): Sql => sql`SELECT id, code, type, zone, walk_order, active FROM location WHERE code = ${code}`;

export function findLocationByCode(read: ReadHandle, code: string): LocationRecord | null {
  const row = read.get<LocationRow>(locationByCodeQuery(code));
  return row ? rowToLocation(row) : null;
}

export function findLocationById(read: ReadHandle, id: number): LocationRecord | null {
  const row = read.get<LocationRow>(sql`SELECT id, code, type, zone, walk_order, active FROM location WHERE id = ${id}`);
  return row ? rowToLocation(row) : null;
}

export function allLocations(read: ReadHandle): LocationRecord[] {
  return read.all<LocationRow>(sql`SELECT id, code, type, zone, walk_order, active FROM location`).map(rowToLocation);
}

type ContainerRow = { id: number; kind: ContainerRecord['kind']; code: string; location_id: number | null };

export const containerByCodeQuery = (code: string): Sql => sql`SELECT id, kind, code, location_id FROM container WHERE code = ${code}`;

/** Whether anything is stored at a location (loose or in a container): one index probe. */
export function holdsStock(read: ReadHandle, locationId: number): boolean {
  return read.get(sql`SELECT 1 AS found FROM stock_balance WHERE location_id = ${locationId} AND quantity <> 0 LIMIT 1`) !== undefined;
}

export function containerCodeOf(read: ReadHandle, id: number): string | null {
  return read.get<{ code: string }>(sql`SELECT code FROM container WHERE id = ${id}`)?.code ?? null;
}

export function findContainerByCode(read: ReadHandle, code: string): ContainerRecord | null {
  const row = read.get<ContainerRow>(containerByCodeQuery(code));
  return row ? { id: row.id, kind: row.kind, code: row.code, locationId: row.location_id } : null;
}

/** A container and every container on it (cases on a pallet, and so on): what moves when it moves. */
const containerTree = (containerId: number): Sql => sql`
  WITH RECURSIVE tree (id) AS (
    SELECT ${containerId}
    UNION SELECT c.id FROM container c JOIN tree ON c.parent_id = tree.id AND c.parent_id IS NOT NULL)
  SELECT id FROM tree`;

export function setContainerLocation(tx: WriteHandle, containerId: number, locationId: number): void {
  tx.run(sql`UPDATE container SET location_id = ${locationId} WHERE id IN (${containerTree(containerId)})`);
}

export function findLotId(read: ReadHandle, productId: number, code: string): number | null {
  return read.get<{ id: number }>(sql`SELECT id FROM lot WHERE product_id = ${productId} AND code = ${code}`)?.id ?? null;
}

export function lotCodeOf(read: ReadHandle, lotId: number): string | null {
  return read.get<{ code: string }>(sql`SELECT code FROM lot WHERE id = ${lotId}`)?.code ?? null;
}

export function ensureLot(tx: WriteHandle, productId: number, code: string, expiry: string | null): number {
  const existing = findLotId(tx, productId, code);
  if (existing !== null) return existing;
  return Number(tx.run(sql`INSERT INTO lot (product_id, code, expiry) VALUES (${productId}, ${code}, ${expiry})`).lastInsertRowid);
}

// --- Stock lines -------------------------------------------------------------------------------

type LineRow = {
  sku: string;
  description_fr: string;
  description_en: string;
  description_zh: string;
  location: string;
  location_type: LocationType;
  lot: string | null;
  expiry: string | null;
  container: string | null;
  quantity: number;
};

const rowToLine = (row: LineRow): StockLine => ({
  product: { sku: row.sku, description: { fr: row.description_fr, en: row.description_en, zh: row.description_zh } },
  location: row.location,
  locationType: row.location_type,
  lot: row.lot,
  expiry: row.expiry,
  container: row.container,
  quantity: row.quantity,
});

/** Stock lines with everything a screen names (product, location, lot, container). */
export const linesQuery = (where: Sql, order: Sql): Sql => sql`
      SELECT p.sku, p.description_fr, p.description_en, p.description_zh, l.code AS location, l.type AS location_type,
             lot.code AS lot, lot.expiry, c.code AS container, b.quantity
      FROM stock_balance b
      JOIN product p ON p.id = b.product_id
      JOIN location l ON l.id = b.location_id
      LEFT JOIN lot ON lot.id = b.lot_id
      LEFT JOIN container c ON c.id = b.container_id
      WHERE ${where}
      ORDER BY ${order}`;

export const linesOfProductQuery = (productId: number): Sql => sql`
      SELECT l.code AS location, l.type AS location_type, lot.code AS lot, lot.expiry, c.code AS container, b.quantity
      FROM stock_balance b
      JOIN location l ON l.id = b.location_id
      LEFT JOIN lot ON lot.id = b.lot_id
      LEFT JOIN container c ON c.id = b.container_id
      WHERE b.product_id = ${productId}
      ORDER BY l.walk_order, lot.code, c.code`;
export const linesAtLocationQuery = (locationId: number): Sql => linesQuery(sql`b.location_id = ${locationId}`, sql`p.sku, lot.code, c.code`);
// `<> 0` repeated so SQLite may use the partial index (it cannot prove a bound value is not 0).
/** What is in a container and in the containers on it. */
export const linesInContainerQuery = (containerId: number): Sql =>
  linesQuery(sql`b.container_id IN (${containerTree(containerId)}) AND b.container_id <> 0`, sql`p.sku, lot.code, c.code`);

/**
 * One product's lines: its names are read once, not once per line (a product stored in a hundred
 * places is one look-up's answer: stock.lookup-gtin bench).
 */
export function linesOfProduct(read: ReadHandle, productId: number): StockLine[] {
  const rows = read.all<Omit<LineRow, 'sku' | 'description_fr' | 'description_en' | 'description_zh'>>(linesOfProductQuery(productId));
  if (rows.length === 0) return [];
  const names = read.get<Pick<LineRow, 'sku' | 'description_fr' | 'description_en' | 'description_zh'>>(
    sql`SELECT sku, description_fr, description_en, description_zh FROM product WHERE id = ${productId}`,
  );
  if (!names) return [];
  return rows.map((row) => rowToLine({ ...row, ...names }));
}
export const linesAtLocation = (read: ReadHandle, locationId: number): StockLine[] => read.all<LineRow>(linesAtLocationQuery(locationId)).map(rowToLine);
export const linesInContainer = (read: ReadHandle, containerId: number): StockLine[] => read.all<LineRow>(linesInContainerQuery(containerId)).map(rowToLine);

export type BalanceKey = { readonly productId: number; readonly locationId: number; readonly lotId: number; readonly containerId: number };

/** The lots of one product in one place (loose, or in one container): a primary-key prefix lookup. */
export function lotsAt(read: ReadHandle, productId: number, locationId: number, containerId: number): (BalanceKey & { quantity: number })[] {
  return read
    .all<{ lot_id: number; quantity: number }>(
      sql`
      SELECT lot_id, quantity FROM stock_balance
      WHERE product_id = ${productId} AND location_id = ${locationId} AND container_id = ${containerId}`,
    )
    .map((row) => ({ productId, locationId, lotId: row.lot_id, containerId, quantity: row.quantity }));
}

/** One product's balances at a location, loose and in containers. */
export function balancesOfProductAt(read: ReadHandle, productId: number, locationId: number): (BalanceKey & { quantity: number })[] {
  return read
    .all<{ lot_id: number; container_id: number; quantity: number }>(
      sql`
      SELECT lot_id, container_id, quantity FROM stock_balance WHERE product_id = ${productId} AND location_id = ${locationId}`,
    )
    .map((row) => ({ productId, locationId, lotId: row.lot_id, containerId: row.container_id, quantity: row.quantity }));
}

/** Every balance row at a location, keyed, for counts. */
export function balancesAt(read: ReadHandle, locationId: number): (BalanceKey & { quantity: number })[] {
  return read
    .all<{ product_id: number; location_id: number; lot_id: number; container_id: number; quantity: number }>(
      sql`
      SELECT product_id, location_id, lot_id, container_id, quantity FROM stock_balance WHERE location_id = ${locationId}`,
    )
    .map((row) => ({ productId: row.product_id, locationId: row.location_id, lotId: row.lot_id, containerId: row.container_id, quantity: row.quantity }));
}

/** The balances in a container and in the containers on it. */
export function balancesInContainer(read: ReadHandle, containerId: number): (BalanceKey & { quantity: number })[] {
  return read
    .all<{ product_id: number; location_id: number; lot_id: number; container_id: number; quantity: number }>(
      sql`
      SELECT product_id, location_id, lot_id, container_id, quantity FROM stock_balance
      WHERE container_id IN (${containerTree(containerId)}) AND container_id <> 0
      ORDER BY container_id, product_id, lot_id`,
    )
    .map((row) => ({ productId: row.product_id, locationId: row.location_id, lotId: row.lot_id, containerId: row.container_id, quantity: row.quantity }));
}

/** Adds `delta` to a balance, removing the row when it reaches zero; returns the new quantity. */
export function addToBalance(tx: WriteHandle, key: Readonly<BalanceKey>, delta: number): number {
  const row = tx.get<{ quantity: number }>(sql`
    INSERT INTO stock_balance (product_id, location_id, lot_id, container_id, quantity)
    VALUES (${key.productId}, ${key.locationId}, ${key.lotId}, ${key.containerId}, ${delta})
    ON CONFLICT (product_id, location_id, lot_id, container_id) DO UPDATE SET quantity = quantity + excluded.quantity
    RETURNING quantity`);
  const quantity = row?.quantity ?? delta;
  if (quantity === 0) {
    tx.run(sql`
      DELETE FROM stock_balance
      WHERE product_id = ${key.productId} AND location_id = ${key.locationId} AND lot_id = ${key.lotId} AND container_id = ${key.containerId}`);
  }
  return quantity;
}

export type NewMovement = {
  readonly at: number;
  readonly userId: number | null;
  readonly kind: MovementKind;
  readonly productId: number;
  readonly lotId: number | null;
  readonly fromLocationId: number | null;
  readonly fromContainerId: number | null;
  readonly toLocationId: number | null;
  readonly toContainerId: number | null;
  readonly quantity: number;
  readonly reason: string | null;
  readonly scan: string | null;
};

export function insertMovement(tx: WriteHandle, m: Readonly<NewMovement>): number {
  return Number(
    tx.run(sql`
      INSERT INTO movement (at, user_id, kind, product_id, lot_id, from_location_id, from_container_id, to_location_id, to_container_id, quantity, reason, scan)
      VALUES (${m.at}, ${m.userId}, ${m.kind}, ${m.productId}, ${m.lotId}, ${m.fromLocationId}, ${m.fromContainerId},
              ${m.toLocationId}, ${m.toContainerId}, ${m.quantity}, ${m.reason}, ${m.scan})`).lastInsertRowid,
  );
}
