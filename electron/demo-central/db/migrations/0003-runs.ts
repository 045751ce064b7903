import type { Migration } from '../../../platform/db/migration';

/**
 * Pick runs as site records (ADR 0009): the run itself, the orders a live run holds (one run per
 * order) and the stock it reserves per place and SKU; the change log learns the entity `run`.
 */
export const migration0003 = {
  version: 3,
  name: 'runs: pick runs, the orders they hold, the stock they reserve',
  up: /* sql */ `
    CREATE TABLE run (run_id TEXT PRIMARY KEY, state TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL) STRICT;
    CREATE INDEX run_by_state ON run (state);
    CREATE TABLE run_order (order_id TEXT PRIMARY KEY, run_id TEXT NOT NULL REFERENCES run (run_id)) STRICT, WITHOUT ROWID;
    CREATE TABLE run_reservation (
      run_id TEXT NOT NULL REFERENCES run (run_id),
      location TEXT NOT NULL,
      sku TEXT NOT NULL,
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      PRIMARY KEY (run_id, location, sku)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX run_reservation_by_place ON run_reservation (location, sku);

    CREATE TABLE change_log_v3 (
      change_id INTEGER PRIMARY KEY AUTOINCREMENT,
      entity TEXT NOT NULL CHECK (entity IN ('product', 'location', 'order', 'asn', 'person', 'site', 'task', 'movement', 'run')),
      key TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
      version INTEGER NOT NULL DEFAULT 0,
      data TEXT,
      origin TEXT
    ) STRICT;
    INSERT INTO change_log_v3 (change_id, entity, key, op, version, data, origin) SELECT change_id, entity, key, op, version, data, origin FROM change_log;
    DROP TABLE change_log;
    ALTER TABLE change_log_v3 RENAME TO change_log;
  `,
} satisfies Migration;
