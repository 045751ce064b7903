import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';
import { ensurePrivateDir, makePrivate } from '../private-files';
import type { Database } from './connection';
import type { Integrity } from './integrity';

export type BackupResult = { readonly file: string; readonly bytes: number; readonly at: number };
/** `modifiedAt`: the file's own time, which changes when anything writes to it. */
export type BackupFile = { readonly file: string; readonly name: string; readonly at: number; readonly sizeBytes: number; readonly modifiedAt: number };

const prefix = 'quai-';
const suffix = '.sqlite3';
const stampOf = (at: number): string => new Date(at).toISOString().replace(/[:.]/g, '-');
/** `quai-2026-11-26T08-00-00-000Z.sqlite3` → its time; the file's own time for a name we did not write. */
const timeOf = (name: string, mtimeMs: number): number => {
  const stamp = /^quai-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite3$/.exec(name);
  return stamp ? Date.parse(`${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}.${stamp[5]}Z`) : mtimeMs;
};

/**
 * Online copy (SQLite backup API: the program keeps working meanwhile) into `dir`, readable by its
 * user only, then checked whole by `verify` (integrity_check) before it is kept: a copy of a
 * damaged file is deleted and the backup fails with BACKUP_DAMAGED, so a bad copy never sits among
 * the good ones (issue #9). Then only the newest `keep` copies stay. Names sort by time.
 */
export async function backupDatabase(
  db: Database,
  dir: string,
  now: number,
  options: { readonly verify: (file: string) => Promise<Integrity>; readonly keep?: number },
): Promise<BackupResult> {
  ensurePrivateDir(dir);
  const file = join(dir, `${prefix}${stampOf(now)}${suffix}`);
  try {
    await db.backup(file);
    makePrivate(file);
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
  const integrity = await options.verify(file);
  if (!integrity.ok) {
    rmSync(file, { force: true });
    throw new AppError('BACKUP_DAMAGED', `the copy failed its integrity check: ${integrity.problems[0] ?? ''}`, { problems: integrity.problems.slice(0, 5) });
  }
  const copies = listBackups(dir);
  for (const old of copies.slice(options.keep ?? 14)) rmSync(old.file, { force: true });
  return { file, bytes: statSync(file).size, at: now };
}

/** The backups in `dir`, newest first; none when the folder does not exist. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith(prefix) && name.endsWith(suffix));
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      try {
        const stats = statSync(join(dir, name));
        return stats.isFile() ? [{ file: join(dir, name), name, at: timeOf(name, stats.mtimeMs), sizeBytes: stats.size, modifiedAt: stats.mtimeMs }] : [];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.at - a.at || b.name.localeCompare(a.name));
}

export function latestBackupTime(dir: string): number | null {
  return listBackups(dir)[0]?.at ?? null;
}
