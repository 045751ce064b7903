import type { Migration } from '../../../platform/db/migration';

/**
 * Packing and dispatch (issue #13, ADR 0010): the site's parcels and trailers as records of the
 * site (shared/sync/site-parcels.ts), announced to every station like runs and exceptions, and the
 * blocks of SSCC serial references the centre handed to stations — every block it ever gave, so
 * that no serial is given twice, whichever station asks, across restarts.
 * Live parcels (sealed or loaded) and open trailers have partial indexes: a bootstrap reads them
 * without walking the site's shipped history.
 */
export const migration0007 = {
  version: 7,
  name: 'the site parcels, trailers and SSCC blocks',
  up: /* sql */ `
    CREATE TABLE site_parcel (
      sscc TEXT PRIMARY KEY,
      order_id TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('sealed', 'loaded', 'shipped', 'unpacked')),
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX site_parcel_by_order ON site_parcel (order_id);
    CREATE INDEX site_parcel_live ON site_parcel (sscc) WHERE state IN ('sealed', 'loaded');
    CREATE TABLE site_trailer (
      trailer_id TEXT PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX site_trailer_open ON site_trailer (trailer_id) WHERE state = 'open';
    CREATE TABLE sscc_block (
      id INTEGER PRIMARY KEY,
      station_id TEXT NOT NULL,
      extension INTEGER NOT NULL,
      company_prefix TEXT NOT NULL,
      first INTEGER NOT NULL,
      last INTEGER NOT NULL,
      granted_at INTEGER NOT NULL,
      CHECK (first <= last)
    ) STRICT;
    CREATE INDEX sscc_block_by_last ON sscc_block (company_prefix, extension, last);
    CREATE TABLE change_log_v7 (
      change_id INTEGER PRIMARY KEY AUTOINCREMENT,
      entity TEXT NOT NULL CHECK (entity IN ('product', 'location', 'order', 'asn', 'person', 'site', 'task', 'movement', 'run', 'exception', 'parcel', 'trailer')),
      key TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
      version INTEGER NOT NULL DEFAULT 0,
      data TEXT,
      origin TEXT
    ) STRICT;
    INSERT INTO change_log_v7 (change_id, entity, key, op, version, data, origin) SELECT change_id, entity, key, op, version, data, origin FROM change_log;
    DROP TABLE change_log;
    ALTER TABLE change_log_v7 RENAME TO change_log;
  `,
} satisfies Migration;
