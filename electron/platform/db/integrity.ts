import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type Integrity = {
  readonly ok: boolean;
  /** SQLite's own lines (at most 20), or why the check could not run. */
  readonly problems: readonly string[];
};

/**
 * Time allowed for one file's full check. integrity_check reads every page and checks every index
 * against its table: ~55 MB/s measured on this project's 2-core test machine (145 MB in 2.6 s),
 * so 5 minutes cover a database of about 15 GB, far above a station's (hundreds of MB after years).
 * A check still running then counts as failed: a backup nobody could verify is not kept as good.
 */
const integrityBudgetMs = 5 * 60_000;

// A worker from source text: it runs the same way under Vitest, the web host and Electron, with no
// extra bundle entry. It opens each file read-only and only reads, one after the other.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
for (const file of workerData.files) {
  let db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
    const problems = db.pragma('integrity_check(20)').map((row) => row.integrity_check).filter((line) => line !== 'ok');
    parentPort.postMessage({ file, ok: problems.length === 0, problems });
  } catch (error) {
    parentPort.postMessage({ file, ok: false, problems: [String((error && error.message) || error)] });
  } finally {
    try { if (db) db.close(); } catch {}
  }
}
`;

/**
 * `PRAGMA integrity_check` of database files on one worker thread, so the station keeps answering
 * scans while it runs (seconds for a big file). Never throws: a file that cannot be opened, a
 * worker that dies or a check over its budget is a failed check with the reason.
 */
export function checkIntegrityOf(
  files: readonly string[],
  options: { readonly nativeBinding?: string | undefined; readonly budgetMs?: number } = {},
): Promise<ReadonlyMap<string, Integrity>> {
  const results = new Map<string, Integrity>();
  if (files.length === 0) return Promise.resolve(results);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (reason?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const file of files) if (!results.has(file)) results.set(file, { ok: false, problems: [reason ?? 'the integrity check did not run'] });
      resolve(results);
      void worker.terminate();
    };
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { files, module: createRequire(import.meta.url).resolve('better-sqlite3'), nativeBinding: options.nativeBinding },
    });
    const timer = setTimeout(() => settle('the integrity check ran over its time budget'), (options.budgetMs ?? integrityBudgetMs) * files.length);
    timer.unref();
    worker.on('message', (message: Integrity & { file: string }) => {
      results.set(message.file, { ok: message.ok, problems: message.problems });
      if (results.size === files.length) settle();
    });
    worker.on('error', (error) => settle(error.message));
    worker.on('exit', (code) => settle(`the integrity check stopped (exit ${code})`));
  });
}

/** One file's check (a backup just made). */
export async function checkIntegrity(
  file: string,
  options: { readonly nativeBinding?: string | undefined; readonly budgetMs?: number } = {},
): Promise<Integrity> {
  return (await checkIntegrityOf([file], options)).get(file) ?? { ok: false, problems: ['the integrity check did not run'] };
}
