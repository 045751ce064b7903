import { closeSync, existsSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../errors';
import { migrate, type Migration } from './migration';
import { createCheckpointer } from './checkpoint';
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
  /**
   * A transaction whose work is fetched again if a power cut takes it back (a bootstrap or pull
   * slice: records and the cursor or page they reach commit together, so a lost commit is just
   * asked for again). It commits without waiting for the disk (synchronous=NORMAL, still atomic
   * in WAL); the next `write` waits for the disk again, for itself and for these.
   */
  readonly writeRedoable: <T>(fn: (tx: WriteHandle) => T) => T;
  /** An online copy (the program keeps working meanwhile) into one self-contained file. */
  readonly backup: (destination: string) => Promise<void>;
  readonly schemaVersion: () => number;
  readonly close: () => void;
  /**
   * How many of this connection's transactions are waiting or under way (one Int32 in shared
   * memory): a second connection doing long work on another thread (the mirror writer,
   * `openWorkerConnection`) lets them go first between its own transactions.
   */
  readonly writers: SharedArrayBuffer;
  /**
   * Another connection writes this file a lot (the mirror writer): this connection's commits stop
   * checkpointing from now on, the background checkpoint takes over at once (checkpoint.ts).
   */
  readonly checkpointInBackground: () => void;
  /** For EXPLAIN QUERY PLAN tests and benchmarks only. */
  readonly raw: BetterSqlite3.Database;
};

/** A second connection on a worker thread: writes only, in short transactions that let the first connection's go first. */
export type WorkerConnection = Pick<Database, 'read' | 'write' | 'writeRedoable' | 'close'>;

export type OpenOptions = {
  /** The program's own schema, in order (the station's, the demo centre's). */
  readonly migrations: readonly Migration[];
  readonly nativeBinding?: string;
  /** Told when the background checkpoint cannot run and SQLite's own comes back (platform/db/checkpoint.ts). */
  readonly onCheckpointProblem?: (message: string) => void;
};

/**
 * Opens a program's database, refusing one it cannot trust with a coded AppError instead of a raw
 * SQLite error (issue #9), so the program can say what is wrong: DB_EMPTY (0 bytes: its data is
 * gone, it must not silently become a new, empty database), DB_READ_ONLY (the file or its folder
 * cannot be written), DB_CORRUPT (not a database, or `quick_check` finds damage), DB_NEWER_THAN_APP,
 * DB_SCHEMA_MISMATCH (`user_version` does not describe the tables there). A missing file is created
 * whole, beside the final name and renamed into place, so a crash never leaves a half-made one.
 */
export function openDatabase(file: string, options: OpenOptions): Database {
  if (!existsSync(file)) {
    try {
      createDatabase(file, options);
    } catch (error) {
      throw explainSqliteError(error, file);
    }
  } else if (statSync(file).size === 0) throw new AppError('DB_EMPTY', `${file} is empty (0 bytes)`, { file });
  const problem = writeProblem(file);
  if (problem) throw new AppError('DB_READ_ONLY', `${file} cannot be written (${problem})`, { file, reason: problem });
  const raw = loadDatabase(file, options.nativeBinding);
  try {
    applyPragmas(raw);
    // quick_check reads every page, but not index against table: ~200 ms for 150 MB measured here, fine at
    // start. The full integrity_check runs on each daily backup, off the main thread (./integrity.ts).
    const damage = (raw.pragma('quick_check(20)') as { quick_check: string }[]).map((row) => row.quick_check).filter((line) => line !== 'ok');
    if (damage.length > 0) throw new AppError('DB_CORRUPT', `${file} is damaged: ${damage[0] ?? ''}`, { file, damage });
    checkSchema(raw, file, options);
    migrate(raw, options.migrations);
  } catch (error) {
    raw.close();
    throw explainSqliteError(error, file);
  }
  return wrap(file, raw, options);
}

