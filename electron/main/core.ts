import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { operations } from '../../shared/ipc';
import { createLogger, type Logger } from '../platform/logging';
import { registerAuditHandlers } from './audit/handlers';
import { createAuditLog } from './audit/service';
import { registerAuthHandlers } from './auth/handlers';
import { createAuthService } from './auth/service';
import { createSessionStore } from './auth/session';
import { systemClock, type Clock } from '../platform/clock';
import { backupDatabase, latestBackupTime, type BackupResult } from '../platform/db/backup';
import type { Database } from '../platform/db/connection';
import { openStationDatabase } from './db/open';
import { AppError } from '../platform/errors';
import { createEventBus, type EventBus } from './events';
import { createRegistrar, type Caller } from './ipc/registrar';
import type { Result } from '../../shared/result';
import { registerScannerHandlers } from './scanner/handlers';
import { createScannerService } from './scanner/service';
import { registerSettingsHandlers } from './settings/handlers';
import { createSettingsService } from './settings/service';
import { registerSetupHandlers } from './site/handlers';
import { createSiteService } from './site/service';
import type { SecretStore } from '../platform/secrets';
import { registerOrderHandlers } from './orders/handlers';
import type { Timeouts } from './sync/client';
import { createCentreLink, type DemoCentrePort } from './sync/connection';
import { createSyncEngine, type SyncEngine } from './sync/engine';
import { registerSyncHandlers } from './sync/handlers';
import { createCountService } from './stock/counts';
import { registerStockHandlers } from './stock/handlers';
import { createLocationImport } from './stock/locations-import';
import { reconcileWithCentre, latestReconcile } from './sync/reconcile';
import { registerTaskHandlers } from './tasks/handlers';
import { createTaskService } from './tasks/service';
import { createStockService } from './stock/service';

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
  /** This build's version, checked against the centre's minClientVersion (default shared/version.ts). */
  readonly appVersion?: string;
  /** Deadlines of requests to the centre (DESIGN §4 defaults); fault tests shorten them. */
  readonly centreTimeouts?: Timeouts;
};

export type Core = {
  readonly dispatch: (channel: string, input: unknown, caller: Caller) => Promise<Result<unknown>>;
  readonly events: EventBus;
  readonly db: Database;
  readonly log: Logger;
  readonly dataDir: string;
  /** Runs the periodic work now: idle lock, then the daily backup if one is due. */
  readonly tick: () => Promise<void>;
  /** Connects to the centre (starting the demo centre for a demo site) and starts syncing. */
  readonly start: () => Promise<void>;
  readonly sync: SyncEngine;
  readonly close: () => Promise<void>;
};

const dayMs = 24 * 60 * 60_000;

const passiveChannels = new Set(operations.filter((operation) => operation.passive).map((operation) => operation.channel));

/** Composition root: everything the station does, with no Electron import (DESIGN §2). */
export function createCore(options: CoreOptions): Core {
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true });
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(dataDir);
  const db = openStationDatabase(join(dataDir, 'quai.sqlite3'), options.nativeBinding);
  const events = createEventBus();
  const audit = createAuditLog(db, clock);
  const settings = createSettingsService(db, audit);
  const session = createSessionStore(clock);
  const auth = createAuthService({ db, clock, audit, settings, session, events });
  const stock = createStockService({ db, clock, audit, events, settings });
  const counts = createCountService({ db, clock, audit, events, settings }, stock, {
    onClosed: (tx, actor, countId, outcome, lines) => tasks.countClosed(tx, actor, countId, outcome, lines),
  });
  const tasks = createTaskService({ db, clock, audit, events, stock, startCount: counts.start });
  const locationImport = createLocationImport({ db, clock, audit, events, settings });
  const centre = createCentreLink({ read: db.read, secrets: options.secrets, log, demoCentre: options.demoCentre, timeouts: options.centreTimeouts });
  const sync = createSyncEngine({ db, clock, events, log, centre: centre.current, isOnline: options.isOnline, appVersion: options.appVersion });
  const reconcile = () => reconcileWithCentre({ db, clock, client: () => centre.current()?.client ?? null, syncNow: sync.syncNow });
  // What another station changed reaches this one's people: a person disabled elsewhere is logged out here.
  events.subscribe((name, payload) => {
    if (name === 'sync:pulled' && (payload as { entities: readonly string[] }).entities.includes('person')) auth.refreshSession();
    if (name === 'sync:pulled' && (payload as { entities: readonly string[] }).entities.includes('task')) tasks.announce([]);
  });
  const site = createSiteService({
    db,
    clock,
    audit,
    settings,
    centre,
    startSync: () => startSync(),
    syncNow: () => sync.syncNow(),
  });

  const backupDir = join(dataDir, 'backups');
  async function backupNow(userId: number | null): Promise<BackupResult> {
    const action = userId === null ? 'db:daily-backup' : 'settings:backup-database';
    try {
      const result = await backupDatabase(db, backupDir, clock.now());
      audit.recordAlone({ userId, action, outcome: 'ok', detail: { file: result.file, bytes: result.bytes } });
      return result;
    } catch (error) {
      log.error({ err: error, module: 'db' }, 'backup failed');
      audit.recordAlone({ userId, action, outcome: 'failed', detail: { reason: String(error) } });
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
  registerOrderHandlers(registrar, db, clock);
  registerScannerHandlers(registrar, createScannerService(db, audit));
  registrar.assertComplete(operations);

  async function tick(): Promise<void> {
    auth.lockIfIdle();
    const last = latestBackupTime(backupDir);
    if (site.isSetUp() && (last === null || clock.now() - last >= dayMs)) {
      await backupNow(null).catch(() => undefined);
    }
    const reconciled = latestReconcile(db.read);
    if (site.isSetUp() && centre.current() && (reconciled === null || clock.now() - Date.parse(reconciled.at) >= dayMs)) await reconcile();
  }

  const timers: NodeJS.Timeout[] = [];
  if (options.timers) {
    timers.push(setInterval(() => auth.lockIfIdle(), 1000).unref());
    timers.push(setInterval(() => void tick(), 60 * 60_000).unref());
    void tick();
  }

  /** Connects to the centre and syncs; a centre that cannot be reached is a sync state, never a failed start. */
  async function startSync(): Promise<void> {
    try {
      await centre.connect();
    } catch (error) {
      log.child({ module: 'sync' }).error({ err: error }, 'cannot connect to the centre');
      return;
    }
    if (!centre.current()) return;
    if (options.timers) sync.start();
    else await sync.syncNow();
  }

  /** Every change a person makes may have written an event: the engine sends it soon (debounced). */
  async function dispatch(channel: string, input: unknown, caller: Caller): Promise<Result<unknown>> {
    const result = await registrar.dispatch(channel, input, caller);
    if (result.ok && !passiveChannels.has(channel)) sync.trigger();
    return result;
  }

  log.child({ module: 'core' }).info({ dataDir, schema: db.schemaVersion(), secrets: options.secrets.describe }, 'station core started');
  return {
    dispatch,
    events,
    db,
    log,
    dataDir,
    tick,
    sync,
    start: startSync,
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      await sync.stop();
      await centre.close();
      db.close();
    },
  };
}
