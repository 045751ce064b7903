import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { RecoveryBackup, RecoveryProblem, RecoveryStatus, RestoreDone } from '../../../shared/ipc/recovery';
import { toIso, type Clock } from '../../platform/clock';
import { listBackups, type BackupFile } from '../../platform/db/backup';
import { openReadOnly, type Database } from '../../platform/db/connection';
import { checkIntegrityOf, type Integrity } from '../../platform/db/integrity';
import { AppError } from '../../platform/errors';
import type { Logger } from '../../platform/logging';
import { ensurePrivateDir, makePrivate } from '../../platform/private-files';
import { verifyPin } from '../auth/pin';
import { findUserByBadge } from '../auth/repo';
import { openStationDatabase, stationFiles } from '../db/open';
import { recoveryAttempts } from './attempts';

/** A refused restore, told to the restored database's audit log once there is one (ADR 0006). */
export type RecoveryRefusal = { readonly at: number; readonly badge: string; readonly userId: number | null; readonly code: string };

export type Restored = {
  readonly db: Database;
  readonly backup: BackupFile;
  readonly admin: { readonly id: number; readonly name: string };
  readonly problem: RecoveryProblem;
  readonly damagedKeptIn: string | null;
  readonly refusals: readonly RecoveryRefusal[];
};

export type RecoveryDeps = {
  readonly dataDir: string;
  readonly problem: AppError & { code: RecoveryProblem };
  readonly clock: Clock;
  readonly log: Logger;
  readonly nativeBinding?: string | undefined;
  /** The station takes over with the restored database. */
  readonly restored: (restored: Restored) => void;
};

/**
 * The station when its database cannot be used (issue #9): it says what is wrong, lists the
 * backups with their integrity, and lets an admin of a backup put it in place. Nothing is deleted:
 * the damaged file and its -wal/-shm go to `damaged/<time>/`.
 */
