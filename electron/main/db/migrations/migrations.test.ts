import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../platform/db/connection';
import type { Migration } from '../../../platform/db/migration';
import { sql } from '../../../platform/db/sql';
import { migrations } from './index';

/**
 * The station's migrations: numbered without gaps, never edited once shipped, and each one
 * carries the data of the version before it across (a station is upgraded with its stock in it).
 */

/** SHA-256 of each shipped migration's `up` (SQL text, or a data migration's source). A new migration adds its line. */
const shipped: Readonly<Record<number, string>> = {
  1: 'c92d7832d9f773c5f446749fa79bcd3c63e40a65562b75768a1088006028c089',
  2: '882e82ecfee354e3187377454aad6fe430068390cab381f81bbca372693addcf',
  3: '9944d01e587213ac40a775b2f01d1bc18dbed3d7c02becefdc417e34fd383260',
  4: 'cea24e237c09a8e01dc2eee6f6111daf3414a85971ec5c580b609be4b616ef57',
  5: '9d0c0de56ce3eddcb492731d2300e5dbd31b8a42b83e1406be92db4c2c6cdcb0',
  6: 'a3231822acc9db2478a803482e5c03f75e04fbdb8ee8559919d621559f2cad56',
  7: '68209e10352a015d7200fec33a4a9539f00ff94ea7071b30b3f6af95424fe0e0',
  8: '8bbaba9d75a1d1e9d0819d298c5a10dbca5933bc55f4f6941b1d5213db4e0c52',
  9: 'b1768f172ec0db7898eaeffc44805f52b500a5f821af28371ab7586c98b7f54b',
  10: 'bdbb5dcca466d596b1d4339841f8d99b728ace61d8e997db093458fce24a6aa7',
  11: 'bfed3918755555966bca7af5710260f48ec623a20f50afde29cf41cd23b6aecd',
  12: '78a87159e8f33eed7a4901fedfe5bfeb159a5485e87c48d1c8b101064c8af8b8',
  13: '4339ac018e9c402f71672807a7b1fdb115da1b4bdb0c4ddd24c5cf463c92cf78',
};

const fingerprint = (migration: Migration): string =>
  createHash('sha256')
    .update(typeof migration.up === 'string' ? migration.up : migration.up.toString())
    .digest('hex');

const dirs: string[] = [];
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A database at `version`, filled by `seed`, then closed: what an older station left on disk. */
function databaseAt(version: number, seed: (db: Database) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'quai-migrate-'));
  dirs.push(dir);
  const file = join(dir, 'quai.sqlite3');
  const db = openDatabase(file, { migrations: migrations.slice(0, version) });
  db.write(() => seed(db));
  db.close();
  return file;
}

function upgrade(file: string): Database {
  const db = openDatabase(file, { migrations });
  opened.push(db);
  return db;
}

const exec = (db: Database, text: string): void => {
  db.raw.exec(text);
};