/** A file opened only to read (a backup's people): never migrated, never written. */
export function openReadOnly(file: string, nativeBinding?: string): { readonly read: ReadHandle; readonly close: () => void } {
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw explainNativeLoadError(error, currentRuntime()) ?? explainSqliteError(error, file);
  }
  return {
    read: {
      get: <T>(query: Sql) => raw.prepare(query.text).get(...query.params) as T | undefined,
      all: <T>(query: Sql) => raw.prepare(query.text).all(...query.params) as T[],
    },
    close: () => raw.close(),
  };
}

/**
 * A second connection to a database its program has opened, checked and migrated (by
 * `openDatabase`), for a worker thread: no checks, no migrations. Before each transaction it waits
 * while the first connection has writes waiting (`firstWriters`, that connection's `writers`), so a
 * scan never queues behind a stream of this connection's work. Its WAL checkpoints, like the first
 * one's, run on a thread of their own once the WAL is large (checkpoint.ts), not inside its commits.
 */
export function openWorkerConnection(
  file: string,
  options: { readonly nativeBinding?: string | undefined; readonly firstWriters: SharedArrayBuffer; readonly onCheckpointProblem?: (message: string) => void },
): WorkerConnection {
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (error) {
    throw explainNativeLoadError(error, currentRuntime()) ?? explainSqliteError(error, file);
  }
  applyPragmas(raw);
  const checkpointer = createCheckpointer(raw, file, { nativeBinding: options.nativeBinding, onProblem: options.onCheckpointProblem });
  const waiting = new Int32Array(options.firstWriters);
  const { read, write } = transactions(raw, checkpointer.committed, () => {
    for (let count = Atomics.load(waiting, 0); count > 0; count = Atomics.load(waiting, 0)) Atomics.wait(waiting, 0, count, firstWritersWaitMs);
  });
  return {
    read,
    write,
    writeRedoable: redoable(raw, write),
    close: () => {
      checkpointer.close();
      raw.close();
    },
  };
}

/** The longest a worker connection waits at once for the first one's writes (it looks again after). */
const firstWritersWaitMs = 100;

