import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, openWorkerConnection, type Database } from './connection';
import { sql } from './sql';

const dirs: string[] = [];
const opened: Array<{ close: () => void }> = [];
afterEach(() => {
  for (const db of opened.splice(0).reverse()) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const schema = [{ version: 1, name: 'notes', up: 'CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);' }];

function open(): Database {
  const dir = mkdtempSync(join(tmpdir(), 'quai-writers-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'test.sqlite3'), { migrations: schema });
  opened.push(db);
  return db;
}

const waitingWriters = (db: Database): number => Atomics.load(new Int32Array(db.writers), 0);

describe("the first connection's writers, which a worker connection lets go first", () => {
  it('are counted during a transaction and never left counted after one, committed or failed', () => {
    const db = open();
    const during = db.write((tx) => {
      tx.run(sql`INSERT INTO note (text) VALUES ('a')`);
      return waitingWriters(db);
    });
    expect(during).toBe(1);
    expect(waitingWriters(db)).toBe(0);
    expect(() => db.write((tx) => tx.run(sql`INSERT INTO note (text) VALUES ('a')`))).toThrow(/UNIQUE/);
    expect(waitingWriters(db)).toBe(0);
    expect(() => db.writeRedoable(() => Promise.resolve())).toThrow(/synchronous/);
    expect(waitingWriters(db)).toBe(0);
  });

  it('a worker connection writes the same file once none is waiting, and the first connection reads it', () => {
    const db = open();
    const second = openWorkerConnection(db.file, { firstWriters: db.writers });
    opened.push(second);
    second.writeRedoable((tx) => tx.run(sql`INSERT INTO note (text) VALUES ('from the worker')`));
    expect(db.read.all<{ text: string }>(sql`SELECT text FROM note`)).toEqual([{ text: 'from the worker' }]);
  });
});
