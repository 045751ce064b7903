import type { Migration } from '../../../platform/db/migration';

/**
 * The site's exceptions as records of the site (shared/sync/site-exceptions.ts): raised by a station
 * or by the centre, resolved by a shift lead on any station, announced to every station like a task.
 * The exceptions the centre raised itself (migration 4) become records of this table (stations
 * get them by bootstrap); the change log takes the new entity, so new ones are announced.
 */
export const migration0005 = {
  version: 5,
  name: 'the site exceptions every station sees',
  up: /* sql */ `
    CREATE TABLE site_exception (
      exception_id TEXT PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('open', 'resolved')),
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX site_exception_open ON site_exception (state, exception_id);
    INSERT INTO site_exception (exception_id, state, version, data)
      SELECT code || ':' || run_id || ':' || order_id || ':' || id, 'open', 1, json_object(
        'exceptionId', code || ':' || run_id || ':' || order_id || ':' || id, 'kind', code, 'subject', order_id, 'location', NULL,
        'detail', json_object('runId', run_id, 'orderId', order_id, 'message', message),
        'raisedBy', json_object('personId', 'centre', 'name', 'centre', 'stationId', 'centre'), 'raisedAt', at,
        'state', 'open', 'resolution', NULL)
      FROM centre_exception ORDER BY id;
    DROP TABLE centre_exception;
    CREATE TABLE change_log_v5 (
      change_id INTEGER PRIMARY KEY AUTOINCREMENT,
      entity TEXT NOT NULL CHECK (entity IN ('product', 'location', 'order', 'asn', 'person', 'site', 'task', 'movement', 'run', 'exception')),
      key TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
      version INTEGER NOT NULL DEFAULT 0,
      data TEXT,
      origin TEXT
    ) STRICT;
    INSERT INTO change_log_v5 (change_id, entity, key, op, version, data, origin) SELECT change_id, entity, key, op, version, data, origin FROM change_log;
    DROP TABLE change_log;
    ALTER TABLE change_log_v5 RENAME TO change_log;
  `,
} satisfies Migration;
