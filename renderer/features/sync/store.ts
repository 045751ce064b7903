import { create } from 'zustand';
import type { ReconcileReport, SyncException } from '../../../shared/ipc/sync';
import type { Result } from '../../../shared/result';
import type { SyncStatus } from '../../../shared/sync/status';
import { api, onEvent } from '../../lib/api';
import { idle, loadOf, loading, type Load } from '../../lib/load';
import { sessionScoped } from '../../lib/session-scope';

type SyncState = {
  readonly status: SyncStatus | null;
  readonly statusLoad: Load;
  readonly exceptions: readonly SyncException[];
  readonly exceptionsLoad: Load;
  readonly load: () => Promise<void>;
  readonly syncNow: () => Promise<Result<SyncStatus>>;
  readonly exportUnsynced: () => Promise<Result<{ readonly file: string; readonly count: number }>>;
  readonly loadExceptions: () => Promise<void>;
  /** The last check of this station's stock against the centre's, asked for here. */
  readonly report: ReconcileReport | null;
  readonly reconcile: () => Promise<Result<ReconcileReport>>;
};

const start = { status: null, statusLoad: idle, exceptions: [], exceptionsLoad: idle, report: null } as const;

export const useSync = create<SyncState>()((set, get) => ({
  ...start,
  load: async () => {
    if (!get().status) set({ statusLoad: loading });
    const status = await api.sync.status();
    set(status.ok ? { status: status.value, statusLoad: loadOf(status) } : { statusLoad: loadOf(status) });
  },
  syncNow: async () => {
    const status = await api.sync.syncNow();
    if (status.ok) set({ status: status.value });
    return status;
  },
  exportUnsynced: () => api.sync.exportUnsynced(),
  loadExceptions: async () => {
    if (get().exceptionsLoad.status !== 'ready') set({ exceptionsLoad: loading });
    const exceptions = await api.sync.exceptions();
    set(exceptions.ok ? { exceptions: exceptions.value, exceptionsLoad: loadOf(exceptions) } : { exceptionsLoad: loadOf(exceptions) });
  },
  reconcile: async () => {
    const report = await api.sync.reconcile();
    if (report.ok) set({ report: report.value });
    return report;
  },
}));

// The header's badge follows main while someone works; what the last person looked at goes with them.
sessionScoped('sync', {
  reset: () => useSync.setState(start),
  activate: () => {
    void useSync.getState().load();
    return onEvent('sync:status-changed', (status) => useSync.setState({ status, statusLoad: loadOf({ ok: true, value: status }) }));
  },
});
