import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { backupDatabase } from '../../platform/db/backup';
import { checkIntegrity } from '../../platform/db/integrity';
import { openDatabase, type Database } from '../../platform/db/connection';
import { migrations } from './migrations';
import { explainNativeLoadError } from '../../platform/db/native';
import { sql } from '../../platform/db/sql';

const dirs: string[] = [];
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quai-db-'));
  dirs.push(dir);
  return join(dir, 'quai.sqlite3');
}

function open(file = tempFile(), options: Partial<Parameters<typeof openDatabase>[1]> = {}): Database {
  const db = openDatabase(file, { migrations, ...options });
  opened.push(db);
  return db;
}

describe('opening the station database', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = open();
    expect(db.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.raw.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('applies every migration and records the version in user_version', () => {
    const db = open();
    expect(db.schemaVersion()).toBe(migrations.at(-1)?.version);
  });

  it('makes every table STRICT', () => {
    const db = open();
    const tables = db.read.all<{ name: string; strict: number }>(
      sql`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`,
    );
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((table) => table.strict !== 1)).toEqual([]);
  });

  it('applies pending migrations in one transaction: a failing one leaves the database as it was', () => {
    const file = tempFile();
    open(file, { migrations: migrations.slice(0, 1) }).close();
    opened.pop();
    const broken = [
      ...migrations,
      { version: migrations.length + 1, name: 'ok', up: 'CREATE TABLE extra (x INTEGER) STRICT;' },
      { version: migrations.length + 2, name: 'bad', up: 'CREATE TABLE oops (' },
    ];
    expect(() => open(file, { migrations: broken })).toThrow();
    const db = open(file);
    expect(db.schemaVersion()).toBe(migrations.length);
    expect(db.read.get(sql`SELECT name FROM sqlite_master WHERE name = 'extra'`)).toBeUndefined();
  });

  it('refuses a database written by a newer build, with a message that says what to do', () => {
    const file = tempFile();
    const db = open(file);
    db.raw.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    opened.pop();
    let error: unknown;
    try {
      open(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DB_NEWER_THAN_APP');
    expect((error as AppError).message).toMatch(/newer Quai.*Install the newer build/s);
  });

  it('keeps the audit log append-only', () => {
    const db = open();
    db.write((tx) => tx.run(sql`INSERT INTO audit (at, action, outcome) VALUES (1, 'test', 'ok')`));
    expect(() => db.write((tx) => tx.run(sql`UPDATE audit SET action = 'forged'`))).toThrow(/append-only/);
    expect(() => db.write((tx) => tx.run(sql`DELETE FROM audit`))).toThrow(/append-only/);
    expect(db.read.all(sql`SELECT action FROM audit`)).toEqual([{ action: 'test' }]);
  });

  it('rolls back everything a failing transaction wrote', () => {
    const db = open();
    expect(() =>
      db.write((tx) => {
        tx.run(sql`INSERT INTO setting (key, value) VALUES ('a', '1')`);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.read.get(sql`SELECT * FROM setting WHERE key = 'a'`)).toBeUndefined();
  });

  it('refuses an asynchronous transaction function and writes nothing', () => {
    const db = open();
    expect(() =>
      db.write((tx) => {
        tx.run(sql`INSERT INTO setting (key, value) VALUES ('b', '1')`);
        return Promise.resolve();
      }),
    ).toThrow(/synchronous/);
    expect(db.read.get(sql`SELECT * FROM setting WHERE key = 'b'`)).toBeUndefined();
  });

  it('commits a redoable slice without waiting for the disk, then waits again for every other write, even after a failure', () => {
    const db = open();
    const during = db.writeRedoable((tx) => {
      tx.run(sql`INSERT INTO setting (key, value) VALUES ('c', '1')`);
      return db.raw.pragma('synchronous', { simple: true });
    });
    expect(during).toBe(1); // NORMAL
    expect(db.raw.pragma('synchronous', { simple: true })).toBe(2); // FULL again
    expect(() =>
      db.writeRedoable((tx) => {
        tx.run(sql`INSERT INTO setting (key, value) VALUES ('d', '1')`);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.read.all(sql`SELECT key FROM setting WHERE key IN ('c', 'd')`)).toEqual([{ key: 'c' }]);
  });
});

describe('native module check', () => {
  const runtime = { name: 'Electron 45.5.0', modules: '150', rebuildCommand: 'npm run native:electron' };

  it('explains an ABI mismatch with both versions and the rebuild command', () => {
    const nodeError = new Error(
      "The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 150.",
    );
    const explained = explainNativeLoadError(nodeError, runtime);
    expect(explained?.code).toBe('DB_NATIVE_MODULE_MISMATCH');
    expect(explained?.message).toContain('compiled for NODE_MODULE_VERSION 115');
    expect(explained?.message).toContain('Electron 45.5.0 needs 150');
    expect(explained?.message).toContain('npm run native:electron');
  });

  it('reports a missing Electron build of the module when opening with a nativeBinding that does not exist', () => {
    let error: unknown;
    try {
      open(tempFile(), { nativeBinding: join(tmpdir(), 'no-such-dir', 'better_sqlite3.node') });
    } catch (caught) {
      error = caught;
    }
    expect((error as AppError).code).toBe('DB_NATIVE_MODULE_MISSING');
    expect((error as AppError).message).toContain('npm rebuild better-sqlite3');
  });
});

describe('online backup', () => {
  it('copies the live database and keeps only the newest copies', async () => {
    const db = open();
    db.write((tx) => tx.run(sql`INSERT INTO setting (key, value) VALUES ('k', 'v')`));
    const dir = mkdtempSync(join(tmpdir(), 'quai-backup-'));
    dirs.push(dir);
    const day = 24 * 60 * 60_000;
    let last = await backupDatabase(db, dir, Date.parse('2026-11-01T00:00:00Z'), { keep: 3, verify: checkIntegrity });
    for (let i = 1; i < 5; i += 1) last = await backupDatabase(db, dir, Date.parse('2026-11-01T00:00:00Z') + i * day, { keep: 3, verify: checkIntegrity });
    expect(readdirSync(dir).sort()).toHaveLength(3);
    expect(readdirSync(dir).sort()[0]).toContain('2026-11-03');
    expect(existsSync(last.file)).toBe(true);
    const copy = open(last.file);
    expect(copy.read.get(sql`SELECT value FROM setting WHERE key = 'k'`)).toEqual({ value: 'v' });
  });

  it('keeps a copy only once integrity_check passed on it, self-contained and readable by its user only', async () => {
    const db = open();
    const dir = join(mkdtempSync(join(tmpdir(), 'quai-backup-')), 'backups');
    dirs.push(dir);
    const checked: string[] = [];
    const result = await backupDatabase(db, dir, Date.parse('2026-11-01T00:00:00Z'), {
      verify: async (file) => {
        checked.push(file);
        return checkIntegrity(file);
      },
    });
    expect(checked).toEqual([result.file]);
    expect(readdirSync(dir)).toEqual([basename(result.file)]);
    if (process.platform !== 'win32') {
      expect((statSync(dir).mode & 0o777).toString(8)).toBe('700');
      expect((statSync(result.file).mode & 0o777).toString(8)).toBe('600');
    }
    const copy = new BetterSqlite3(result.file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
  });

  it('deletes a copy that fails its integrity check and says BACKUP_DAMAGED', async () => {
    const db = open();
    const dir = mkdtempSync(join(tmpdir(), 'quai-backup-'));
    dirs.push(dir);
    const failing = backupDatabase(db, dir, Date.parse('2026-11-01T00:00:00Z'), {
      verify: () => Promise.resolve({ ok: false, problems: ['row 11 missing from index audit_by_outcome'] }),
    });
    await expect(failing).rejects.toMatchObject({ code: 'BACKUP_DAMAGED', details: { problems: ['row 11 missing from index audit_by_outcome'] } });
    expect(readdirSync(dir)).toEqual([]);
  });
});
