import { z } from 'zod';
import { badgeSchema, pinSchema } from '../people';
import { defineModule, returns } from './define';

/**
 * Why the station database cannot be used (issue #9). The station then answers every operation
 * with DB_UNUSABLE but these, and shows the recovery screen instead of a new, empty station.
 */
export const recoveryProblems = ['DB_MISSING', 'DB_EMPTY', 'DB_CORRUPT', 'DB_READ_ONLY', 'DB_SCHEMA_MISMATCH', 'DB_NEWER_THAN_APP'] as const;
export type RecoveryProblem = (typeof recoveryProblems)[number];

/** A backup as the recovery screen lists it: its name (never a path), time, size, and whether integrity_check passes now. */
export type RecoveryBackup = { readonly name: string; readonly at: string; readonly sizeBytes: number; readonly integrityOk: boolean };

export type RecoveryStatus = {
  /** Null when the database is fine (the station is running). */
  readonly problem: {
    readonly code: RecoveryProblem;
    /** The database file, for IT. */
    readonly file: string;
    /** Whether restoring a backup can mend it (a folder that cannot be written needs IT instead). */
    readonly canRestore: boolean;
  } | null;
  readonly backups: readonly RecoveryBackup[];
};

export type RestoreDone = { readonly restored: string; readonly damagedKeptIn: string | null };

/** A backup's file name as the station writes them: a name, never a path. */
export const backupNameSchema = z.string().regex(/^quai-[0-9A-Za-z-]{1,40}\.sqlite3$/, 'a backup file name');

export const recovery = defineModule('recovery', {
  status: { input: z.object({}), output: returns<RecoveryStatus>(), access: 'public', passive: true },
  /**
   * Puts a backup in place of the damaged database: an admin of that backup (badge + PIN, checked
   * against the people in the backup, with the usual lockout) decides. The damaged file is kept
   * aside, never deleted; then the station opens the restored database and carries on.
   */
  restoreBackup: { input: z.object({ backup: backupNameSchema, badge: badgeSchema, pin: pinSchema }), output: returns<RestoreDone>(), access: 'public' },
});
