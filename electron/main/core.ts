import { join } from 'node:path';
import type { NoticeTask } from '../../shared/diagnostics';
import { operations } from '../../shared/ipc';
import { recovery as recoveryContract, type RecoveryProblem } from '../../shared/ipc/recovery';
import { fail, type Result } from '../../shared/result';
import { systemClock, type Clock } from '../platform/clock';
import { backupDatabase, latestBackupTime, type BackupResult } from '../platform/db/backup';
import type { Database } from '../platform/db/connection';
import { checkIntegrity } from '../platform/db/integrity';
import { AppError } from '../platform/errors';
import { guard } from '../platform/guard';
import { createLogger, logsProblem, type Logger } from '../platform/logging';
import { ensurePrivateDir, repairPrivateTree } from '../platform/private-files';
import type { SecretStore } from '../platform/secrets';
import { registerAuditHandlers } from './audit/handlers';
import { createAuditLog } from './audit/service';
import { registerAuthHandlers } from './auth/handlers';
import { createAuthService } from './auth/service';
import { createSessionStore } from './auth/session';
import { openStationDatabase, stationFiles } from './db/open';
import { registerDiagnosticsHandlers } from './diagnostics/handlers';
import { createNotices, type Notices } from './diagnostics/notices';
import { createEventBus, type EventBus } from './events';
import { createRegistrar, type Caller } from './ipc/registrar';
import { registerDashboardHandlers } from './dashboard/handlers';
import { createDayClose } from './dashboard/close-day';
import { createDashboardService } from './dashboard/service';
import { registerDispatchHandlers } from './dispatch/handlers';
import { createDispatchService } from './dispatch/service';
import { registerOrderHandlers } from './orders/handlers';
import { registerPackingHandlers } from './packing/handlers';
import { createPackService } from './packing/service';
import { registerPickingHandlers } from './picking/handlers';
import { createPickService } from './picking/picks';
import { createPickingService } from './picking/service';
import { registerHealthyRecoveryHandlers, registerRecoveryHandlers } from './recovery/handlers';
import { createRecovery, type Restored } from './recovery/service';
import { registerScannerHandlers } from './scanner/handlers';
import { createScannerService } from './scanner/service';
import { registerSettingsHandlers } from './settings/handlers';
import { createSettingsService } from './settings/service';
import { registerSetupHandlers } from './site/handlers';
import { createSiteService } from './site/service';
import { createCountService } from './stock/counts';
import { registerStockHandlers } from './stock/handlers';
import { createLocationImport } from './stock/locations-import';
import { createStockService } from './stock/service';
import type { Timeouts } from './sync/client';
import { createCentreLink, type DemoCentrePort } from './sync/connection';
import { createSyncEngine, type SyncEngine } from './sync/engine';
import { workerMirrorWriter, type MirrorWriterScript } from './sync/mirror-writer';
import { registerSyncHandlers } from './sync/handlers';
import { latestReconcile, reconcileWithCentre } from './sync/reconcile';
import { registerExceptionHandlers } from './exceptions/handlers';
import { createExceptionService } from './exceptions/service';
import { registerTaskHandlers } from './tasks/handlers';
import { findTaskByCount } from './tasks/repo';
import { createTaskService } from './tasks/service';

export type CoreOptions = {
  /** Where the station keeps its database, backups and logs. */
  readonly dataDir: string;
  readonly clock?: Clock;
  readonly log?: Logger;
  /** better-sqlite3 built for this runtime's ABI (Electron passes its own build). */
  readonly nativeBinding?: string;
  /** Periodic work (idle lock, daily backup, sync) on timers; tests leave it off and call `tick()`. */
  readonly timers?: boolean;
  /** Where the centre token is kept; the host chooses (Electron: safeStorage; web host: a 0600 file) and the core says which in its log. */
  readonly secrets: SecretStore;
  /** The demo / training centre the host runs for a demo site; absent: this host offers none. */
  readonly demoCentre?: DemoCentrePort;
  /** Whether the operating system says the network is there (Electron); absent: requests decide. */
  readonly isOnline?: () => boolean;
  /** Deadlines of requests to the centre (docs/design.md §4 defaults); fault tests shorten them. */
  readonly centreTimeouts?: Timeouts;
  /** This build's version, checked against the centre's minClientVersion (default shared/version.ts). */
  readonly appVersion?: string;
  /**
   * The mirror writer's thread (electron/main/sync/mirror-writer.ts): the built `mirror-writer.js`
   * the host ships beside the core. Without it, the centre's pages are stored on the main thread.
   */
  readonly mirrorWriter?: MirrorWriterScript;
};

