import { z } from 'zod';
import type { LineDifference } from '../sync/reconcile';
import type { SyncStatus } from '../sync/status';
import { defineEvents, defineModule, returns } from './define';

export type SyncException = {
  readonly seq: number;
  readonly type: string;
  readonly outcome: string;
  readonly problem: { readonly code: string; readonly message: string } | null;
  readonly at: string;
};

export const sync = defineModule('sync', {
  status: { input: z.object({}), output: returns<SyncStatus>(), access: 'session', passive: true },
  /** "Sync now": one push-then-pull cycle, whatever the backoff says. */
  syncNow: { input: z.object({}), output: returns<SyncStatus>(), access: 'session' },
  /** Unsynced events to a JSON file in the data folder, for IT to hand over when the network is gone for long. */
  exportUnsynced: {
    input: z.object({}),
    output: returns<{ readonly file: string; readonly count: number }>(),
    access: ['shift_lead', 'admin'],
  },
  exceptions: { input: z.object({}), output: returns<readonly SyncException[]>(), access: ['shift_lead', 'admin'] },
  /** Compares this station's stock with the centre's view of the site, zone by zone, now. */
  reconcile: { input: z.object({}), output: returns<ReconcileReport>(), access: ['shift_lead', 'admin'] },
});

/** A reconciliation: per zone, equal or not; for each zone that differs, the lines that do. */
export type ReconcileReport = {
  readonly at: string;
  readonly outcome: 'match' | 'mismatch' | 'not_comparable' | 'failed';
  readonly zones: readonly { readonly zone: string; readonly lines: number; readonly equal: boolean }[];
  readonly differences: readonly (LineDifference & { readonly zone: string })[];
  readonly message: string | null;
};

export const syncEvents = defineEvents('sync', {
  statusChanged: returns<SyncStatus>(),
  /** New data from the centre (orders, ASNs, catalogue, the site's people and stock): screens showing them refresh. */
  pulled: returns<{ readonly bootstrap: boolean; readonly entities: readonly string[] }>(),
});
