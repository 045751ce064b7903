import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backgroundCheckpointFromBytes, createCheckpointer } from './checkpoint';
import { openDatabase, type Database } from './connection';
import { sql } from './sql';

const dirs: string[] = [];
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const schema = [{ version: 1, name: 'blobs', up: 'CREATE TABLE blob (id INTEGER PRIMARY KEY, data BLOB NOT NULL);' }];

function open(): Database {
  const dir = mkdtempSync(join(tmpdir(), 'quai-checkpoint-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'test.sqlite3'), { migrations: schema });
  opened.push(db);
  return db;
}

/** `bytes` written in commits of 64 KiB: a station's sync slices, in small. */
function writeBlobs(db: Database, bytes: number): void {
  for (let written = 0; written < bytes; written += 65_536) db.write((tx) => tx.run(sql`INSERT INTO blob (data) VALUES (${Buffer.alloc(65_536, 7)})`));
}

describe('checkpoints off the writing thread', () => {
  it('leaves a station that writes little to SQLite’s own checkpoint', () => {
    const db = open();
    writeBlobs(db, 128 * 1024);
    expect(db.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('once the WAL is large, commits never checkpoint and the worker copies the WAL into the database', async () => {
    const db = open();
    const before = statSync(db.file).size;
    writeBlobs(db, 3 * backgroundCheckpointFromBytes);
    // The main connection's commits no longer checkpoint…
    expect(db.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // …yet the pages reach the database file: only the worker's connection can have copied them.
    await vi.waitFor(() => expect(statSync(db.file).size).toBeGreaterThan(before + 2 * backgroundCheckpointFromBytes), { timeout: 30_000, interval: 50 });
  });

  it('closes synchronously: the worker’s connection first, then ours, which removes the WAL, and the data is all there', () => {
    const db = open();
    writeBlobs(db, 2 * backgroundCheckpointFromBytes);
    opened.splice(opened.indexOf(db), 1);
    db.close();
    expect(existsSync(`${db.file}-wal`)).toBe(false);
    const again = new BetterSqlite3(db.file, { readonly: true });
    try {
      expect((again.prepare('SELECT count(*) AS n FROM blob').get() as { n: number }).n).toBe((2 * backgroundCheckpointFromBytes) / 65_536);
    } finally {
      again.close();
    }
  });

  it('gives the checkpoint back to SQLite and says why when the worker cannot start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quai-checkpoint-'));
    dirs.push(dir);
    const file = join(dir, 'raw.sqlite3');
    const raw = new BetterSqlite3(file);
    try {
      raw.pragma('journal_mode = WAL');
      raw.exec('CREATE TABLE blob (data BLOB)');
      const problems: string[] = [];
      const checkpointer = createCheckpointer(raw, file, { nativeBinding: join(dir, 'missing.node'), onProblem: (message) => problems.push(message) });
      raw.pragma('wal_autocheckpoint = 0'); // as a second connection holding the WAL open would leave it
      const insert = raw.prepare('INSERT INTO blob (data) VALUES (?)');
      for (let i = 0; i < 24; i += 1) {
        insert.run(Buffer.alloc(65_536, 1));
        checkpointer.committed();
      }
      await vi.waitFor(() => expect(problems).toHaveLength(1), { timeout: 30_000, interval: 50 });
      expect(problems[0]).toMatch(/background checkpoint stopped/);
      expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      checkpointer.close(); // nothing left to wait for
    } finally {
      raw.close();
    }
  });
});
