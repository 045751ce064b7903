import type { Migration } from '../../../platform/db/migration';

/**
 * The site's pick runs on this station (ADR 0009): released here or pulled from the centre, the
 * record as `runDataSchema` (shared/sync/site-runs.ts) has it; version 0 until the centre confirms.
 */
export const migration0009 = {
  version: 9,
  name: 'pick runs',
  up: /* sql */ `
    CREATE TABLE pick_run (
      run_id TEXT PRIMARY KEY,
      ship_date TEXT NOT NULL,
      state TEXT NOT NULL,
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX pick_run_by_date ON pick_run (ship_date, state);
  `,
} satisfies Migration;
