import type { Migration } from '../../../platform/db/migration';

/**
 * A pulled run is this station's events on it applied on top of the centre's version
 * (picking/runs.ts, applyPulledRun): found by the run's id, not by reading the whole outbox,
 * which a day of picking makes long.
 */
export const migration0010 = {
  version: 10,
  name: 'outbox by run',
  up: /* sql */ `
    CREATE INDEX outbox_by_run ON outbox (json_extract(payload, '$.runId'), seq) WHERE type LIKE 'run.%';
  `,
} satisfies Migration;
