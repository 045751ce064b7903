import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Database } from '../../platform/db/connection';
import type { Logger } from '../../platform/logging';
import { SyncFailure, type FailureKind } from './client';
import { storePage, type PageRead, type PageToStore } from './page-store';

/**
 * Who stores the centre's pages in the mirrors (ADR 0004). On the station, a worker thread with its
 * own connection: the main thread only fetches pages, so scans and IPC answer while a site of 50,000
 * orders loads, and the next page travels while this one is stored. Without a worker (unit tests,
 * or a worker that could not start) the same code runs on the main thread in 20 ms slices.
 */
export type MirrorWriter = {
  /** `read` settles once the page is read and checked; `stored` once it is in the mirrors (entities changed). */
  readonly store: (page: PageToStore) => { readonly read: Promise<PageRead>; readonly stored: Promise<readonly string[]> };
  /**
   * Settles once the writer can take a page at once: its thread has loaded its code and opened its
   * connection, or it gave its work to the main thread. The station's first sync waits for it.
   */
  readonly ready: Promise<void>;
  readonly close: () => Promise<void>;
};

/**
 * Where the mirror writer's code is: the built `mirror-writer.js` (the hosts), or a worker's source
 * text that loads the TypeScript entry (tests and benches: testing/mirror-writer.ts).
 */
export type MirrorWriterScript = { readonly file: string } | { readonly source: string };

export const mirrorWriterTiming = {
  /** Main-thread slices (docs/design.md §3: a task stays well inside 50 ms). */
  mainSliceMs: 20,
  /** Worker slices: short, since a scan's write waits for the one under way. */
  workerSliceMs: 10,
} as const;

/** How long `close` waits for the page under way before stopping the worker. */
const closeWaitMs = 10_000;

