import { create } from 'zustand';
import type { SyncException } from '../../../shared/ipc/sync';
import type { Result } from '../../../shared/result';
import type { SyncStatus } from '../../../shared/sync/status';
import { api, onEvent } from '../../lib/api';

type SyncState = {
  readonly status: SyncStatus | null;
  readonly exceptions: readonly SyncException[];
  readonly load: () => Promise<void>;
  readonly syncNow: () => Promise<Result<SyncStatus>>;
  readonly exportUnsynced: () => Promise<Result<{ readonly file: string; readonly count: number }>>;
  readonly loadExceptions: () => Promise<void>;
};

export const useSync = create<SyncState>()((set) => ({
  status: null,
  exceptions: [],
  load: async () => {
    const status = await api.sync.status();
    if (status.ok) set({ status: status.value });
  },
  syncNow: async () => {
    const status = await api.sync.syncNow();
    if (status.ok) set({ status: status.value });
    return status;
  },
  exportUnsynced: () => api.sync.exportUnsynced(),
  loadExceptions: async () => {
    const exceptions = await api.sync.exceptions();
    if (exceptions.ok) set({ exceptions: exceptions.value });
  },
}));

onEvent('sync:status-changed', (status) => useSync.setState({ status }));
