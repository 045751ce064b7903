import { copyFileSync, rmSync } from 'node:fs';
import { openDatabase, type Database, type ReadHandle, type WriteHandle } from '../platform/db/connection';
import { sql } from '../platform/db/sql';
import { centreMigrations } from './db/migrations';

/**
 * The centre's SQLite file (WAL, synchronous=FULL, like the station's: an acknowledged push must
 * survive a power cut). A restore swaps the file under the same store, so modules ask for
 * `db()` on each use instead of keeping a handle.
 */
export type CentreStore = {
  readonly file: string;
  readonly db: () => Database;
  /** Replaces the database with a copy of `backupFile`, synchronously: no request runs meanwhile. */
  readonly replaceWith: (backupFile: string) => void;
  readonly close: () => void;
};

export function openCentreStore(file: string): CentreStore {
  let db = openDatabase(file, { migrations: centreMigrations });
  return {
    file,
    db: () => db,
    replaceWith: (backupFile) => {
      db.close();
      try {
        // A closed WAL database has checkpointed; stale -wal/-shm files must not replay onto the copy.
        for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
        copyFileSync(backupFile, file);
      } finally {
        db = openDatabase(file, { migrations: centreMigrations });
      }
    },
    close: () => db.close(),
  };
}

/** Keys of the `meta` table: the centre's settings and simulated-clock state. */
export type MetaKey = 'site' | 'site-id' | 'epoch' | 'token-secret' | 'released-until' | 'sim-offset';

export function readMeta(read: ReadHandle, key: MetaKey): string | undefined {
  return read.get<{ value: string }>(sql`SELECT value FROM meta WHERE key = ${key}`)?.value;
}

export function writeMeta(tx: WriteHandle, key: MetaKey, value: string): void {
  tx.run(sql`INSERT INTO meta (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
}

export function readEpoch(read: ReadHandle): string {
  const epoch = readMeta(read, 'epoch');
  if (epoch === undefined) throw new Error('centre database has no epoch: it was not initialised');
  return epoch;
}

export const readNumberMeta = (read: ReadHandle, key: MetaKey): number => Number(readMeta(read, key) ?? 0);