function createDatabase(file: string, options: OpenOptions): void {
  const fresh = `${file}.new`;
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${fresh}${suffix}`, { force: true });
  const raw = loadDatabase(fresh, options.nativeBinding);
  try {
    applyPragmas(raw);
    migrate(raw, options.migrations);
  } finally {
    raw.close();
  }
  renameSync(fresh, file);
}

/** Why this file (or the folder that must hold its -wal and -shm) cannot be written, or null. */
function writeProblem(file: string): string | null {
  const probe = join(dirname(file), `.write-test-${process.pid}`);
  try {
    closeSync(openSync(file, 'r+'));
    closeSync(openSync(probe, 'w'));
    rmSync(probe);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

/** SQLite's own words for a damaged or unwritable file, turned into the codes a person is told. */
function explainSqliteError(error: unknown, file: string): unknown {
  if (error instanceof AppError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const said = error instanceof Error ? error.message : String(error);
  if (/^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(code)) return new AppError('DB_CORRUPT', `${file} is damaged: ${said}`, { file, sqlite: code });
  if (/^SQLITE_(READONLY|CANTOPEN|PERM)/.test(code)) return new AppError('DB_READ_ONLY', `${file} cannot be written: ${said}`, { file, sqlite: code });
  return error;
}

/**
 * The tables, indexes, triggers and views that `user_version` promises must be the ones there: a
 * file whose version says 0 while its tables exist (a copied or hand-edited file) would otherwise
 * fail half-way with "table outbox already exists" (issue #9). What each version should hold is
 * found by running the migrations on an empty in-memory database (a few ms), once per process.
 */
function checkSchema(raw: BetterSqlite3.Database, file: string, options: OpenOptions): void {
  const version = raw.pragma('user_version', { simple: true }) as number;
  const latest = options.migrations.at(-1)?.version ?? 0;
  if (version > latest) return; // migrate() says DB_NEWER_THAN_APP, with what to do.
  const expected = expectedObjects(options, version);
  const present = new Set(schemaObjects(raw));
  const missing = [...expected].filter((name) => !present.has(name));
  const unexpected = [...present].filter((name) => !expected.has(name));
  if (missing.length === 0 && unexpected.length === 0) return;
  throw new AppError(
    'DB_SCHEMA_MISMATCH',
    `${file} says schema ${version} but holds other tables (missing ${missing.length}, unexpected ${unexpected.length})`,
    {
      file,
      version,
      missing: missing.slice(0, 10),
      unexpected: unexpected.slice(0, 10),
    },
  );
}

const schemaObjects = (raw: BetterSqlite3.Database): string[] =>
  raw.prepare("SELECT type || ' ' || name AS object FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").pluck().all() as string[];

const expectedByVersion = new WeakMap<readonly Migration[], Map<number, ReadonlySet<string>>>();

function expectedObjects(options: OpenOptions, version: number): ReadonlySet<string> {
  let known = expectedByVersion.get(options.migrations);
  if (!known) {
    known = new Map();
    expectedByVersion.set(options.migrations, known);
  }
  let objects = known.get(version);
  if (!objects) {
    const memory = loadDatabase(':memory:', options.nativeBinding);
    try {
      migrate(
        memory,
        options.migrations.filter((migration) => migration.version <= version),
      );
      objects = new Set(schemaObjects(memory));
    } finally {
      memory.close();
    }
    known.set(version, objects);
  }
  return objects;
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
  // FULL: a scan the UI confirmed survives a power cut (docs/design.md §3).
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
}

function wrap(file: string, raw: BetterSqlite3.Database, options: OpenOptions): Database {
  const nativeBinding = options.nativeBinding;
  const checkpointer = createCheckpointer(raw, file, { nativeBinding, onProblem: options.onCheckpointProblem });
  const writers = new SharedArrayBuffer(4);
  const waiting = new Int32Array(writers);
  const { read, write } = transactions(
    raw,
    checkpointer.committed,
    () => Atomics.add(waiting, 0, 1),
    () => {
      Atomics.sub(waiting, 0, 1);
      Atomics.notify(waiting, 0);
    },
  );
  return {
    file,
    read,
    raw,
    write,
    writers,
    checkpointInBackground: checkpointer.startNow,
    writeRedoable: redoable(raw, write),
    backup: async (destination) => {
      await raw.backup(destination);
      // A backup is one self-contained file (rollback journal, not WAL): opened later, even read-only,
      // it leaves no -wal or -shm beside it.
      const copy = loadDatabase(destination, nativeBinding);
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
    },
    schemaVersion: () => raw.pragma('user_version', { simple: true }) as number,
    close: () => {
      checkpointer.close();
      raw.close();
    },
  };
}

/** Reads and transactions on one connection; `before` and `after` run around each transaction (after also when it fails). */
function transactions(
  raw: BetterSqlite3.Database,
  committed: () => void,
  before: () => void,
  after: () => void = () => undefined,
): { read: ReadHandle; write: Database['write'] } {
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
  const write = <T>(fn: (tx: WriteHandle) => T): T => {
    before();
    let result: T;
    try {
      result = raw
        .transaction(() => {
          const result = fn(writer);
          if (result instanceof Promise) throw new Error('a database transaction must be synchronous');
          return result;
        })
        .immediate();
    } finally {
      after();
    }
    committed();
    return result;
  };
  return { read, write };
}

/** `writeRedoable` (see Database): commits without waiting for the disk. */
const redoable =
  (raw: BetterSqlite3.Database, write: Database['write']): Database['writeRedoable'] =>
  <T>(fn: (tx: WriteHandle) => T): T => {
    raw.pragma('synchronous = NORMAL');
    try {
      return write(fn);
    } finally {
      raw.pragma('synchronous = FULL');
    }
  };