export function mainThreadMirrorWriter(db: Database): MirrorWriter {
  return {
    store: (page) => {
      let told: (read: PageRead) => void = () => undefined;
      const read = new Promise<PageRead>((resolve) => (told = resolve));
      let slices = 0;
      const stored = storePage(db, page, {
        read: told,
        // Reading the page was one task (in the I/O phase): timers and other I/O run before the first slice.
        between: () => (slices++ === 0 ? new Promise((resolve) => setTimeout(resolve, 0)) : yieldToLoop()),
        sliceBudgetMs: mirrorWriterTiming.mainSliceMs,
      });
      return settle(read, stored);
    },
    ready: Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

/** A failure crosses the thread as data, and comes back as the SyncFailure or Error it was. */
export type WireFailure = { readonly sync: boolean; readonly kind: FailureKind; readonly message: string };

export const toWire = (error: unknown): WireFailure =>
  error instanceof SyncFailure
    ? { sync: true, kind: error.kind, message: error.message }
    : { sync: false, kind: 'protocol', message: error instanceof Error ? error.message : String(error) };

const fromWire = (failure: WireFailure): Error => (failure.sync ? new SyncFailure(failure.kind, failure.message) : new Error(failure.message));

export type WorkerReply =
  | { readonly id: number; readonly read: PageRead }
  | { readonly id: number; readonly stored: readonly string[] }
  | { readonly id: number; readonly failed: WireFailure }
  /** Its code is loaded and its connection open. */
  | { readonly ready: true }
  /** Its connection's background checkpoint could not run (logged on the main thread). */
  | { readonly problem: string };

export type WorkerStart = { readonly file: string; readonly nativeBinding: string | undefined; readonly firstWriters: SharedArrayBuffer };

/**
 * The mirror writer on its own thread. Pages are stored one after the other. A worker that cannot
 * start or stops hands its work to the main thread from then on, with a warning in the log: a page
 * it had not begun is stored there at once; a page it had begun fails (its round is tried again
 * from what the database holds, as after a power cut).
 */
export function workerMirrorWriter(
  db: Database,
  script: MirrorWriterScript,
  options: { readonly nativeBinding?: string | undefined; readonly log: Logger },
): MirrorWriter {
  type Waiting = {
    readonly page: PageToStore;
    began: boolean;
    readonly read: (read: PageRead) => void;
    readonly stored: (entities: readonly string[]) => void;
    readonly failed: (error: Error) => void;
  };
  let worker: Worker | null = null;
  let fallback: MirrorWriter | null = null;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();
  let isReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (isReady = resolve));

  const giveUp = (why: string): void => {
    if (fallback) return;
    options.log.warn({ script: 'file' in script ? script.file : 'source' }, `mirror writer stopped (${why}): pages are stored on the main thread`);
    const onMain = mainThreadMirrorWriter(db);
    fallback = onMain;
    worker = null;
    isReady();
    for (const held of waiting.values()) {
      if (held.began) {
        held.failed(new SyncFailure('protocol', `the mirror writer stopped: ${why}`));
        continue;
      }
      const again = onMain.store(held.page);
      again.read.then(held.read, held.failed);
      again.stored.then(held.stored, held.failed);
    }
    waiting.clear();
  };

  const start = (): Worker => {
    const data: WorkerStart = { file: db.file, nativeBinding: options.nativeBinding, firstWriters: db.writers };
    const started = 'file' in script ? new Worker(script.file, { workerData: data }) : new Worker(script.source, { eval: true, workerData: data });
    started.unref();
    started.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        isReady();
        return;
      }
      if ('problem' in reply) {
        options.log.warn({ file: db.file }, `mirror writer: ${reply.problem}`);
        return;
      }
      const held = waiting.get(reply.id);
      if (!held) return;
      if ('read' in reply) {
        held.began = true;
        held.read(reply.read);
        return;
      }
      waiting.delete(reply.id);
      if ('stored' in reply) held.stored(reply.stored);
      else held.failed(fromWire(reply.failed));
    });
    started.on('error', (error) => giveUp(error.message));
    started.on('exit', (code) => {
      if (worker === started) giveUp(`exit ${code}`);
    });
    return started;
  };

  // Started at once: its thread and connection are ready when the first page arrives. Its commits
  // fill the WAL: the main connection's own commits must not checkpoint it (a scan would pay).
  db.checkpointInBackground();
  worker = start();
  return {
    store: (page) => {
      if (fallback) return fallback.store(page);
      worker ??= start();
      const id = nextId++;
      let resolveRead: (read: PageRead) => void = () => undefined;
      let rejectRead: (error: Error) => void = () => undefined;
      let resolveStored: (entities: readonly string[]) => void = () => undefined;
      let rejectStored: (error: Error) => void = () => undefined;
      const read = new Promise<PageRead>((resolve, reject) => {
        resolveRead = resolve;
        rejectRead = reject;
      });
      const stored = new Promise<readonly string[]>((resolve, reject) => {
        resolveStored = resolve;
        rejectStored = reject;
      });
      waiting.set(id, {
        page,
        began: false,
        read: resolveRead,
        stored: resolveStored,
        failed: (error) => {
          rejectRead(error);
          rejectStored(error);
        },
      });
      worker.postMessage({ id, page });
      return settle(read, stored);
    },
    ready,
    // Its connection closes before the main one, whose close is the last and removes the WAL.
    close: async () => {
      const running = worker;
      worker = null;
      if (!running) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.postMessage('close');
      const late = setTimeout(() => void running.terminate(), closeWaitMs);
      await exited;
      clearTimeout(late);
    },
  };
}

/** `read` is settled whatever happens (a failed store fails it too); neither rejection goes unhandled. */
function settle(read: Promise<PageRead>, stored: Promise<readonly string[]>): ReturnType<MirrorWriter['store']> {
  const readOrFailed = Promise.race([read, stored.then(() => read)]);
  readOrFailed.catch(() => undefined);
  stored.catch(() => undefined);
  return { read: readOrFailed, stored };
}