export function createRecovery(deps: RecoveryDeps) {
  const files = stationFiles(deps.dataDir);
  const log = deps.log.child({ module: 'recovery' });
  const attempts = recoveryAttempts(deps.dataDir);
  const refusals: RecoveryRefusal[] = [];
  let problem = deps.problem;
  let done = false;
  // A backup's check is a full read: each file is checked once as it is now, all of them on one
  // worker, started as soon as the station is in recovery so the screen finds them done.
  const checked = new Map<string, Promise<Integrity>>();
  const keyOf = (backup: BackupFile): string => `${backup.name}:${backup.sizeBytes}:${backup.modifiedAt}`;
  const checkAll = (backups: readonly BackupFile[]): void => {
    const unchecked = backups.filter((backup) => !checked.has(keyOf(backup)));
    if (unchecked.length === 0) return;
    const run = checkIntegrityOf(
      unchecked.map((backup) => backup.file),
      { nativeBinding: deps.nativeBinding },
    );
    for (const backup of unchecked) {
      checked.set(
        keyOf(backup),
        run.then((results) => results.get(backup.file) ?? { ok: false, problems: ['not checked'] }),
      );
    }
  };
  const integrityOf = (backup: BackupFile): Promise<Integrity> => {
    checkAll([backup]);
    return checked.get(keyOf(backup)) as Promise<Integrity>;
  };
  checkAll(listBackups(files.backups));
  const canRestore = (): boolean => problem.code !== 'DB_READ_ONLY';

  async function status(): Promise<RecoveryStatus> {
    const listed = listBackups(files.backups);
    checkAll(listed);
    const backups: RecoveryBackup[] = [];
    for (const backup of listed) {
      backups.push({ name: backup.name, at: toIso(backup.at), sizeBytes: backup.sizeBytes, integrityOk: (await integrityOf(backup)).ok });
    }
    return { problem: { code: problem.code, file: files.database, canRestore: canRestore() }, backups };
  }

  function refuse(badge: string, userId: number | null, error: AppError): AppError {
    refusals.push({ at: deps.clock.now(), badge, userId, code: error.code });
    log.warn({ badge, userId, code: error.code }, 'restore refused');
    return error;
  }

  /** Badge and PIN of an admin in that backup: the people who ran the station as it was then. */
  async function checkAdmin(backup: BackupFile, badge: string, pin: string): Promise<{ id: number; name: string }> {
    const opened = openReadOnly(backup.file, deps.nativeBinding);
    let user;
    try {
      user = findUserByBadge(opened.read, badge);
    } finally {
      opened.close();
    }
    if (!user) throw refuse(badge, null, new AppError('BADGE_UNKNOWN', 'no one in this backup has this badge'));
    if (user.disabledAt !== null) throw refuse(badge, user.id, new AppError('USER_DISABLED', `user ${user.id} is disabled in this backup`));
    const attempt = attempts.begin(badge, deps.clock.now());
    if (!attempt.ok) throw refuse(badge, user.id, new AppError('BADGE_LOCKED', 'too many wrong PINs', { retryAt: toIso(attempt.lockedUntil) }));
    const right = await verifyPin(pin, user.pinHash).catch(() => false);
    if (!right) {
      const after = attempts.failed(badge, deps.clock.now());
      throw refuse(
        badge,
        user.id,
        'lockedUntil' in after
          ? new AppError('BADGE_LOCKED', 'too many wrong PINs', { retryAt: toIso(after.lockedUntil) })
          : new AppError('WRONG_PIN', 'wrong PIN', { attemptsLeft: after.attemptsLeft }),
      );
    }
    attempts.succeeded(badge);
    // Only after the PIN: whether this person is an admin says nothing to someone guessing.
    if (user.role !== 'admin') throw refuse(badge, user.id, new AppError('FORBIDDEN', 'only an admin may restore a backup'));
    return { id: user.id, name: user.name };
  }

  /** The damaged database and its companions to `damaged/<time>/`; null when there was none (DB_MISSING). */
  function putAside(): string | null {
    const present = ['', '-wal', '-shm', '-journal'].filter((suffix) => existsSync(`${files.database}${suffix}`));
    if (present.length === 0) return null;
    const dir = join(files.damaged, new Date(deps.clock.now()).toISOString().replace(/[:.]/g, '-'));
    ensurePrivateDir(dir);
    for (const suffix of present) renameSync(`${files.database}${suffix}`, join(dir, `quai.sqlite3${suffix}`));
    return dir;
  }

  async function restoreBackup(input: { backup: string; badge: string; pin: string }): Promise<RestoreDone> {
    if (!canRestore()) throw new AppError(problem.code, problem.message, problem.details);
    const backup = listBackups(files.backups).find((candidate) => candidate.name === input.backup);
    if (!backup) throw new AppError('BACKUP_NOT_FOUND', `no backup ${input.backup}`);
    const integrity = await integrityOf(backup);
    if (!integrity.ok) throw new AppError('BACKUP_DAMAGED', `backup ${backup.name} fails its integrity check`, { problems: integrity.problems.slice(0, 5) });
    const admin = await checkAdmin(backup, input.badge, input.pin);
    // Two restores decided at once: the first one in wins; from here to the end nothing awaits.
    if (done) throw new AppError('RECOVERY_NOT_NEEDED', 'a backup was restored meanwhile');

    const damagedKeptIn = putAside();
    // Copied beside the final name, then renamed: a crash leaves either no database or a whole one.
    const incoming = `${files.database}.restoring`;
    copyFileSync(backup.file, incoming);
    makePrivate(incoming);
    renameSync(incoming, files.database);
    const opened = openStationDatabase(deps.dataDir, deps.nativeBinding, log);
    if (!opened.ok) {
      putAside();
      problem = opened.problem;
      checked.clear();
      log.error({ backup: backup.name, code: problem.code }, 'the restored backup cannot be used either');
      throw new AppError(problem.code, problem.message, problem.details);
    }
    done = true;
    log.warn({ backup: backup.name, damagedKeptIn, by: admin.id }, 'database restored from a backup');
    deps.restored({ db: opened.db, backup, admin, problem: deps.problem.code, damagedKeptIn, refusals });
    return { restored: backup.name, damagedKeptIn };
  }

  return { status, restoreBackup, problem: () => problem };
}

export type Recovery = ReturnType<typeof createRecovery>;
