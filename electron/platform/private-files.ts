import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A program's data folder is its user's alone (issue #9: PIN hashes copied from a 0644 database in
 * a 0755 folder were guessed offline in minutes). On POSIX: folders 0700, files 0600. On Windows
 * modes mean nothing: the folder lives in the user's own profile, whose ACL already keeps other
 * users out (docs/it-guide.md), and these functions change nothing.
 */
const posix = process.platform !== 'win32';
export const privateModes = { dir: 0o700, file: 0o600 } as const;

export type ModeRepair = {
  readonly repaired: readonly { readonly path: string; readonly from: string; readonly to: string }[];
  readonly failed: readonly { readonly path: string; readonly reason: string }[];
};

const octal = (mode: number): string => (mode & 0o777).toString(8).padStart(3, '0');

/** Creates the folder (and its parents) if missing, and makes it private whether it was new or not. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: privateModes.dir });
  if (posix) chmodSync(dir, privateModes.dir);
}

/** A file just written by someone else's code (SQLite's backup, a log stream) made private. */
export function makePrivate(file: string): void {
  if (posix) chmodSync(file, privateModes.file);
}

/**
 * Checks every folder and file under `dir` (itself included) and makes each private. Links are not
 * followed (they may point outside) and sockets or pipes are left alone. Says what it changed and
 * what it could not (another user's file, a read-only disk), for the caller to log and show.
 */
export function repairPrivateTree(dir: string): ModeRepair {
  const repaired: { path: string; from: string; to: string }[] = [];
  const failed: { path: string; reason: string }[] = [];
  if (!posix) return { repaired, failed };
  const visit = (path: string): void => {
    let stats;
    try {
      stats = lstatSync(path);
    } catch (error) {
      failed.push({ path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      return;
    }
    const wanted = stats.isDirectory() ? privateModes.dir : stats.isFile() ? privateModes.file : null;
    if (wanted === null) return;
    if ((stats.mode & 0o777) !== wanted) {
      try {
        chmodSync(path, wanted);
        repaired.push({ path, from: octal(stats.mode), to: octal(wanted) });
      } catch (error) {
        failed.push({ path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      }
    }
    if (!stats.isDirectory()) return;
    let names: string[];
    try {
      names = readdirSync(path);
    } catch (error) {
      failed.push({ path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      return;
    }
    for (const name of names) visit(join(path, name));
  };
  visit(dir);
  return { repaired, failed };
}
