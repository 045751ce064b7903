import type { Migration } from '../../../platform/db/migration';

/**
 * Sync with the centre (DESIGN §4): the outbox of station events (gapless seq, UUIDv7 event id,
 * written in the same transaction as the scan), the sync state (cursor, epoch, acknowledgements,
 * written with the pulled data), and the centre-owned mirrors of next-day orders and ASNs.
 */
export const migration0003 = {
  version: 3,
  name: 'sync: outbox, sync state, orders and ASNs from the centre',
  up: /* sql */ `
    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY,
      event_id TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL,
      occurred_at INTEGER NOT NULL,
      actor_user_id INTEGER,
      actor_name TEXT,
      payload TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acked')),
      -- What the centre said: applied, duplicate, accepted_with_exception, rejected.
      outcome TEXT CHECK (outcome IN ('applied', 'duplicate', 'accepted_with_exception', 'rejected')),
      problem TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      acked_at INTEGER
    ) STRICT;
    CREATE INDEX outbox_by_state ON outbox (state, seq);

    CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      -- The seq of the last event written: the next one is last_seq + 1, even after old ones are purged.
      last_seq INTEGER NOT NULL DEFAULT 0,
      last_acked_seq INTEGER NOT NULL DEFAULT 0,
      cursor TEXT,
      -- Highest change applied from a pull: a replayed, older page is recognised and ignored.
      last_change_id INTEGER NOT NULL DEFAULT 0,
      epoch TEXT,
      bootstrapped INTEGER NOT NULL DEFAULT 0 CHECK (bootstrapped IN (0, 1)),
      last_push_at INTEGER,
      last_pull_at INTEGER,
      failing_since INTEGER,
      last_error TEXT
    ) STRICT;
    INSERT INTO sync_state (id) VALUES (1);

    CREATE TABLE centre_connection (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      mode TEXT NOT NULL CHECK (mode IN ('demo', 'remote')),
      url TEXT,
      station_id TEXT NOT NULL
    ) STRICT;

    CREATE TABLE customer_order (
      order_id TEXT PRIMARY KEY,
      ship_date TEXT NOT NULL,
      carrier TEXT NOT NULL,
      service TEXT NOT NULL,
      cutoff TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'cancelled')),
      version INTEGER NOT NULL,
      pulled_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX customer_order_by_ship_date ON customer_order (ship_date, status, cutoff);

    CREATE TABLE customer_order_line (
      order_id TEXT NOT NULL REFERENCES customer_order (order_id) ON DELETE CASCADE,
      line_no INTEGER NOT NULL,
      sku TEXT NOT NULL,
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      PRIMARY KEY (order_id, line_no)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE asn (
      asn_id TEXT PRIMARY KEY,
      expected_on TEXT NOT NULL,
      supplier TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('expected', 'cancelled')),
      pulled_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE asn_pallet (
      sscc TEXT PRIMARY KEY,
      asn_id TEXT NOT NULL REFERENCES asn (asn_id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX asn_pallet_by_asn ON asn_pallet (asn_id);

    CREATE TABLE asn_line (
      sscc TEXT NOT NULL REFERENCES asn_pallet (sscc) ON DELETE CASCADE,
      line_no INTEGER NOT NULL,
      gtin TEXT NOT NULL,
      sku TEXT NOT NULL,
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      lot TEXT,
      PRIMARY KEY (sscc, line_no)
    ) STRICT, WITHOUT ROWID;
  `,
} satisfies Migration;
