import type { Migration } from '../../../platform/db/migration';

/**
 * A re-run (a short pick picked again from other places) holds an order its first run holds too:
 * an order belongs to its runs, not to one run.
 */
export const migration0006 = {
  version: 6,
  name: 'an order in its run and its re-runs',
  up: /* sql */ `
    CREATE TABLE run_order_v6 (
      order_id TEXT NOT NULL,
      run_id TEXT NOT NULL REFERENCES run (run_id),
      PRIMARY KEY (order_id, run_id)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO run_order_v6 (order_id, run_id) SELECT order_id, run_id FROM run_order;
    DROP TABLE run_order;
    ALTER TABLE run_order_v6 RENAME TO run_order;
    CREATE INDEX run_order_by_run ON run_order (run_id);
  `,
} satisfies Migration;
