import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * A WAL grown past this is checkpointed on a worker thread from then on. SQLite's own automatic
 * checkpoint runs inside the commit that crosses 1,000 pages, on the thread that commits: measured
 * here, 26–80 ms of copying and fsync inside one scan's or one sync slice's commit (issue #8), over a
 * main-thread task's 50 ms. A station that writes little never starts the worker.
 */
export const backgroundCheckpointFromBytes = 1024 * 1024;

/** How long `close` waits for the worker to close its connection (a checkpoint under way finishes first). */
const closeWaitMs = 10_000;

// A worker from source text, as the integrity check's: it runs the same under Vitest, the web host
// and Electron with no extra bundle entry. Its own connection checkpoints PASSIVE (never waits for
// writers or readers) when told a commit happened; on `close` it closes and says so through shared
// memory, so the main thread's close stays synchronous and its own close, the last, removes the WAL.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const closed = new Int32Array(workerData.closed);
const done = () => { Atomics.store(closed, 0, 1); Atomics.notify(closed, 0); };
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
  db.pragma('wal_autocheckpoint = 0');
} catch (error) {
  done();
  throw error;
}
let pending = false;
parentPort.on('message', (message) => {
  if (message === 'close') {
    try { db.close(); } finally { done(); process.exit(0); }
    return;
  }
  if (pending) return;
  pending = true;
  setImmediate(() => {
    pending = false;
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String((error && error.message) || error)); }
  });
});
`;

export type Checkpointer = {
  /** After each commit on the main connection: starts the worker once the WAL is large, then tells it. */
  readonly committed: () => void;
  /** Before the main connection closes: the worker's connection is closed first. */
  readonly close: () => void;
  /** Starts the worker now, whatever the WAL's size: another connection writes this file too. */
  readonly startNow: () => void;
};

/**
 * Moves the WAL checkpoints of one database file off the thread that writes it. The main connection
 * gets `wal_autocheckpoint = 0` only once the worker runs; if the worker cannot start or fails, the
 * automatic checkpoint comes back (slower commits, never an unbounded WAL) and `onProblem` says why.
 */
export function createCheckpointer(
  raw: { pragma: (source: string) => unknown },
  file: string,
  options: { readonly nativeBinding?: string | undefined; readonly onProblem?: (message: string) => void } = {},
): Checkpointer {
  let worker: Worker | null = null;
  let closed: Int32Array | null = null;
  let failed = false;

  const giveBack = (message: string): void => {
    if (failed) return;
    failed = true;
    worker = null;
    raw.pragma('wal_autocheckpoint = 1000');
    options.onProblem?.(message);
  };

  const start = (): void => {
    const shared = new SharedArrayBuffer(4);
    closed = new Int32Array(shared);
    const started = new Worker(workerSource, {
      eval: true,
      workerData: { file, closed: shared, module: createRequire(import.meta.url).resolve('better-sqlite3'), nativeBinding: options.nativeBinding },
    });
    started.unref();
    started.on('message', (message: string) => options.onProblem?.(`background checkpoint: ${message}`));
    started.on('error', (error) => giveBack(`background checkpoint stopped: ${error.message}`));
    started.on('exit', (code) => {
      if (worker === started) giveBack(`background checkpoint stopped (exit ${code})`);
    });
    worker = started;
    raw.pragma('wal_autocheckpoint = 0');
  };

  return {
    committed: () => {
      if (failed) return;
      if (worker === null) {
        const wal = statSync(`${file}-wal`, { throwIfNoEntry: false });
        if (!wal || wal.size < backgroundCheckpointFromBytes) return;
        start();
      }
      worker?.postMessage('commit');
    },
    startNow: () => {
      if (!failed && worker === null) start();
    },
    close: () => {
      const running = worker;
      worker = null;
      if (running === null || closed === null) return;
      running.postMessage('close');
      Atomics.wait(closed, 0, 0, closeWaitMs);
    },
  };
}
