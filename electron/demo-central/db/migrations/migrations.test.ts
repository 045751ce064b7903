import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../platform/db/connection';
import { sql } from '../../../platform/db/sql';
import { centreMigrations } from './index';

/** SHA-256 of each shipped migration's `up`: a shipped migration is never edited. */
const shipped: Readonly<Record<number, string>> = {
  1: 'dbfb253a3576ed91b9c4051555f1fb8bcceb4134c549163598fd09ef7bb97639',
  2: '5783aa4af45e6976bcb8863515bc86abcdc6688b12893be6c1994da8144bf079',
  3: 'd678fa7e0fcf3b6f6862a2b609ac0cd4b72999b3f62a1ad7bcb365230ecbe9c9',
  4: '2a41862d8c89e90b47c61aca93e9c535278f69b64ac56ae868ee766a91d06af4',
  5: '8d30658d0c6383059584333108cc178a8942b4a428eab674a5626745a6674134',
  6: 'a0d82f82cdfcd9c1b33455de6e3e81802443e2ef0de99c79189c2f72302b1084',
  7: 'd29482bb241d9eed33e3348fda04abbe528d597299d69bf178c3a960b4160298',
};

const dirs: string[] = [];
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const movedEvent = (eventId: string, seq: number, quantity: number): string =>
  JSON.stringify({
    eventId,
    seq,
    type: 'stock.moved',
    payload: {
      movements: [{ kind: 'move', sku: 'SKU-1', lot: null, from: { location: 'A-1', container: null }, to: { location: 'B-1', container: null }, quantity }],
    },
  });

describe('demo centre migrations', () => {
  it('are never edited once shipped', () => {
    for (const migration of centreMigrations) {
      const print = createHash('sha256')
        .update(typeof migration.up === 'string' ? migration.up : migration.up.toString())
        .digest('hex');
      expect(print, `centre migration ${migration.version} was edited, or its fingerprint is not recorded here`).toBe(shipped[migration.version]);
    }
  });

  it('2 makes one stock for the site: the opening stock plus every movement any station had applied', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quai-centre-migrate-'));
    dirs.push(dir);
    const file = join(dir, 'central.sqlite');
    const v1 = openDatabase(file, { migrations: centreMigrations.slice(0, 1) });
    v1.raw.exec(`
      INSERT INTO opening_stock (location, container, sku, lot, quantity) VALUES ('A-1', '', 'SKU-1', '', 10);
      INSERT INTO station (station_id, token_hash, created_at) VALUES ('dock', 'h1', 1), ('pack', 'h2', 1);
      INSERT INTO stock_view (station_id, location, container, sku, lot, quantity) VALUES ('dock', 'A-1', '', 'SKU-1', '', 7), ('dock', 'B-1', '', 'SKU-1', '', 3);
    `);
    const insert = v1.raw.prepare('INSERT INTO event (event_id, station_id, seq, type, received_at, status, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run('e1', 'dock', 1, 'stock.moved', 1, 'applied', movedEvent('e1', 1, 3));
    insert.run('e2', 'pack', 1, 'stock.moved', 2, 'accepted_with_exception', movedEvent('e2', 1, 2));
    insert.run('e3', 'pack', 2, 'stock.moved', 3, 'rejected', movedEvent('e3', 2, 100));
    v1.close();

    const db = openDatabase(file, { migrations: centreMigrations });
    opened.push(db);
    expect(db.read.all(sql`SELECT location, quantity FROM site_stock ORDER BY location`)).toEqual([
      { location: 'A-1', quantity: 5 },
      { location: 'B-1', quantity: 5 },
    ]);
    expect(db.read.get(sql`SELECT count(*) AS n FROM sqlite_master WHERE name = 'stock_view'`)).toEqual({ n: 0 });
    expect(db.raw.pragma('foreign_key_check')).toEqual([]);
  });

  it('3 keeps the change log, its numbering and its origins, and lets it carry runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quai-centre-migrate-'));
    dirs.push(dir);
    const file = join(dir, 'central.sqlite');
    const v2 = openDatabase(file, { migrations: centreMigrations.slice(0, 2) });
    v2.raw.exec(`
      INSERT INTO change_log (entity, key, op, version, data, origin) VALUES ('task', 't1', 'upsert', 2, '{}', '{"stationId":"dock","name":"Léa"}');
      INSERT INTO change_log (entity, key, op, version, data) VALUES ('order', 'o1', 'upsert', 1, '{}');
    `);
    v2.close();
    const db = openDatabase(file, { migrations: centreMigrations });
    opened.push(db);
    expect(db.read.all(sql`SELECT change_id, entity, key, version, origin FROM change_log ORDER BY change_id`)).toEqual([
      { change_id: 1, entity: 'task', key: 't1', version: 2, origin: '{"stationId":"dock","name":"Léa"}' },
      { change_id: 2, entity: 'order', key: 'o1', version: 1, origin: null },
    ]);
    db.write((tx) => tx.run(sql`INSERT INTO change_log (entity, key, op, version, data) VALUES ('run', 'r1', 'upsert', 1, '{}')`));
    expect(db.read.get(sql`SELECT change_id FROM change_log WHERE entity = 'run'`)).toEqual({ change_id: 3 });
  });

  it('7 keeps the change log, its numbering and its origins, and lets it carry parcels and trailers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quai-centre-migrate-'));
    dirs.push(dir);
    const file = join(dir, 'central.sqlite');
    const v6 = openDatabase(file, { migrations: centreMigrations.slice(0, 6) });
    v6.raw.exec(`
      INSERT INTO change_log (entity, key, op, version, data, origin) VALUES ('exception', 'x1', 'upsert', 1, '{}', '{"stationId":"dock","name":"Léa"}');
      INSERT INTO change_log (entity, key, op, version, data) VALUES ('run', 'r1', 'upsert', 2, '{}');
    `);
    v6.close();
    const db = openDatabase(file, { migrations: centreMigrations });
    opened.push(db);
    expect(db.read.all(sql`SELECT change_id, entity, key, version, origin FROM change_log ORDER BY change_id`)).toEqual([
      { change_id: 1, entity: 'exception', key: 'x1', version: 1, origin: '{"stationId":"dock","name":"Léa"}' },
      { change_id: 2, entity: 'run', key: 'r1', version: 2, origin: null },
    ]);
    db.write((tx) => {
      tx.run(sql`INSERT INTO change_log (entity, key, op, version, data) VALUES ('parcel', '003012345000000017', 'upsert', 1, '{}')`);
      tx.run(sql`INSERT INTO change_log (entity, key, op, version, data) VALUES ('trailer', 't1', 'upsert', 1, '{}')`);
    });
    expect(db.read.all(sql`SELECT change_id, entity FROM change_log WHERE change_id > 2 ORDER BY change_id`)).toEqual([
      { change_id: 3, entity: 'parcel' },
      { change_id: 4, entity: 'trailer' },
    ]);
  });
});
