import { movementsOf, type EventType } from '../../../shared/sync/station-events';
import type { WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { SyncFailure } from './client';
import { addDeltas, createLookups, type StockKeyed } from './site-ledger';

/**
 * The end of a bootstrap (issue #9): the site's stock, staged page by page in `bootstrap_stock`, is
 * applied whole, in one transaction, so a station killed while it loads comes back with either its
 * stock before the bootstrap or the site's — never a fraction. The station's stock becomes what the
 * centre confirmed at the snapshot plus this station's own events the snapshot did not include
 * (seq above the snapshot's last processed seq): differences are written as `opening` movements
 * into an empty ledger, `resync` movements otherwise, so balance = sum of movements still holds.
 *
 * Set-based SQL over temporary tables, not a statement per line: the transaction holds the main
 * thread, and a site's few thousand lines must stay well inside a 50 ms task (docs/design.md §3).
 */
export function applyStagedStock(tx: WriteHandle, snapshotSeq: number, at: number): { readonly lines: number; readonly changed: number } {
  const staged = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM bootstrap_stock`)?.n ?? 0;
  // Every staged line must land on a product and a location this station has (the snapshot sends them first).
  const unplaced = tx.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM bootstrap_stock s
    WHERE NOT EXISTS (SELECT 1 FROM product p WHERE p.sku = s.sku) OR NOT EXISTS (SELECT 1 FROM location l WHERE l.code = s.location)`)?.n;
  if (unplaced) throw new SyncFailure('protocol', `the snapshot has ${unplaced} stock lines for products or locations it did not send`);

  tx.run(sql`
    INSERT INTO container (kind, code, location_id, created_at)
    SELECT CASE WHEN length(s.container) = 18 AND s.container GLOB '[0-9]*' THEN 'pallet' ELSE 'tote' END, s.container, min(l.id), ${at}
    FROM bootstrap_stock s JOIN location l ON l.code = s.location
    WHERE s.container <> '' GROUP BY s.container
    ON CONFLICT (code) DO NOTHING`);
  tx.run(sql`
    INSERT INTO lot (product_id, code, expiry)
    SELECT p.id, s.lot, max(s.expiry) FROM bootstrap_stock s JOIN product p ON p.sku = s.sku
    WHERE s.lot <> '' GROUP BY p.id, s.lot
    ON CONFLICT (product_id, code) DO NOTHING`);

  tx.run(sql`DROP TABLE IF EXISTS temp.resync_target`);
  tx.run(sql`
    CREATE TEMP TABLE resync_target (
      product_id INTEGER NOT NULL, location_id INTEGER NOT NULL, lot_id INTEGER NOT NULL, container_id INTEGER NOT NULL, quantity INTEGER NOT NULL,
      PRIMARY KEY (product_id, location_id, lot_id, container_id)) WITHOUT ROWID`);
  tx.run(sql`
    INSERT INTO temp.resync_target (product_id, location_id, lot_id, container_id, quantity)
    SELECT p.id, l.id, coalesce(lot.id, 0), coalesce(c.id, 0), sum(s.quantity)
    FROM bootstrap_stock s JOIN product p ON p.sku = s.sku JOIN location l ON l.code = s.location
    LEFT JOIN lot ON lot.product_id = p.id AND lot.code = s.lot AND s.lot <> ''
    LEFT JOIN container c ON c.code = s.container AND s.container <> ''
    GROUP BY 1, 2, 3, 4`);

  // This station's events the snapshot did not include: a few at most, added line by line.
  const own = new Map<string, StockKeyed>();
  for (const event of tx.all<{ type: EventType; payload: string }>(sql`SELECT type, payload FROM outbox WHERE seq > ${snapshotSeq} ORDER BY seq`)) {
    addDeltas(own, movementsOf(event.type, JSON.parse(event.payload)));
  }
  const lookups = createLookups();
  for (const line of own.values()) {
    const productId = lookups.product(tx, line.sku);
    const locationId = lookups.location(tx, line.location);
    if (productId === null || locationId === null || line.quantity === 0) continue;
    const lotId = line.lot === null ? 0 : (tx.get<{ id: number }>(sql`SELECT id FROM lot WHERE product_id = ${productId} AND code = ${line.lot}`)?.id ?? 0);
    const containerId = line.container === null ? 0 : (tx.get<{ id: number }>(sql`SELECT id FROM container WHERE code = ${line.container}`)?.id ?? 0);
    tx.run(sql`
      INSERT INTO temp.resync_target (product_id, location_id, lot_id, container_id, quantity) VALUES (${productId}, ${locationId}, ${lotId}, ${containerId}, ${line.quantity})
      ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity`);
  }

  tx.run(sql`DROP TABLE IF EXISTS temp.resync_diff`);
  tx.run(sql`
    CREATE TEMP TABLE resync_diff AS
    SELECT coalesce(t.product_id, b.product_id) AS product_id, coalesce(t.location_id, b.location_id) AS location_id,
           coalesce(t.lot_id, b.lot_id) AS lot_id, coalesce(t.container_id, b.container_id) AS container_id,
           coalesce(t.quantity, 0) - coalesce(b.quantity, 0) AS delta
    FROM temp.resync_target t FULL OUTER JOIN stock_balance b
      ON b.product_id = t.product_id AND b.location_id = t.location_id AND b.lot_id = t.lot_id AND b.container_id = t.container_id
    WHERE coalesce(t.quantity, 0) <> coalesce(b.quantity, 0)`);

  const kind = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM movement`)?.n === 0 ? 'opening' : 'resync';
  const changed = tx.run(sql`
    INSERT INTO movement (at, user_id, kind, product_id, lot_id, from_location_id, from_container_id, to_location_id, to_container_id, quantity)
    SELECT ${at}, NULL, ${kind}, product_id, nullif(lot_id, 0),
           CASE WHEN delta < 0 THEN location_id END, CASE WHEN delta < 0 THEN nullif(container_id, 0) END,
           CASE WHEN delta > 0 THEN location_id END, CASE WHEN delta > 0 THEN nullif(container_id, 0) END, abs(delta)
    FROM temp.resync_diff`).changes;
  tx.run(sql`
    INSERT INTO stock_balance (product_id, location_id, lot_id, container_id, quantity)
    SELECT product_id, location_id, lot_id, container_id, delta FROM temp.resync_diff WHERE true
    ON CONFLICT (product_id, location_id, lot_id, container_id) DO UPDATE SET quantity = quantity + excluded.quantity`);
  tx.run(
    sql`DELETE FROM stock_balance WHERE quantity = 0 AND (product_id, location_id, lot_id, container_id) IN (SELECT product_id, location_id, lot_id, container_id FROM temp.resync_diff)`,
  );
  // A pallet or tote is where its goods are.
  // One pass over the lines (UPDATE … FROM), not a scan of them per container.
  tx.run(sql`
    UPDATE container SET location_id = t.location_id
    FROM (SELECT container_id, min(location_id) AS location_id FROM temp.resync_target WHERE container_id <> 0 AND quantity > 0 GROUP BY container_id) t
    WHERE container.id = t.container_id`);

  tx.run(sql`DROP TABLE temp.resync_diff`);
  tx.run(sql`DROP TABLE temp.resync_target`);
  tx.run(sql`DELETE FROM bootstrap_stock`);
  return { lines: staged, changed };
}
