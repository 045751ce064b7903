import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sync, type ReconcileReport } from '../../../shared/ipc/sync';
import type { AuditLog } from '../audit/service';
import type { Clock } from '../../platform/clock';
import { ensurePrivateDir, makePrivate } from '../../platform/private-files';
import type { Database } from '../../platform/db/connection';
import type { Registrar } from '../ipc/registrar';
import type { SyncEngine } from './engine';
import { allUnsynced, exceptions } from './outbox';

export function registerSyncHandlers(
  registrar: Registrar,
  deps: {
    readonly db: Database;
    readonly clock: Clock;
    readonly audit: AuditLog;
    readonly engine: SyncEngine;
    readonly dataDir: string;
    readonly reconcile: () => Promise<ReconcileReport>;
  },
): void {
  registrar.handle(sync.reconcile, () => deps.reconcile());
  registrar.handle(sync.status, () => deps.engine.status());
  registrar.handle(sync.syncNow, () => deps.engine.syncNow());
  registrar.handle(sync.exceptions, () => exceptions(deps.db.read, 200));
  registrar.handle(sync.exportUnsynced, (_input, { actor }) => {
    const events = allUnsynced(deps.db.read);
    const dir = join(deps.dataDir, 'exports');
    ensurePrivateDir(dir);
    const file = join(dir, `unsynced-${new Date(deps.clock.now()).toISOString().replace(/[:.]/g, '-')}.json`);
    // The protocol's own push body: the centre's people can replay it as is.
    writeFileSync(file, JSON.stringify({ events }, null, 2), { mode: 0o600 });
    makePrivate(file);
    deps.audit.recordAlone({ userId: actor.userId, action: 'sync:export-unsynced', outcome: 'ok', detail: { file, count: events.length } });
    return { file, count: events.length };
  });
}
