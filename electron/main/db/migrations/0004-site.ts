import { v7 as uuidv7 } from 'uuid';
import type { Migration } from '../../../platform/db/migration';
import { sql } from '../../../platform/db/sql';

/**
 * One site, many stations (ADR 0007, protocol v2), and mirrors that keep the station's own work
 * (issue #8). A data migration: tables whose CHECK or foreign keys change are rebuilt (SQLite's
 * twelve-step ALTER, https://sqlite.org/lang_altertable.html#otheralter) and their rows kept.
 *
 * - The site has a time zone and the site's id; people get the site-wide person id they are known
 *   by on every station; locations and people carry the centre's version.
 * - The ledger learns where a movement came from (the event, and the station for another
 *   station's), and a `resync` kind: what a bootstrap adds or takes so that the stock equals the
 *   site's confirmed stock plus this station's unconfirmed events.
 * - Orders, their lines and ASNs are no longer deleted by cascade: a row the centre drops is
 *   marked gone (and kept while station work refers to it); each record carries its version.
 * - A resumable bootstrap: the snapshot's stock is staged page by page and applied whole.
 * - Shared tasks, the site's exceptions and reconciliation results.
 */
export const migration0004 = {
  version: 4,
  name: 'site: time zone, people and locations of the site, ledger origin, resumable bootstrap, mirrors that keep station work, tasks',
  up: (tx) => {
    tx.exec(/* sql */ `
      ALTER TABLE site ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Paris';
      ALTER TABLE site ADD COLUMN site_id TEXT;
      ALTER TABLE site ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

      ALTER TABLE app_user ADD COLUMN person_id TEXT;
      ALTER TABLE app_user ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

      ALTER TABLE location ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE movement_v4 (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        user_id INTEGER REFERENCES app_user (id),
        kind TEXT NOT NULL CHECK (kind IN ('opening', 'receipt', 'putaway', 'move', 'pick', 'pack', 'ship', 'adjustment', 'return', 'resync')),
        product_id INTEGER NOT NULL REFERENCES product (id),
        lot_id INTEGER REFERENCES lot (id),
        from_location_id INTEGER REFERENCES location (id),
        from_container_id INTEGER REFERENCES container (id),
        to_location_id INTEGER REFERENCES location (id),
        to_container_id INTEGER REFERENCES container (id),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        reason TEXT,
        scan TEXT,
        -- The station event this movement belongs to: this station's, or another's pulled from the centre.
        event_id TEXT,
        -- NULL for this station's own movements; the other station's id for pulled ones.
        origin_station TEXT,
        CHECK (from_location_id IS NOT NULL OR to_location_id IS NOT NULL)
      ) STRICT;
      INSERT INTO movement_v4 (id, at, user_id, kind, product_id, lot_id, from_location_id, from_container_id, to_location_id, to_container_id, quantity, reason, scan)
        SELECT id, at, user_id, kind, product_id, lot_id, from_location_id, from_container_id, to_location_id, to_container_id, quantity, reason, scan FROM movement;
      DROP TABLE movement;
      ALTER TABLE movement_v4 RENAME TO movement;
      CREATE INDEX movement_by_product ON movement (product_id, id);
      CREATE INDEX movement_by_from_location ON movement (from_location_id, id) WHERE from_location_id IS NOT NULL;
      CREATE INDEX movement_by_to_location ON movement (to_location_id, id) WHERE to_location_id IS NOT NULL;
      CREATE INDEX movement_by_from_container ON movement (from_container_id, id) WHERE from_container_id IS NOT NULL;
      CREATE INDEX movement_by_to_container ON movement (to_container_id, id) WHERE to_container_id IS NOT NULL;
      CREATE INDEX movement_by_event ON movement (event_id) WHERE event_id IS NOT NULL;

      ALTER TABLE outbox ADD COLUMN schema_version INTEGER NOT NULL DEFAULT 1;

      CREATE TABLE customer_order_v4 (
        order_id TEXT PRIMARY KEY,
        ship_date TEXT NOT NULL,
        carrier TEXT NOT NULL,
        service TEXT NOT NULL,
        cutoff TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'cancelled')),
        version INTEGER NOT NULL,
        pulled_at INTEGER NOT NULL,
        -- The bootstrap that last carried it: one that did not is swept (marked gone) at its end.
        generation INTEGER NOT NULL DEFAULT 0,
        -- The centre dropped it: hidden from lists, kept for the station work that refers to it.
        gone_at INTEGER
      ) STRICT;
      INSERT INTO customer_order_v4 (order_id, ship_date, carrier, service, cutoff, status, version, pulled_at)
        SELECT order_id, ship_date, carrier, service, cutoff, status, version, pulled_at FROM customer_order;

      CREATE TABLE customer_order_line_v4 (
        order_id TEXT NOT NULL REFERENCES customer_order_v4 (order_id),
        line_no INTEGER NOT NULL,
        sku TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        -- A line a newer version of the order no longer has.
        gone_at INTEGER,
        PRIMARY KEY (order_id, line_no)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO customer_order_line_v4 (order_id, line_no, sku, quantity) SELECT order_id, line_no, sku, quantity FROM customer_order_line;
      DROP TABLE customer_order_line;
      DROP TABLE customer_order;
      ALTER TABLE customer_order_v4 RENAME TO customer_order;
      ALTER TABLE customer_order_line_v4 RENAME TO customer_order_line;
      CREATE INDEX customer_order_by_ship_date ON customer_order (ship_date, status, cutoff) WHERE gone_at IS NULL;
      CREATE INDEX customer_order_by_generation ON customer_order (generation);

      CREATE TABLE asn_v4 (
        asn_id TEXT PRIMARY KEY,
        expected_on TEXT NOT NULL,
        supplier TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('expected', 'cancelled')),
        version INTEGER NOT NULL DEFAULT 0,
        pulled_at INTEGER NOT NULL,
        generation INTEGER NOT NULL DEFAULT 0,
        gone_at INTEGER
      ) STRICT;
      INSERT INTO asn_v4 (asn_id, expected_on, supplier, status, pulled_at) SELECT asn_id, expected_on, supplier, status, pulled_at FROM asn;
      CREATE TABLE asn_pallet_v4 (
        sscc TEXT PRIMARY KEY,
        asn_id TEXT NOT NULL REFERENCES asn_v4 (asn_id),
        gone_at INTEGER
      ) STRICT;
      INSERT INTO asn_pallet_v4 (sscc, asn_id) SELECT sscc, asn_id FROM asn_pallet;
      CREATE TABLE asn_line_v4 (
        sscc TEXT NOT NULL REFERENCES asn_pallet_v4 (sscc),
        line_no INTEGER NOT NULL,
        gtin TEXT NOT NULL,
        sku TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        lot TEXT,
        gone_at INTEGER,
        PRIMARY KEY (sscc, line_no)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO asn_line_v4 (sscc, line_no, gtin, sku, quantity, lot) SELECT sscc, line_no, gtin, sku, quantity, lot FROM asn_line;
      DROP TABLE asn_line;
      DROP TABLE asn_pallet;
      DROP TABLE asn;
      ALTER TABLE asn_v4 RENAME TO asn;
      ALTER TABLE asn_pallet_v4 RENAME TO asn_pallet;
      ALTER TABLE asn_line_v4 RENAME TO asn_line;
      CREATE INDEX asn_pallet_by_asn ON asn_pallet (asn_id);
      CREATE INDEX asn_by_generation ON asn (generation);

      ALTER TABLE product ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;

      -- A bootstrap in progress: where it stands, and the snapshot's stock staged until the last page.
      ALTER TABLE sync_state ADD COLUMN bootstrap_page TEXT;
      ALTER TABLE sync_state ADD COLUMN bootstrap_epoch TEXT;
      ALTER TABLE sync_state ADD COLUMN bootstrap_generation INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sync_state ADD COLUMN bootstrap_done INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sync_state ADD COLUMN bootstrap_total INTEGER NOT NULL DEFAULT 0;
      -- The station is set up but its stock is not yet the site's (a first bootstrap not finished).
      ALTER TABLE sync_state ADD COLUMN stock_loaded INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sync_state ADD COLUMN update_required TEXT;
      CREATE TABLE bootstrap_stock (
        location TEXT NOT NULL,
        container TEXT NOT NULL,
        sku TEXT NOT NULL,
        lot TEXT NOT NULL,
        expiry TEXT,
        quantity INTEGER NOT NULL,
        PRIMARY KEY (location, container, sku, lot)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE task (
        task_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open', 'claimed', 'completed', 'closed')),
        location TEXT NOT NULL,
        -- The centre's version of the task; this station's own pending events apply on top.
        version INTEGER NOT NULL DEFAULT 0,
        data TEXT NOT NULL,
        -- The local count run for this task on this station, if any.
        count_id INTEGER REFERENCES count_task (id)
      ) STRICT;
      CREATE INDEX task_by_state ON task (state);

      -- What the shift lead must look at: negative stock, lost claims, reconcile mismatches.
      CREATE TABLE site_exception (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}',
        resolved_at INTEGER
      ) STRICT;
      CREATE INDEX site_exception_open ON site_exception (resolved_at, id);

      CREATE TABLE reconcile_run (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('match', 'mismatch', 'not_comparable', 'failed')),
        detail TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
    `);
    // People already here become people of the site, with an id every station will know them by.
    const users = tx.all<{ id: number; created_at: number }>(sql`SELECT id, created_at FROM app_user ORDER BY id`);
    for (const user of users) tx.run(sql`UPDATE app_user SET person_id = ${uuidv7({ msecs: user.created_at })} WHERE id = ${user.id}`);
    tx.exec(/* sql */ `
      CREATE UNIQUE INDEX app_user_by_person ON app_user (person_id);
      -- A station whose ledger already holds stock had it loaded.
      UPDATE sync_state SET stock_loaded = (SELECT count(*) > 0 FROM movement) WHERE id = 1;
    `);
  },
} satisfies Migration;
