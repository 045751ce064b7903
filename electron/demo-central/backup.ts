import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ensurePrivateDir, makePrivate } from '../platform/private-files';
import { readEpoch, readMeta, writeMeta, type CentreStore } from './store';
import { readStationCredentials, registerStation } from './tokens';

export type BackupInfo = { readonly epoch: string; readonly at: number; readonly file: string };
export type RestoreInfo = { readonly epoch: string; readonly previousEpoch: string; readonly backupAt: number };

export type Backups = {
  readonly backup: (at: number) => Promise<BackupInfo>;
  /** Restores the last backup of this process; null if none was made. */
  readonly restore: () => RestoreInfo | null;
};

/**
 * Backup and restore, as a real centre's operators would do them (docs/design.md §4, fault tests). A
 * restore brings back everything the backup held — events, each station's last processed seq,
 * its stock view, orders — and loses what came after; the epoch changes so that stations know
 * their cursors are void and resend from `lastProcessedSeq + 1`. Station credentials and the
 * simulated clock are not data: they carry over, so a station registered after the backup still
 * gets in (with nothing processed) and time does not run backwards.
 */
export function createBackups(store: CentreStore, dataDir: string): Backups {
  const dir = join(dataDir, 'backups');
  let last: BackupInfo | null = null;
  let taken = 0;
  return {
    backup: async (at) => {
      ensurePrivateDir(dir);
      const file = join(dir, `central-${String(++taken).padStart(4, '0')}-${at}.sqlite`);
      const epoch = readEpoch(store.db().read);
      await store.db().backup(file);
      makePrivate(file);
      last = { epoch, at, file };
      return last;
    },
    restore: () => {
      if (!last) return null;
      const read = store.db().read;
      const previousEpoch = readEpoch(read);
      const credentials = readStationCredentials(read);
      const simOffset = readMeta(read, 'sim-offset') ?? '0';
      store.replaceWith(last.file);
      const epoch = randomUUID();
      store.db().write((tx) => {
        writeMeta(tx, 'epoch', epoch);
        writeMeta(tx, 'sim-offset', simOffset);
        for (const c of credentials) registerStation(tx, c.stationId, c.tokenHash, c.createdAt);
      });
      return { epoch, previousEpoch, backupAt: last.at };
    },
  };
}
