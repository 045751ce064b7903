import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './connection';

export type BackupResult = { readonly file: string; readonly bytes: number; readonly at: number };

const prefix = 'quai-';
const suffix = '.sqlite3';

/**
 * Online copy (SQLite backup API: the station keeps scanning meanwhile) into `dir`, then keep only
 * the newest `keep` copies. Names sort by time so retention is a sort, not a parse.
 */
export async function backupDatabase(db: Database, dir: string, now: number, keep = 14): Promise<BackupResult> {
  mkdirSync(dir, { recursive: true });
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `${prefix}${stamp}${suffix}`);
  await db.backup(file);
  const copies = readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith(suffix))
    .sort();
  for (const old of copies.slice(0, Math.max(0, copies.length - keep))) rmSync(join(dir, old));
  return { file, bytes: statSync(file).size, at: now };
}

export function latestBackupTime(dir: string): number | null {
  try {
    const copies = readdirSync(dir).filter((name) => name.startsWith(prefix) && name.endsWith(suffix));
    const times = copies.map((name) => statSync(join(dir, name)).mtimeMs);
    return times.length > 0 ? Math.max(...times) : null;
  } catch {
    return null;
  }
}
