import type { Migration } from '../../../platform/db/migration';

/**
 * The demo centre's own database (docs/protocol.md): what it owns (catalogue, locations, orders,
 * ASNs) and the change log stations pull; what stations told it (events, deduped on eventId
 * forever) and its view of each station's stock, kept as deltas from the opening stock.
 * "None" for a container or lot is '' in key columns, which cannot be NULL-unique.
 */
export const migration0001 = {
  version: 1,
  name: 'centre: catalogue, orders, ASNs, change log, stations, events, stock view',
  up: /* sql */ `
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT, WITHOUT ROWID;

    -- Protocol data (shared/sync/protocol.ts shapes) as JSON: the centre serves it, never queries inside it.
    CREATE TABLE product (sku TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;
    CREATE TABLE location (code TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;

    -- The stock the generator put in the warehouse: every station's view starts from it.
    CREATE TABLE opening_stock (
      location TEXT NOT NULL,
      container TEXT NOT NULL,
      sku TEXT NOT NULL,
      lot TEXT NOT NULL,
      expiry TEXT,
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      PRIMARY KEY (location, container, sku, lot)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE centre_order (
      order_id TEXT PRIMARY KEY,
      ship_date TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'cancelled')),
      version INTEGER NOT NULL CHECK (version >= 1),
      placed_at INTEGER NOT NULL,
      -- Simulated time of the last change after placement: later events about it get an exception.
      changed_at INTEGER,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX centre_order_by_ship_date ON centre_order (ship_date);

    -- Changes and cancellations drawn with their orders, applied when simulated time reaches them.
    CREATE TABLE order_amendment (
      id INTEGER PRIMARY KEY,
      due_at INTEGER NOT NULL,
      order_id TEXT NOT NULL REFERENCES centre_order (order_id),
      change TEXT NOT NULL
    ) STRICT;
    CREATE INDEX order_amendment_by_due ON order_amendment (due_at, id);

    CREATE TABLE asn (asn_id TEXT PRIMARY KEY, expected_on TEXT NOT NULL, data TEXT NOT NULL) STRICT;
    CREATE TABLE asn_pallet (sscc TEXT PRIMARY KEY, asn_id TEXT NOT NULL REFERENCES asn (asn_id)) STRICT, WITHOUT ROWID;

    -- What stations pull, in commit order: AUTOINCREMENT never hands an id out twice in an epoch.
    CREATE TABLE change_log (
      change_id INTEGER PRIMARY KEY AUTOINCREMENT,
      entity TEXT NOT NULL CHECK (entity IN ('product', 'location', 'order', 'asn')),
      key TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
      data TEXT
    ) STRICT;

    -- The token is never stored: its SHA-256 identifies the station.
    CREATE TABLE station (
      station_id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      last_processed_seq INTEGER NOT NULL DEFAULT 0 CHECK (last_processed_seq >= 0),
      created_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE event (
      event_id TEXT PRIMARY KEY,
      station_id TEXT NOT NULL REFERENCES station (station_id),
      seq INTEGER NOT NULL,
      type TEXT,
      occurred_at TEXT,
      received_at INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('applied', 'accepted_with_exception', 'rejected')),
      problem_code TEXT,
      problem_message TEXT,
      order_id TEXT,
      body TEXT NOT NULL
    ) STRICT;
    CREATE INDEX event_by_station ON event (station_id, seq);

    CREATE TABLE stock_view (
      station_id TEXT NOT NULL REFERENCES station (station_id),
      location TEXT NOT NULL,
      container TEXT NOT NULL,
      sku TEXT NOT NULL,
      lot TEXT NOT NULL,
      expiry TEXT,
      quantity INTEGER NOT NULL,
      PRIMARY KEY (station_id, location, container, sku, lot)
    ) STRICT, WITHOUT ROWID;
  `,
} satisfies Migration;