export type Core = {
  readonly dispatch: (channel: string, input: unknown, caller: Caller) => Promise<Result<unknown>>;
  readonly events: EventBus;
  /** The station database; in recovery there is none (DB_UNUSABLE). */
  readonly db: Database;
  readonly log: Logger;
  readonly dataDir: string;
  /** Why the database cannot be used, for the host to say in one line; null when the station runs. */
  readonly recovery: () => { readonly code: RecoveryProblem; readonly file: string } | null;
  /** Runs the periodic work now: idle lock, then the daily backup if one is due. */
  readonly tick: () => Promise<void>;
  /** A failure the host caught outside any operation (its last-resort handler): the admin is told. */
  readonly reportFailure: (task: NoticeTask, error: unknown) => void;
  /** Connects to the centre (starting the demo centre for a demo site) and starts syncing. */
  readonly start: () => Promise<void>;
  readonly sync: SyncEngine;
  readonly close: () => Promise<void>;
};

const dayMs = 24 * 60 * 60_000;

const passiveChannels = new Set(operations.filter((operation) => operation.passive).map((operation) => operation.channel));

/** What runs on a database that opened: every module, its registrar, its centre link. */
type Station = {
  readonly db: Database;
  readonly dispatch: Core['dispatch'];
  readonly lockIfIdle: () => void;
  readonly tick: () => Promise<void>;
  /** Connects to the centre; with timers, syncing starts; without (tests, tools), `firstSync` waits for one cycle. */
  readonly startSync: (firstSync: boolean) => Promise<void>;
  readonly sync: SyncEngine;
  readonly close: () => Promise<void>;
};

/**
 * Composition root: everything the station does, with no Electron import (docs/design.md §2). When the
 * database cannot be used safely (missing while backups exist, empty, damaged, read-only, another
 * schema) the core does not throw and does not start a new station over lost data: it starts in
 * recovery (issue #9), answering DB_UNUSABLE to every operation but `recovery.*`, and becomes the
 * station once an admin has restored a backup.
 */
