import BetterSqlite3 from 'better-sqlite3';
import { migrate, type Migration } from './migration';
import { currentRuntime, explainNativeLoadError } from './native';
import type { Sql } from './sql';

export type RunResult = { readonly changes: number; readonly lastInsertRowid: number | bigint };

/** Reads only: the type says a function cannot write. */
export type ReadHandle = {
  readonly get: <T>(query: Sql) => T | undefined;
  readonly all: <T>(query: Sql) => T[];
};

/** Given only inside `db.write(...)`, i.e. inside a transaction. */
export type WriteHandle = ReadHandle & { readonly run: (query: Sql) => RunResult };

export type Database = {
  readonly file: string;
  readonly read: ReadHandle;
  /**
   * One synchronous transaction: everything `fn` writes commits together or not at all. A
   * function that returns a promise is refused: an `await` inside would commit half a scan.
   */
  readonly write: <T>(fn: (tx: WriteHandle) => T) => T;
  readonly backup: (destination: string) => Promise<void>;
  readonly schemaVersion: () => number;
  readonly close: () => void;
  /** For EXPLAIN QUERY PLAN tests and benchmarks only. */
  readonly raw: BetterSqlite3.Database;
};

export type OpenOptions = {
  /** The program's own schema, in order (the station's, the demo centre's). */
  readonly migrations: readonly Migration[];
  readonly nativeBinding?: string;
};

export function openDatabase(file: string, options: OpenOptions): Database {
  const raw = loadDatabase(file, options.nativeBinding);
  try {
    applyPragmas(raw);
    migrate(raw, options.migrations);
  } catch (error) {
    raw.close();
    throw error;
  }
  return wrap(file, raw);
}

function loadDatabase(file: string, nativeBinding: string | undefined): BetterSqlite3.Database {
  try {
    return new BetterSqlite3(file, nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    throw explainNativeLoadError(error, currentRuntime()) ?? error;
  }
}

function applyPragmas(raw: BetterSqlite3.Database): void {
  raw.pragma('journal_mode = WAL');
  // FULL: a scan the UI confirmed survives a power cut (DESIGN §3).
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
}

function wrap(file: string, raw: BetterSqlite3.Database): Database {
  // Statements are prepared once per distinct SQL text and reused: hot paths pay parsing once.
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (query: Sql): BetterSqlite3.Statement => {
    let statement = statements.get(query.text);
    if (!statement) {
      statement = raw.prepare(query.text);
      statements.set(query.text, statement);
    }
    return statement;
  };
  const read: ReadHandle = {
    get: <T>(query: Sql) => prepare(query).get(...query.params) as T | undefined,
    all: <T>(query: Sql) => prepare(query).all(...query.params) as T[],
  };
  const writer: WriteHandle = {
    ...read,
    run: (query) => {
      const result = prepare(query).run(...query.params);
      return { changes: result.changes, lastInsertRowid: result.lastInsertRowid };
    },
  };
  return {
    file,
    read,
    raw,
    write: <T>(fn: (tx: WriteHandle) => T): T =>
      raw
        .transaction(() => {
          const result = fn(writer);
          if (result instanceof Promise) throw new Error('a database transaction must be synchronous');
          return result;
        })
        .immediate(),
    backup: async (destination) => {
      await raw.backup(destination);
    },
    schemaVersion: () => raw.pragma('user_version', { simple: true }) as number,
    close: () => raw.close(),
  };
}
