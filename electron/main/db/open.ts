import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { recoveryProblems, type RecoveryProblem } from '../../../shared/ipc/recovery';
import { listBackups } from '../../platform/db/backup';
import { openDatabase, type Database } from '../../platform/db/connection';
import { AppError } from '../../platform/errors';
import type { Logger } from '../../platform/logging';
import { migrations } from './migrations';

/** Where the station keeps what (one place, so recovery, backup and start agree). */
export const stationFiles = (dataDir: string) => ({
  database: join(dataDir, 'quai.sqlite3'),
  backups: join(dataDir, 'backups'),
  /** Damaged databases put aside by a restore, never deleted. */
  damaged: join(dataDir, 'damaged'),
});

export type StationDatabase = { readonly ok: true; readonly db: Database } | { readonly ok: false; readonly problem: AppError & { code: RecoveryProblem } };

const isRecoveryProblem = (error: unknown): error is AppError & { code: RecoveryProblem } =>
  error instanceof AppError && (recoveryProblems as readonly string[]).includes(error.code);

/**
 * The station's database, or why it cannot be used. A missing file is a new station only when no
 * backup exists: a station with backups and no database has lost it (issue #9: it must never turn
 * into a fresh setup screen where anyone creates an admin). Anything else that goes wrong (a native
 * module built for another runtime) is not the file's fault and is thrown.
 */
export function openStationDatabase(dataDir: string, nativeBinding: string | undefined, log: Logger): StationDatabase {
  const files = stationFiles(dataDir);
  if (!existsSync(files.database) && listBackups(files.backups).length > 0) {
    const problem = new AppError('DB_MISSING', `${files.database} is missing, but backups exist`, { file: files.database });
    return { ok: false, problem: problem as AppError & { code: 'DB_MISSING' } };
  }
  try {
    return {
      ok: true,
      db: openDatabase(files.database, {
        migrations,
        ...(nativeBinding ? { nativeBinding } : {}),
        onCheckpointProblem: (message) => log.warn({ file: files.database }, message),
      }),
    };
  } catch (error) {
    if (isRecoveryProblem(error)) return { ok: false, problem: error };
    throw error;
  }
}
