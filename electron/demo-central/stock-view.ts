import type { ReadHandle, WriteHandle } from '../platform/db/connection';
import { sql, type Sql } from '../platform/db/sql';
import type { MovementDelta } from '../../shared/sync/protocol';

/** One line of the centre's view of a station's stock; `null` container or lot = none. */
export type StockViewRow = {
  readonly location: string;
  readonly container: string | null;
  readonly sku: string;
  readonly lot: string | null;
  readonly expiry: string | null;
  readonly quantity: number;
};

type Row = { location: string; container: string; sku: string; lot: string; expiry: string | null; quantity: number };

export const rowToStockView = (row: Readonly<Row>): StockViewRow => ({
  location: row.location,
  container: row.container === '' ? null : row.container,
  sku: row.sku,
  lot: row.lot === '' ? null : row.lot,
  expiry: row.expiry,
  quantity: row.quantity,
});

/** A new station's view is the stock the centre generated for the warehouse (DESIGN §4: deltas from there). */
export function seedStationStock(tx: WriteHandle, stationId: string): void {
  tx.run(sql`
    INSERT INTO stock_view (station_id, location, container, sku, lot, expiry, quantity)
    SELECT ${stationId}, location, container, sku, lot, expiry, quantity FROM opening_stock`);
}

/**
 * Applies an event's ledger deltas (docs/protocol.md, push): `from` loses, `to` gains; a null
 * location is outside the warehouse and not in the view. Stock arriving at a new place keeps the
 * expiry it had where it came from. Quantities may go below zero: the station owns the physical
 * facts, and the daily reconciliation is where a difference is looked at, not here.
 */
export function applyMovements(tx: WriteHandle, stationId: string, movements: readonly Readonly<MovementDelta>[]): void {
  for (const movement of movements) {
    const lot = movement.lot ?? '';
    let expiry: string | null = null;
    if (movement.from.location !== null) {
      const container = movement.from.container ?? '';
      expiry =
        tx.get<{ expiry: string | null }>(sql`
          SELECT expiry FROM stock_view
          WHERE station_id = ${stationId} AND location = ${movement.from.location} AND container = ${container} AND sku = ${movement.sku} AND lot = ${lot}`)
          ?.expiry ?? null;
      addQuantity(tx, stationId, movement.from.location, container, movement.sku, lot, null, -movement.quantity);
    }
    if (movement.to.location !== null) {
      addQuantity(tx, stationId, movement.to.location, movement.to.container ?? '', movement.sku, lot, expiry, movement.quantity);
    }
  }
}

function addQuantity(
  tx: WriteHandle,
  stationId: string,
  location: string,
  container: string,
  sku: string,
  lot: string,
  expiry: string | null,
  delta: number,
): void {
  tx.run(sql`
    INSERT INTO stock_view (station_id, location, container, sku, lot, expiry, quantity)
    VALUES (${stationId}, ${location}, ${container}, ${sku}, ${lot}, ${expiry}, ${delta})
    ON CONFLICT (station_id, location, container, sku, lot)
    DO UPDATE SET quantity = quantity + excluded.quantity, expiry = coalesce(expiry, excluded.expiry)`);
  // An emptied place leaves the view, as it would leave a stock report.
  tx.run(sql`
    DELETE FROM stock_view
    WHERE station_id = ${stationId} AND location = ${location} AND container = ${container} AND sku = ${sku} AND lot = ${lot} AND quantity = 0`);
}

/** Every line of the station's view, in location order (GET /v1/test/stock). */
export function readStockView(read: ReadHandle, stationId: string): StockViewRow[] {
  return read
    .all<Row>(
      sql`
      SELECT location, container, sku, lot, expiry, quantity FROM stock_view
      WHERE station_id = ${stationId} ORDER BY location, container, sku, lot`,
    )
    .map(rowToStockView);
}

export type StockViewKey = readonly [location: string, container: string, sku: string, lot: string];

/** A page of positive lines after `after`, in key order: what bootstrap sends as opening stock. */
export const stockViewPageQuery = (stationId: string, after: StockViewKey | null, limit: number): Sql => {
  const [location, container, sku, lot] = after ?? ['', '', '', ''];
  return sql`
    SELECT location, container, sku, lot, expiry, quantity FROM stock_view
    WHERE station_id = ${stationId} AND quantity > 0
      AND (location, container, sku, lot) > (${location}, ${container}, ${sku}, ${lot})
    ORDER BY location, container, sku, lot LIMIT ${limit}`;
};

export function readStockViewPage(read: ReadHandle, stationId: string, after: StockViewKey | null, limit: number): (StockViewRow & { key: StockViewKey })[] {
  const rows = read.all<Row>(stockViewPageQuery(stationId, after, limit));
  return rows.map((row) => ({ ...rowToStockView(row), key: [row.location, row.container, row.sku, row.lot] as const }));
}

export function countPositiveStock(read: ReadHandle, stationId: string): number {
  return read.get<{ n: number }>(sql`SELECT count(*) AS n FROM stock_view WHERE station_id = ${stationId} AND quantity > 0`)?.n ?? 0;
}