export function createCore(options: CoreOptions): Core {
  const { dataDir } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(dataDir);
  const coreLog = log.child({ module: 'core' });
  const events = createEventBus(log);
  const notices = createNotices(clock);
  const files = stationFiles(dataDir);

  let station: Station | null = null;
  let started = false;
  prepareDataFolder(dataDir, coreLog);
  const opened = openStationDatabase(dataDir, options.nativeBinding, coreLog);
  // After the open: a database just created, and its -wal and -shm, are checked too.
  checkDataFolder(dataDir, coreLog, notices);
  const recovery = opened.ok
    ? null
    : createRecovery({
        dataDir,
        problem: opened.problem,
        clock,
        log,
        nativeBinding: options.nativeBinding,
        restored: (restored) => {
          station = startStation(restored.db);
          recordRestore(restored);
          if (started) guard(log, 'sync after a restore', () => station?.startSync(false))();
        },
      });
  const recoveryDispatch = recovery ? recoveryRegistrar() : null;
  if (opened.ok) station = startStation(opened.db);
  else coreLog.error({ code: opened.problem.code, file: files.database, reason: opened.problem.message }, 'station database unusable: recovery');

  function startStation(db: Database): Station {
    const audit = createAuditLog(db, clock);
    const settings = createSettingsService(db, audit, notices);
    const session = createSessionStore(clock);
    const auth = createAuthService({ db, clock, audit, settings, session, events });
    const stock = createStockService({ db, clock, audit, events, settings });
    const counts = createCountService({ db, clock, audit, events, settings }, stock, {
      onClosed: (tx, actor, countId, outcome, lines) => tasks.countClosed(tx, actor, countId, outcome, lines),
      ownedByTask: (read, countId) => findTaskByCount(read, countId) !== null,
    });
    const tasks = createTaskService({ db, clock, audit, events, stock, startCount: counts.start });
    const exceptions = createExceptionService({ db, clock, audit, events, tasks });
    const locationImport = createLocationImport({ db, clock, audit, events, settings });
    const centre = createCentreLink({ read: db.read, secrets: options.secrets, log, demoCentre: options.demoCentre, timeouts: options.centreTimeouts });
    const writer = options.mirrorWriter ? workerMirrorWriter(db, options.mirrorWriter, { nativeBinding: options.nativeBinding, log: coreLog }) : undefined;
    const sync = createSyncEngine({
      db,
      writer,
      clock,
      events,
      log,
      centre: centre.current,
      onFailure: () => notices.raise('TASK_FAILED', { subject: 'sync', task: 'sync' }),
      isOnline: options.isOnline,
      appVersion: options.appVersion,
    });
    const reconcile = () => reconcileWithCentre({ db, clock, client: () => centre.current()?.client ?? null, syncNow: sync.syncNow });
    // What another station changed reaches this one's people: a person disabled elsewhere is logged out here.
    events.subscribe((name, payload) => {
      const entities = name === 'sync:pulled' ? (payload as { entities: readonly string[] }).entities : [];
      if (entities.includes('person')) auth.refreshSession();
      if (entities.includes('task')) tasks.announce([]);
      // One raised while storing a pull (a badge taken twice, a missing reference) changes the status's count, which screens follow.
      if (entities.includes('exception')) exceptions.announce([]);
      if (entities.includes('parcel') || entities.includes('trailer')) events.emit('packing:changed', { ssccs: [] });
    });
    const site = createSiteService({
      db,
      clock,
      audit,
      settings,
      centre,
      startSync: () => startSync(true),
      syncNow: () => sync.syncNow(),
    });

    async function backupNow(userId: number | null): Promise<BackupResult> {
      const action = userId === null ? 'db:daily-backup' : 'settings:backup-database';
      try {
        const result = await backupDatabase(db, files.backups, clock.now(), {
          verify: (file) => checkIntegrity(file, { nativeBinding: options.nativeBinding }),
        });
        audit.recordAlone({ userId, action, outcome: 'ok', detail: { file: result.file, bytes: result.bytes, integrity: 'ok' } });
        notices.resolve('BACKUP_FAILED');
        notices.resolve('BACKUP_DAMAGED');
        return result;
      } catch (error) {
        log.error({ err: error, module: 'db' }, 'backup failed');
        const damaged = error instanceof AppError && error.code === 'BACKUP_DAMAGED';
        audit.recordAlone({ userId, action, outcome: 'failed', detail: damaged ? { code: error.code, ...error.details } : { reason: String(error) } });
        notices.raise(damaged ? 'BACKUP_DAMAGED' : 'BACKUP_FAILED', { reason: damaged ? error.message : String(error) });
        if (damaged) throw error;
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
    registerStockHandlers(registrar, db, stock, counts, locationImport);
    registerSyncHandlers(registrar, { db, clock, audit, engine: sync, dataDir, reconcile });
    registerTaskHandlers(registrar, tasks);
    registerExceptionHandlers(registrar, exceptions);
    registerOrderHandlers(registrar, db, clock);
    registerPickingHandlers(registrar, createPickingService({ db, clock, audit, events }), createPickService({ db, clock, audit, events }));
    const packing = createPackService({ db, clock, audit, events });
    registerPackingHandlers(registrar, packing);
    registerDispatchHandlers(registrar, createDispatchService({ db, clock, audit, events, packing }));
    registerDashboardHandlers(registrar, createDashboardService({ db, clock }), createDayClose({ db, clock, audit }));
    registerScannerHandlers(registrar, createScannerService(db, audit, notices));
    registerDiagnosticsHandlers(registrar, notices);
    registerHealthyRecoveryHandlers(registrar);
    registrar.assertComplete(operations);

    /**
     * Connects to the centre and syncs; a centre that cannot be reached is a sync state, never a
     * failed start. With timers the engine syncs by itself; without, a first setup waits for its sync.
     * A writer thread that cannot start hands its work to the main thread and is ready too.
     */
    async function startSync(firstSync: boolean): Promise<void> {
      try {
        await centre.connect();
      } catch (error) {
        log.child({ module: 'sync' }).error({ err: error }, 'cannot connect to the centre');
        return;
      }
      if (!centre.current()) return;
      // Pages go to the mirror writer's thread: the first sync starts once it has loaded its code.
      await writer?.ready;
      if (options.timers) sync.start();
      else if (firstSync) await sync.syncNow();
    }

    /** Every change a person makes may have written an event: the engine sends it soon (debounced). */
    async function dispatch(channel: string, input: unknown, caller: Caller): Promise<Result<unknown>> {
      const result = await registrar.dispatch(channel, input, caller);
      if (result.ok && !passiveChannels.has(channel)) sync.trigger();
      return result;
    }

    coreLog.info({ dataDir, schema: db.schemaVersion(), secrets: options.secrets.describe }, 'station core started');
    return {
      db,
      dispatch,
      lockIfIdle: auth.lockIfIdle,
      tick: async () => {
        auth.lockIfIdle();
        const last = latestBackupTime(files.backups);
        if (site.isSetUp() && (last === null || clock.now() - last >= dayMs)) {
          await backupNow(null).catch(() => undefined);
        }
        // The daily reconciliation with the centre's view of the site (issue #11).
        const reconciled = latestReconcile(db.read);
        if (site.isSetUp() && centre.current() && (reconciled === null || clock.now() - Date.parse(reconciled.at) >= dayMs)) await reconcile();
      },
      startSync,
      sync,
      close: async () => {
        await sync.stop();
        await writer?.close();
        await centre.close();
        db.close();
      },
    };
  }

  /** The restore and the refusals before it, in the restored database's audit log (ADR 0006). */
  function recordRestore(restored: Restored): void {
    const audit = createAuditLog(restored.db, clock);
    restored.db.write((tx) => {
      for (const refusal of restored.refusals) {
        audit.record(tx, {
          userId: refusal.userId,
          action: recoveryContract.restoreBackup.channel,
          outcome: 'refused',
          detail: { code: refusal.code, badge: refusal.badge, attemptedAt: new Date(refusal.at).toISOString() },
        });
      }
      audit.record(tx, {
        userId: restored.admin.id,
        action: recoveryContract.restoreBackup.channel,
        outcome: 'ok',
        target: `backup:${restored.backup.name}`,
        detail: { problem: restored.problem, damagedKeptIn: restored.damagedKeptIn },
      });
    });
    notices.raise('DB_RESTORED', { backup: restored.backup.name, at: new Date(restored.backup.at).toISOString(), by: restored.admin.name });
  }

  /** In recovery: `recovery.*` through a registrar of their own; every other operation DB_UNUSABLE. */
  function recoveryRegistrar(): Core['dispatch'] {
    const registrar = createRegistrar({
      gate: { current: () => null, lockIfIdle: () => undefined, touch: () => undefined, isSetUp: () => true },
      // Recovery operations are public: no role refusal to audit, and no database to write one to.
      audit: { recordAlone: (entry) => coreLog.warn({ audit: entry }, 'refusal in recovery') },
      log,
    });
    if (recovery) registerRecoveryHandlers(registrar, recovery);
    const known = new Set(operations.map((operation) => operation.channel));
    return async (channel, input, caller) => {
      if (registrar.channels().includes(channel) || !known.has(channel) || !caller.trusted) return registrar.dispatch(channel, input, caller);
      return fail('DB_UNUSABLE', 'the station database cannot be used: see the recovery screen');
    };
  }

  const timers: NodeJS.Timeout[] = [];
  if (options.timers) {
    const failed = (task: NoticeTask) => () => notices.raise('TASK_FAILED', { subject: task, task });
    timers.push(
      setInterval(
        guard(log, 'idle lock', () => station?.lockIfIdle(), failed('idle-lock')),
        1000,
      ).unref(),
    );
    const tick = guard(log, 'daily backup', () => station?.tick(), failed('daily-backup'));
    timers.push(setInterval(tick, 60 * 60_000).unref());
    tick();
  }

  const unusable = (): never => {
    throw new AppError('DB_UNUSABLE', 'the station database cannot be used: see the recovery screen');
  };

  return {
    dispatch: (channel, input, caller) => (station ? station.dispatch(channel, input, caller) : (recoveryDispatch as Core['dispatch'])(channel, input, caller)),
    events,
    get db() {
      return station?.db ?? unusable();
    },
    log,
    dataDir,
    recovery: () => (station || !recovery ? null : { code: recovery.problem().code, file: files.database }),
    tick: async () => {
      await station?.tick();
    },
    reportFailure: (task, error) => {
      coreLog.error({ err: error, task }, 'failure outside any operation');
      notices.raise('TASK_FAILED', { subject: task, task });
    },
    get sync() {
      return station?.sync ?? unusable();
    },
    start: async () => {
      started = true;
      await station?.startSync(false);
    },
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      await station?.close();
    },
  };
}

function prepareDataFolder(dataDir: string, log: Logger): void {
  try {
    ensurePrivateDir(dataDir);
  } catch (error) {
    // A folder that cannot be made (read-only disk): opening the database says so, as DB_READ_ONLY.
    log.error({ err: error, dataDir }, 'data folder cannot be prepared');
  }
}

/**
 * The data folder and everything in it are the station user's alone (issue #9), checked and
 * repaired at every start; a log folder that cannot be written is said to the admin, not a crash.
 */
function checkDataFolder(dataDir: string, log: Logger, notices: Notices): void {
  const repair = repairPrivateTree(dataDir);
  if (repair.repaired.length > 0) log.warn({ repaired: repair.repaired }, 'files other users could read were made private');
  if (repair.failed.length > 0) {
    log.error({ failed: repair.failed }, 'files other users may read could not be made private');
    notices.raise('FILE_MODES_UNREPAIRED', { count: repair.failed.length, first: repair.failed[0]?.path ?? '' });
  }
  const logs = logsProblem(dataDir);
  if (logs) {
    log.error({ reason: logs }, 'log folder cannot be written');
    notices.raise('LOGS_UNWRITABLE', { folder: join(dataDir, 'logs'), reason: logs });
  }
}
