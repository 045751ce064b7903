import type { SyncStatus } from '../../shared/sync/status';

/** A sync status for component tests: a demo station, idle, nothing pending, with `patch` on top. */
export const syncStatusOf = (patch: Partial<SyncStatus> = {}): SyncStatus => ({
  mode: 'demo',
  state: 'idle',
  pending: 0,
  lastPushAt: null,
  lastPullAt: null,
  failingSince: null,
  stale: false,
  lastError: null,
  nextAttemptAt: null,
  bootstrap: null,
  stockLoaded: true,
  updateRequired: null,
  exceptions: 0,
  siteExceptions: 0,
  reconcile: null,
  ...patch,
});
