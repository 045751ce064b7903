import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../errors';

import type { WriteHandle } from './connection';
import type { Sql } from './sql';

/**
 * A shipped migration is never edited: a change to the schema is a new, higher-numbered file.
 * `up` is SQL, or a function for a data migration (it reads and writes through the handle, inside
 * the same transaction as every other pending migration).
 */
export type Migration = { readonly version: number; readonly name: string; readonly up: string | ((tx: MigrationHandle) => void) };

/** What a data migration may do: the write handle, plus DDL text. */
export type MigrationHandle = WriteHandle & { readonly exec: (ddl: string) => void };

function migrationHandle(raw: BetterSqlite3.Database): MigrationHandle {
  const prepare = (query: Sql): BetterSqlite3.Statement => raw.prepare(query.text);
  return {
    get: <T>(query: Sql) => prepare(query).get(...query.params) as T | undefined,
    all: <T>(query: Sql) => prepare(query).all(...query.params) as T[],
    run: (query) => {
      const result = prepare(query).run(...query.params);
      return { changes: result.changes, lastInsertRowid: result.lastInsertRowid };
    },
    exec: (ddl) => {
      raw.exec(ddl);
    },
  };
}

export function migrate(raw: BetterSqlite3.Database, migrations: readonly Migration[]): void {
  const current = raw.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new AppError(
      'DB_NEWER_THAN_APP',
      `This database was written by a newer Quai (schema ${current}; this build knows up to ${latest}). ` +
        'Install the newer build, or restore a backup made by this version.',
      { databaseVersion: current, appVersion: latest },
    );
  }
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return;
  const handle = migrationHandle(raw);
  raw.transaction(() => {
    for (const migration of pending) {
      if (typeof migration.up === 'string') raw.exec(migration.up);
      else migration.up(handle);
      raw.pragma(`user_version = ${migration.version}`);
    }
  })();
}
