import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type Integrity = {
  readonly ok: boolean;
  /** SQLite's own lines (at most 20), or why the check could not run. */
  readonly problems: readonly string[];
};

/**
 * Time allowed for one full check. integrity_check reads every page and checks every index
 * against its table: ~55 MB/s measured on this project's 2-core test machine (145 MB in 2.6 s),
 * so 5 minutes cover a database of about 15 GB, far above a station's (hundreds of MB after years).
 * A check still running then counts as failed: a backup nobody could verify is not kept as good.
 */
export const integrityBudgetMs = 5 * 60_000;

// A worker from source text: it runs the same way under Vitest, the web host and Electron, with no
// extra bundle entry. It opens the file read-only and only reads.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  const problems = db.pragma('integrity_check(20)').map((row) => row.integrity_check).filter((line) => line !== 'ok');
  parentPort.postMessage({ ok: problems.length === 0, problems });
} catch (error) {
  parentPort.postMessage({ ok: false, problems: [String((error && error.message) || error)] });
} finally {
  try { if (db) db.close(); } catch {}
}
`;

/**
 * `PRAGMA integrity_check` of a database file on a worker thread, so the station keeps answering
 * scans while it runs (seconds for a big file). Never throws: a file that cannot be opened, a
 * worker that dies or a check over its budget is a failed check with the reason.
 */
export function checkIntegrity(file: string, options: { readonly nativeBinding?: string | undefined; readonly budgetMs?: number } = {}): Promise<Integrity> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (integrity: Integrity): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(integrity);
      void worker.terminate();
    };
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { file, module: createRequire(import.meta.url).resolve('better-sqlite3'), nativeBinding: options.nativeBinding },
    });
    const timer = setTimeout(() => settle({ ok: false, problems: ['the integrity check ran over its time budget'] }), options.budgetMs ?? integrityBudgetMs);
    timer.unref();
    worker.on('message', (message: Integrity) => settle(message));
    worker.on('error', (error) => settle({ ok: false, problems: [error.message] }));
    worker.on('exit', (code) => settle({ ok: false, problems: [`the integrity check stopped (exit ${code})`] }));
  });
}