describe('station migrations', () => {
  it('are numbered 1, 2, 3 … without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('are never edited once shipped: each one has the fingerprint it shipped with', () => {
    for (const migration of migrations) {
      expect(shipped[migration.version], `record migration ${migration.version}'s fingerprint in this test when it ships`).toBeDefined();
      expect(fingerprint(migration), `migration ${migration.version} (${migration.name}) was edited: add a new migration instead`).toBe(
        shipped[migration.version],
      );
    }
  });

  it('2 keeps the people and the audit of a version-1 station', () => {
    const file = databaseAt(1, (db) =>
      exec(
        db,
        `INSERT INTO app_user (name, badge, role, pin_hash, locale, created_at) VALUES ('Ana', 'BADGE-ANA', 'admin', 'scrypt$1$1$1$a$b', 'fr', 1);
         INSERT INTO audit (at, user_id, action, outcome) VALUES (2, 1, 'auth:login', 'ok');`,
      ),
    );
    const db = upgrade(file);
    expect(db.read.all(sql`SELECT badge FROM app_user`)).toEqual([{ badge: 'BADGE-ANA' }]);
    expect(db.read.all(sql`SELECT action FROM audit`)).toEqual([{ action: 'auth:login' }]);
  });

  it('3 keeps the stock of a version-2 station', () => {
    const file = databaseAt(2, (db) =>
      exec(
        db,
        `INSERT INTO product (id, sku, description_fr, description_en, description_zh) VALUES (1, 'SKU-1', 'Coque', 'Case', '手机壳');
         INSERT INTO location (id, code, type, zone, walk_order) VALUES (1, 'A-01-01-1', 'storage', 'A', 1);
         INSERT INTO movement (at, kind, product_id, to_location_id, quantity) VALUES (1, 'opening', 1, 1, 12);
         INSERT INTO stock_balance (product_id, location_id, quantity) VALUES (1, 1, 12);`,
      ),
    );
    const db = upgrade(file);
    expect(db.read.get(sql`SELECT quantity FROM stock_balance`)).toEqual({ quantity: 12 });
  });

  it('4 carries a version-3 station across: people get site ids, the ledger keeps its rows, orders and ASNs keep their lines', () => {
    const file = databaseAt(3, (db) =>
      exec(
        db,
        `INSERT INTO app_user (name, badge, role, pin_hash, locale, created_at) VALUES ('Ana', 'BADGE-ANA', 'admin', 'scrypt$1$1$1$a$b', 'fr', 1),
                                                                                    ('Bo', 'BADGE-BO', 'picker', 'scrypt$1$1$1$c$d', 'en', 2);
         INSERT INTO site (id, code, name, created_at) VALUES (1, 'PAR-01', 'Paris', 1);
         INSERT INTO product (id, sku, description_fr, description_en, description_zh) VALUES (1, 'SKU-1', 'Coque', 'Case', '手机壳');
         INSERT INTO location (id, code, type, zone, walk_order) VALUES (1, 'A-01-01-1', 'storage', 'A', 1), (2, 'A-01-02-1', 'storage', 'A', 2);
         INSERT INTO movement (at, user_id, kind, product_id, from_location_id, to_location_id, quantity) VALUES (1, NULL, 'opening', 1, NULL, 1, 12), (2, 1, 'move', 1, 1, 2, 5);
         INSERT INTO stock_balance (product_id, location_id, quantity) VALUES (1, 1, 7), (1, 2, 5);
         INSERT INTO outbox (seq, event_id, type, occurred_at, payload) VALUES (1, '01900000-0000-7000-8000-000000000001', 'stock.moved', 2, '{"movements":[]}');
         INSERT INTO customer_order (order_id, ship_date, carrier, service, cutoff, status, version, pulled_at) VALUES ('O-1', '2026-11-27', 'dpd', 'Predict', '2026-11-27T10:30:00Z', 'open', 2, 1);
         INSERT INTO customer_order_line (order_id, line_no, sku, quantity) VALUES ('O-1', 1, 'SKU-1', 2), ('O-1', 2, 'SKU-1', 1);
         INSERT INTO asn (asn_id, expected_on, supplier, status, pulled_at) VALUES ('ASN-1', '2026-11-27', 'Shenzhen', 'expected', 1);
         INSERT INTO asn_pallet (sscc, asn_id) VALUES ('376123450000000017', 'ASN-1');
         INSERT INTO asn_line (sscc, line_no, gtin, sku, quantity) VALUES ('376123450000000017', 1, '06901234567892', 'SKU-1', 40);`,
      ),
    );
    const db = upgrade(file);
    const people = db.read.all<{ badge: string; person_id: string }>(sql`SELECT badge, person_id FROM app_user ORDER BY id`);
    expect(people.map((p) => p.badge)).toEqual(['BADGE-ANA', 'BADGE-BO']);
    expect(new Set(people.map((p) => p.person_id)).size).toBe(2);
    for (const person of people) expect(person.person_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(db.read.all(sql`SELECT kind, quantity, user_id FROM movement ORDER BY id`)).toEqual([
      { kind: 'opening', quantity: 12, user_id: null },
      { kind: 'move', quantity: 5, user_id: 1 },
    ]);
    expect(db.read.get(sql`SELECT time_zone FROM site`)).toEqual({ time_zone: 'Europe/Paris' });
    expect(db.read.get(sql`SELECT stock_loaded, bootstrap_page FROM sync_state`)).toEqual({ stock_loaded: 1, bootstrap_page: null });
    expect(db.read.all(sql`SELECT line_no, gone_at FROM customer_order_line ORDER BY line_no`)).toEqual([
      { line_no: 1, gone_at: null },
      { line_no: 2, gone_at: null },
    ]);
    expect(db.read.get(sql`SELECT count(*) AS n FROM asn_line`)).toEqual({ n: 1 });
    expect(db.read.get(sql`SELECT schema_version FROM outbox`)).toEqual({ schema_version: 1 });
    // The rebuilt tables still hold their foreign keys, and nothing points nowhere.
    expect(db.raw.pragma('foreign_key_check')).toEqual([]);
    expect(db.raw.pragma('foreign_key_list(customer_order_line)')).toEqual([expect.objectContaining({ table: 'customer_order' })]);
    // The ledger's new kind is allowed, and so are the migrated rows' old ones.
    db.write((tx) => tx.run(sql`INSERT INTO movement (at, kind, product_id, to_location_id, quantity) VALUES (3, 'resync', 1, 1, 1)`));
  });

  it('4 leaves a station that never loaded stock marked as such', () => {
    const db = upgrade(databaseAt(3, () => undefined));
    expect(db.read.get(sql`SELECT stock_loaded FROM sync_state`)).toEqual({ stock_loaded: 0 });
  });

  it('8 keeps the site of a version-7 station, with no limits of its own yet', () => {
    const file = databaseAt(7, (db) =>
      exec(db, `INSERT INTO site (id, code, name, created_at, time_zone, version) VALUES (1, 'PAR-01', 'Paris', 1, 'Europe/Paris', 3);`),
    );
    const db = upgrade(file);
    expect(db.read.get(sql`SELECT code, time_zone, version, run_limits FROM site`)).toEqual({
      code: 'PAR-01',
      time_zone: 'Europe/Paris',
      version: 3,
      run_limits: null,
    });
  });

  it('9 keeps the limits of a version-8 station and gives it no run yet', () => {
    const file = databaseAt(8, (db) =>
      exec(
        db,
        `INSERT INTO site (id, code, name, created_at, time_zone, version, run_limits) VALUES (1, 'PAR-01', 'Paris', 1, 'Europe/Paris', 3, '{"ordersPerRun":4}');`,
      ),
    );
    const db = upgrade(file);
    expect(db.read.get(sql`SELECT run_limits FROM site`)).toEqual({ run_limits: '{"ordersPerRun":4}' });
    expect(db.read.get(sql`SELECT count(*) AS n FROM pick_run`)).toEqual({ n: 0 });
  });

  it('13 counts what the runs and parcels of a version-12 station already hold', () => {
    const by = { personId: 'P-1', name: 'Paul', stationId: 'TROLLEY-1' };
    const line = (orderId: string, quantity: number, toteSlot: number) => ({ orderId, lineNo: 1, sku: 'SKU-1', quantity, toteSlot });
    const run = {
      runId: '01890000-0000-7000-8000-000000000001',
      shipDate: '2026-12-05',
      carrier: 'dpd',
      cutoff: '2026-12-05T10:30:00.000Z',
      orders: [
        { orderId: 'A', toteSlot: 1 },
        { orderId: 'B', toteSlot: 2 },
      ],
      stops: [{ location: 'P-01-01-0', lines: [line('A', 2, 1), line('B', 1, 2)] }],
      distance: 10,
      state: 'released',
      releasedBy: by,
      releasedAt: '2026-12-04T15:00:00.000Z',
      refusal: null,
      picks: [
        { pickId: 'p1', orderId: 'A', lineNo: 1, location: 'P-01-01-0', quantity: 2, short: null, by, at: '2026-12-04T16:00:00.000Z' },
        { pickId: 'p2', orderId: 'B', lineNo: 1, location: 'P-01-01-0', quantity: 1, short: 'empty', by, at: '2026-12-04T16:01:00.000Z' },
      ],
    };
    const file = databaseAt(12, (db) =>
      db.write((tx) => {
        tx.run(
          sql`INSERT INTO pick_run (run_id, ship_date, state, version, data) VALUES (${run.runId}, ${run.shipDate}, 'released', 1, ${JSON.stringify(run)})`,
        );
        tx.run(sql`INSERT INTO pick_run (run_id, ship_date, state, version, data) VALUES ('broken', '2026-12-05', 'released', 1, '{"runId":"broken"}')`);
        const parcel = {
          sscc: '030123450000000017',
          orderId: 'A',
          runId: run.runId,
          carrier: 'dpd',
          tracking: 'TRK1',
          box: 'M',
          weightGrams: null,
          lines: [{ lineNo: 1, sku: 'SKU-1', quantity: 2 }],
          short: [],
          state: 'loaded',
          trailerId: 't1',
          packedBy: by,
          packedAt: '2026-12-04T17:00:00.000Z',
          unpacked: null,
          loaded: { by: { ...by, personId: '' }, at: '2026-12-04T18:00:00.000Z' },
        };
        tx.run(sql`
          INSERT INTO site_parcel (sscc, order_id, tracking, state, trailer_id, version, data)
          VALUES (${parcel.sscc}, 'A', 'TRK1', 'loaded', 't1', 1, ${JSON.stringify(parcel)})`);
      }),
    );
    const db = upgrade(file);
    expect(db.read.all(sql`SELECT order_id, units_left, last_pick_at, last_pick_by FROM run_order_progress ORDER BY order_id`)).toEqual([
      { order_id: 'A', units_left: 0, last_pick_at: Date.parse('2026-12-04T16:00:00.000Z'), last_pick_by: 'P-1' },
      { order_id: 'B', units_left: 0, last_pick_at: Date.parse('2026-12-04T16:01:00.000Z'), last_pick_by: 'P-1' },
    ]);
    expect(db.read.get(sql`SELECT packed_at, packed_by, loaded_at, loaded_by FROM site_parcel`)).toEqual({
      packed_at: Date.parse('2026-12-04T17:00:00.000Z'),
      packed_by: 'P-1',
      loaded_at: Date.parse('2026-12-04T18:00:00.000Z'),
      loaded_by: 'Paul',
    });
  });
});
