import { z } from 'zod';
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
});

export const syncEvents = defineEvents('sync', {
  statusChanged: returns<SyncStatus>(),
  /** New data from the centre (orders, ASNs, catalogue): screens showing them refresh. */
  pulled: returns<{ readonly bootstrap: boolean }>(),
});
