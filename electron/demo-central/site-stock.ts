import type { ReadHandle, WriteHandle } from '../platform/db/connection';
import { sql, type Sql } from '../platform/db/sql';
import type { MovementDelta } from '../../shared/sync/protocol';

/** One line of the site's stock as the centre has it; `null` container or lot = none. */
export type SiteStockRow = {
  readonly location: string;
  readonly container: string | null;
  readonly sku: string;
  readonly lot: string | null;
  readonly expiry: string | null;
  readonly quantity: number;
};

type Row = { location: string; container: string; sku: string; lot: string; expiry: string | null; quantity: number };

export const rowToStock = (row: Readonly<Row>): SiteStockRow => ({
  location: row.location,
  container: row.container === '' ? null : row.container,
  sku: row.sku,
  lot: row.lot === '' ? null : row.lot,
  expiry: row.expiry,
  quantity: row.quantity,
});

/** A line this event took below zero, and the event that changed it before (when there was one). */
export type Shortfall = {
  readonly location: string;
  readonly container: string | null;
  readonly sku: string;
  readonly lot: string | null;
  readonly quantity: number;
  readonly previousEventId: string | null;
};

/**
 * Applies an event's ledger deltas to the site's one stock (docs/protocol.md, push): `from` loses,
 * `to` gains; a null location is outside the warehouse. Stock arriving at a new place keeps the
 * expiry it had where it came from. A line may go below zero — two stations offline took the same
 * last units — and is returned, with the event that last changed it, for the exception.
 */
export function applyMovements(tx: WriteHandle, eventId: string, movements: readonly Readonly<MovementDelta>[]): Shortfall[] {
  const shortfalls: Shortfall[] = [];
  for (const movement of movements) {
    const lot = movement.lot ?? '';
    let expiry: string | null = null;
    if (movement.from.location !== null) {
      const container = movement.from.container ?? '';
      const before = tx.get<{ expiry: string | null; quantity: number; last_event_id: string | null }>(sql`
        SELECT expiry, quantity, last_event_id FROM site_stock
        WHERE location = ${movement.from.location} AND container = ${container} AND sku = ${movement.sku} AND lot = ${lot}`);
      expiry = before?.expiry ?? null;
      const after = addQuantity(tx, eventId, movement.from.location, container, movement.sku, lot, null, -movement.quantity);
      if (after < 0 && (before?.quantity ?? 0) >= 0) {
        shortfalls.push({
          location: movement.from.location,
          container: movement.from.container,
          sku: movement.sku,
          lot: movement.lot,
          quantity: after,
          previousEventId: before?.last_event_id ?? null,
        });
      }
    }
    if (movement.to.location !== null) {
      addQuantity(tx, eventId, movement.to.location, movement.to.container ?? '', movement.sku, lot, expiry, movement.quantity);
    }
  }
  return shortfalls;
}

function addQuantity(
  tx: WriteHandle,
  eventId: string,
  location: string,
  container: string,
  sku: string,
  lot: string,
  expiry: string | null,
  delta: number,
): number {
  const row = tx.get<{ quantity: number }>(sql`
    INSERT INTO site_stock (location, container, sku, lot, expiry, quantity, last_event_id)
    VALUES (${location}, ${container}, ${sku}, ${lot}, ${expiry}, ${delta}, ${eventId})
    ON CONFLICT (location, container, sku, lot)
    DO UPDATE SET quantity = quantity + excluded.quantity, expiry = coalesce(expiry, excluded.expiry), last_event_id = excluded.last_event_id
    RETURNING quantity`);
  // An emptied line stays, at zero, with the event that emptied it (named if another takes it below
  // zero); every read leaves zero lines out, as a stock report would.
  return row?.quantity ?? delta;
}

/** Every line of the site's stock, in location order (GET /v1/test/stock). */
export function readSiteStock(read: ReadHandle): SiteStockRow[] {
  return read
    .all<Row>(sql`SELECT location, container, sku, lot, expiry, quantity FROM site_stock WHERE quantity <> 0 ORDER BY location, container, sku, lot`)
    .map(rowToStock);
}

export type StockKey = readonly [location: string, container: string, sku: string, lot: string];

/** A copy of the site's stock for one bootstrap, kept an hour: every page of it is the same moment. */
const keepSnapshotMs = 60 * 60_000;

export function takeStockSnapshot(tx: WriteHandle, now: number): number {
  tx.run(sql`DELETE FROM stock_snapshot WHERE snapshot_id IN (SELECT snapshot_id FROM stock_snapshot_taken WHERE taken_at < ${now - keepSnapshotMs})`);
  tx.run(sql`DELETE FROM stock_snapshot_taken WHERE taken_at < ${now - keepSnapshotMs}`);
  const id = Number(tx.run(sql`INSERT INTO stock_snapshot_taken (taken_at) VALUES (${now})`).lastInsertRowid);
  tx.run(sql`
    INSERT INTO stock_snapshot (snapshot_id, location, container, sku, lot, expiry, quantity)
    SELECT ${id}, location, container, sku, lot, expiry, quantity FROM site_stock WHERE quantity <> 0`);
  return id;
}

export const snapshotExists = (read: ReadHandle, snapshotId: number): boolean =>
  read.get(sql`SELECT 1 AS found FROM stock_snapshot_taken WHERE snapshot_id = ${snapshotId}`) !== undefined;

export const snapshotPageQuery = (snapshotId: number, after: StockKey | null, limit: number): Sql => {
  const [location, container, sku, lot] = after ?? ['', '', '', ''];
  return sql`
    SELECT location, container, sku, lot, expiry, quantity FROM stock_snapshot
    WHERE snapshot_id = ${snapshotId} AND (location, container, sku, lot) > (${location}, ${container}, ${sku}, ${lot})
    ORDER BY location, container, sku, lot LIMIT ${limit}`;
};

export function readSnapshotPage(read: ReadHandle, snapshotId: number, after: StockKey | null, limit: number): (SiteStockRow & { key: StockKey })[] {
  const rows = read.all<Row>(snapshotPageQuery(snapshotId, after, limit));
  return rows.map((row) => ({ ...rowToStock(row), key: [row.location, row.container, row.sku, row.lot] as const }));
}

export function countStockLines(read: ReadHandle): number {
  return read.get<{ n: number }>(sql`SELECT count(*) AS n FROM site_stock WHERE quantity <> 0`)?.n ?? 0;
}

/** The stock of the locations of one zone (reconciliation drill-down). */
export function readZoneStock(read: ReadHandle, locations: readonly string[]): SiteStockRow[] {
  if (locations.length === 0) return [];
  const wanted = new Set(locations);
  return readSiteStock(read).filter((row) => wanted.has(row.location));
}
