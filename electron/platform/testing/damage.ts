import { readFileSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Ways a database file is found damaged on a real machine (issue #9), made on purpose. Each works
 * on a closed file (its WAL checkpointed into it).
 */
export const damage = {
  /** Cut in the middle, as by a full disk or a copy that stopped. */
  truncate: (file: string): void => truncateSync(file, Math.floor(statSync(file).size / 2)),
  /** The header overwritten: "file is not a database". */
  header: (file: string): void => {
    const bytes = readFileSync(file);
    bytes.fill(0x41, 0, 100);
    writeFileSync(file, bytes);
  },
  /** One page of a table overwritten: the file opens, quick_check finds the damage. */
  page: (file: string, table: string): void => {
    const { rootpage, pageSize } = pageOf(file, table);
    const bytes = readFileSync(file);
    bytes.fill(0x41, (rootpage - 1) * pageSize, rootpage * pageSize);
    writeFileSync(file, bytes);
  },
  /**
   * A key inside an index changed: every page is sound (quick_check passes, the station starts),
   * but the index no longer matches its table, which only integrity_check sees.
   */
  indexEntry: (file: string, index: string, key: string): void => {
    const { rootpage, pageSize } = pageOf(file, index);
    const bytes = readFileSync(file);
    const page = bytes.subarray((rootpage - 1) * pageSize, rootpage * pageSize);
    const at = page.indexOf(key);
    if (at < 0) throw new Error(`${key} is not in the root page of ${index}`);
    page.write(`${key.slice(0, -1)}${key.endsWith('X') ? 'Y' : 'X'}`, at);
    writeFileSync(file, bytes);
  },
};

function pageOf(file: string, name: string): { rootpage: number; pageSize: number } {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const rootpage = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(name) as number | undefined;
    if (rootpage === undefined) throw new Error(`no ${name} in ${file}`);
    return { rootpage, pageSize: db.pragma('page_size', { simple: true }) as number };
  } finally {
    db.close();
  }
}
