import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createRandom, generateLocations, generateProducts } from '../electron/demo-central/generate';
import { silentLogger } from '../electron/platform/logging';
import { fileSecretStore } from '../electron/platform/secrets';
import { createCore, type Core } from '../electron/main/core';
import { migration0002 } from '../electron/main/db/migrations/0002-stock';
import { migrations } from '../electron/main/db/migrations';
import type { Caller } from '../electron/main/ipc/registrar';

/** The scale the issue asks for: 50,000 products, 20,000 locations, 5,000,000 movements. */
export const scale = { products: 50_000, locations: 20_000, movements: 5_000_000, seed: 42 } as const;

export const benchCaller: Caller = { trusted: true, description: 'bench' };
export const lead = { badge: 'BADGE-BENCH', pin: '2580' } as const;

export type ScaleFixture = { readonly dataDir: string; readonly gtins: readonly string[]; readonly stocked: readonly { gtin: string; location: string }[] };

const root = join(import.meta.dirname, '../node_modules/.cache/quai-bench');
const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

/** A station of a site of its own in `dataDir`, with an admin and the bench's shift lead (`lead`), closed again. */
export async function createBenchSite(dataDir: string): Promise<void> {
  const core = createCore({ dataDir, log: silentLogger(), secrets: fileSecretStore(dataDir) });
  await core.dispatch(
    'setup:create-site',
    { siteCode: 'BENCH', siteName: 'Bench', locale: 'fr', admin: { name: 'Admin', badge: 'BADGE-ADMIN', pin: '1234' } },
    benchCaller,
  );
  await core.dispatch('auth:login', { badge: 'BADGE-ADMIN', pin: '1234' }, benchCaller);
  await core.dispatch('auth:create-user', { name: 'Bench lead', badge: lead.badge, role: 'shift_lead', pin: lead.pin }, benchCaller);
  await core.close();
}

/**
 * Builds (once, then reuses) a station database at scale. Catalogue and locations come from the demo
 * generator; movements are random moves between locations that never take more than is there, so
 * the ledger invariant holds; balances are then derived from the ledger in one statement.
 */
export async function scaleFixture(): Promise<ScaleFixture> {
  const dataDir = join(root, `stock-scale-v${migrations.length}-${scale.movements}`);
  const fixtureFile = join(dataDir, 'fixture.json');
  if (existsSync(fixtureFile)) return JSON.parse(readFileSync(fixtureFile, 'utf8')) as ScaleFixture;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  log(`building the scale database in ${dataDir} (once; a few minutes)…`);

  await createBenchSite(dataDir);

  const db = new BetterSqlite3(join(dataDir, 'quai.sqlite3'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const random = createRandom(scale.seed);
  const products = generateProducts(random.fork('products'), scale.products);
  const locations = generateLocations(random.fork('locations'), scale.locations);

  const insertProduct = db.prepare(
    'INSERT INTO product (sku, description_fr, description_en, description_zh, lot_tracked, expiry_tracked, units_per_case) VALUES (?, ?, ?, ?, 0, 0, ?)',
  );
  const insertGtin = db.prepare('INSERT INTO gtin (gtin, product_id, pack_quantity) VALUES (?, ?, ?)');
  const insertLocation = db.prepare('INSERT INTO location (code, type, zone, walk_order) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const product of products) {
      const id = Number(
        insertProduct.run(product.sku, product.description.fr, product.description.en, product.description.zh, product.unitsPerCase).lastInsertRowid,
      );
      for (const gtin of product.gtins) insertGtin.run(gtin.gtin, id, gtin.packQuantity);
    }
    for (const location of locations) insertLocation.run(location.code, location.type, location.zone, location.walkOrder);
  })();
  log(`${products.length} products, ${locations.length} locations`);

  // Bulk load without the movement indexes, then build them: the same indexes the migration creates.
  const movementIndexes = migration0002.up.match(/CREATE INDEX movement_[^;]+;/g) ?? [];
  for (const statement of movementIndexes) db.exec(`DROP INDEX ${/CREATE INDEX (\w+)/.exec(statement)?.[1] ?? ''}`);
  const insertMovement = db.prepare(
    'INSERT INTO movement (at, user_id, kind, product_id, from_location_id, to_location_id, quantity) VALUES (?, NULL, ?, ?, ?, ?, ?)',
  );
  const balance = new Map<number, number>();
  const keys: number[] = [];
  const key = (product: number, location: number): number => product * 100_000 + location;
  const moves = random.fork('movements');
  const openings = 100_000;
  let at = Date.parse('2026-01-01T00:00:00Z');
  const batch = 100_000;
  for (let start = 0; start < scale.movements; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(scale.movements, start + batch); i += 1) {
        at += 1000;
        if (i < openings) {
          const product = (i % scale.products) + 1;
          const location = moves.int(1, scale.locations);
          const k = key(product, location);
          if (!balance.has(k)) keys.push(k);
          balance.set(k, (balance.get(k) ?? 0) + 500);
          insertMovement.run(at, 'opening', product, null, location, 500);
          continue;
        }
        let from = keys[moves.int(0, keys.length - 1)] ?? 0;
        while ((balance.get(from) ?? 0) < 3) from = keys[moves.int(0, keys.length - 1)] ?? 0;
        const product = Math.floor(from / 100_000);
        const to = moves.int(1, scale.locations);
        const quantity = moves.int(1, 3);
        const k = key(product, to);
        balance.set(from, (balance.get(from) ?? 0) - quantity);
        if (!balance.has(k)) keys.push(k);
        balance.set(k, (balance.get(k) ?? 0) + quantity);
        insertMovement.run(at, 'move', product, from % 100_000, to, quantity);
      }
    })();
    if ((start / batch) % 10 === 0) log(`${start + batch} movements`);
  }
  for (const statement of movementIndexes) db.exec(statement);
  db.exec(`
    INSERT INTO stock_balance (product_id, location_id, lot_id, container_id, quantity)
    SELECT product_id, location_id, 0, 0, sum(q) FROM (
      SELECT product_id, to_location_id AS location_id, quantity AS q FROM movement WHERE to_location_id IS NOT NULL
      UNION ALL SELECT product_id, from_location_id, -quantity FROM movement WHERE from_location_id IS NOT NULL)
    GROUP BY product_id, location_id HAVING sum(q) <> 0`);

  const stocked = db
    .prepare(
      `SELECT g.gtin, l.code AS location FROM stock_balance b JOIN gtin g ON g.product_id = b.product_id AND g.pack_quantity = 1
       JOIN location l ON l.id = b.location_id WHERE b.quantity >= 400 AND b.container_id = 0 ORDER BY b.product_id LIMIT 500`,
    )
    .all() as { gtin: string; location: string }[];
  const gtins = (db.prepare('SELECT gtin FROM gtin ORDER BY gtin').all() as { gtin: string }[]).map((row) => row.gtin);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();

  const fixture: ScaleFixture = { dataDir, gtins, stocked };
  writeFileSync(fixtureFile, JSON.stringify(fixture));
  log('scale database ready');
  return fixture;
}

/** A core on the scale database with a shift lead logged in, as a station would be during a shift. */
export async function openScaleCore(fixture: ScaleFixture): Promise<Core> {
  const core = createCore({ dataDir: fixture.dataDir, log: silentLogger(), secrets: fileSecretStore(fixture.dataDir) });
  const login = await core.dispatch('auth:login', lead, benchCaller);
  if (!login.ok) throw new Error(`bench login failed: ${login.error.code}`);
  return core;
}
