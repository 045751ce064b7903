import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { operations } from '../../shared/ipc';
import { createLogger, type Logger } from './app/logging';
import { registerAuditHandlers } from './audit/handlers';
import { createAuditLog } from './audit/service';
import { registerAuthHandlers } from './auth/handlers';
import { createAuthService } from './auth/service';
import { createSessionStore } from './auth/session';
import { systemClock, type Clock } from './clock';
import { backupDatabase, latestBackupTime, type BackupResult } from './db/backup';
import { openDatabase, type Database } from './db/connection';
import { AppError } from './errors';
import { createEventBus, type EventBus } from './events';
import { createRegistrar, type Caller } from './ipc/registrar';
import type { Result } from '../../shared/result';
import { registerSettingsHandlers } from './settings/handlers';
import { createSettingsService } from './settings/service';
import { registerSetupHandlers } from './site/handlers';
import { createSiteService } from './site/service';

export type CoreOptions = {
  /** Where the station keeps its database, backups and logs. */
  readonly dataDir: string;
  readonly clock?: Clock;
  readonly log?: Logger;
  /** better-sqlite3 built for this runtime's ABI (Electron passes its own build). */
  readonly nativeBinding?: string;
  /** Periodic work (idle lock, daily backup) on timers; tests leave it off and call `tick()`. */
  readonly timers?: boolean;
};

export type Core = {
  readonly dispatch: (channel: string, input: unknown, caller: Caller) => Promise<Result<unknown>>;
  readonly events: EventBus;
  readonly db: Database;
  readonly log: Logger;
  readonly dataDir: string;
  /** Runs the periodic work now: idle lock, then the daily backup if one is due. */
  readonly tick: () => Promise<void>;
  readonly close: () => void;
};

const dayMs = 24 * 60 * 60_000;

/** Composition root: everything the station does, with no Electron import (DESIGN §2). */
export function createCore(options: CoreOptions): Core {
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true });
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(dataDir);
  const db = openDatabase(join(dataDir, 'quai.sqlite3'), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const events = createEventBus();
  const audit = createAuditLog(db, clock);
  const settings = createSettingsService(db, audit);
  const session = createSessionStore(clock);
  const site = createSiteService({ db, clock, audit, settings });
  const auth = createAuthService({ db, clock, audit, settings, session, events });

  const backupDir = join(dataDir, 'backups');
  async function backupNow(userId: number | null): Promise<BackupResult> {
    try {
      const result = await backupDatabase(db, backupDir, clock.now());
      audit.recordAlone({ userId, action: 'db.backup', outcome: 'ok', detail: { file: result.file, bytes: result.bytes } });
      return result;
    } catch (error) {
      log.error({ err: error, module: 'db' }, 'backup failed');
      audit.recordAlone({ userId, action: 'db.backup', outcome: 'failed', detail: { reason: String(error) } });
      throw new AppError('BACKUP_FAILED', `backup failed: ${String(error)}`);
    }
  }

  const registrar = createRegistrar({
    gate: {
      current: session.current,
      lockIfIdle: auth.lockIfIdle,
      touch: session.touch,
      isSetUp: site.isSetUp,
    },
    audit,
    log,
  });
  registerSetupHandlers(registrar, site);
  registerAuthHandlers(registrar, auth);
  registerSettingsHandlers(registrar, settings, backupNow);
  registerAuditHandlers(registrar, audit);
  registrar.assertComplete(operations);

  async function tick(): Promise<void> {
    auth.lockIfIdle();
    const last = latestBackupTime(backupDir);
    if (site.isSetUp() && (last === null || clock.now() - last >= dayMs)) {
      await backupNow(null).catch(() => undefined);
    }
  }

  const timers: NodeJS.Timeout[] = [];
  if (options.timers) {
    timers.push(setInterval(() => auth.lockIfIdle(), 1000).unref());
    timers.push(setInterval(() => void tick(), 60 * 60_000).unref());
    void tick();
  }

  log.child({ module: 'core' }).info({ dataDir, schema: db.schemaVersion() }, 'station core started');
  return {
    dispatch: registrar.dispatch,
    events,
    db,
    log,
    dataDir,
    tick,
    close: () => {
      for (const timer of timers) clearInterval(timer);
      db.close();
    },
  };
}
