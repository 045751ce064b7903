import type { Migration } from '../../../platform/db/migration';

/**
 * Packing and dispatch (issue #13): the site's parcels and trailers as records of the site
 * (shared/sync/site-parcels.ts), sealed here or pulled from the centre, and the blocks of SSCC
 * serial references the centre handed to this station alone (`next` = the first not given yet,
 * moved in the transaction that seals the parcel, so a serial is never given twice), and the days
 * a shift lead closed here with their report.
 */
export const migration0012 = {
  version: 12,
  name: 'parcels, trailers, SSCC blocks, closed days',
  up: /* sql */ `
    CREATE TABLE site_parcel (
      sscc TEXT PRIMARY KEY,
      order_id TEXT NOT NULL,
      tracking TEXT NOT NULL,
      state TEXT NOT NULL,
      trailer_id TEXT,
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX site_parcel_by_order ON site_parcel (order_id, state);
    CREATE INDEX site_parcel_by_tracking ON site_parcel (tracking);
    CREATE INDEX site_parcel_by_trailer ON site_parcel (trailer_id) WHERE trailer_id IS NOT NULL;
    CREATE TABLE site_trailer (
      trailer_id TEXT PRIMARY KEY,
      carrier TEXT NOT NULL,
      ship_date TEXT NOT NULL,
      state TEXT NOT NULL,
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX site_trailer_by_date ON site_trailer (ship_date, carrier, state);
    CREATE TABLE sscc_block (
      id INTEGER PRIMARY KEY,
      extension INTEGER NOT NULL CHECK (extension BETWEEN 0 AND 9),
      company_prefix TEXT NOT NULL,
      first INTEGER NOT NULL,
      last INTEGER NOT NULL,
      next INTEGER NOT NULL,
      CHECK (first <= last AND next BETWEEN first AND last + 1),
      UNIQUE (company_prefix, extension, first)
    ) STRICT;
    CREATE TABLE day_close (
      ship_date TEXT PRIMARY KEY,
      closed_at INTEGER NOT NULL,
      user_id INTEGER REFERENCES app_user (id),
      report TEXT NOT NULL
    ) STRICT;
  `,
} satisfies Migration;
