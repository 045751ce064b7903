import type { Migration } from '../../../platform/db/migration';
import { sql } from '../../../platform/db/sql';

/**
 * Protocol v2 (docs/protocol.md, ADR 0007): one stock for the site instead of a view per station,
 * the site's own records (people, the site's name and zone, shared tasks; locations gain a
 * version), and a change log that also fans out every station's accepted movements. A data
 * migration: the site's stock is the opening stock plus every movement the centre had applied.
 */
export const migration0002 = {
  version: 2,
  name: 'site: one stock for the site, people, tasks, versions, movements in the change log',
  up: (tx) => {
    tx.exec(/* sql */ `
      CREATE TABLE site_stock (
        location TEXT NOT NULL,
        container TEXT NOT NULL,
        sku TEXT NOT NULL,
        lot TEXT NOT NULL,
        expiry TEXT,
        -- Physical facts are never refused: a line may go below zero, and is then an exception.
        quantity INTEGER NOT NULL,
        -- The last event that changed the line: named when another one takes it below zero.
        last_event_id TEXT,
        PRIMARY KEY (location, container, sku, lot)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO site_stock (location, container, sku, lot, expiry, quantity) SELECT location, container, sku, lot, expiry, quantity FROM opening_stock;

      -- A bootstrap's copy of the site stock: all its pages are one moment (bootstrap.ts).
      CREATE TABLE stock_snapshot_taken (snapshot_id INTEGER PRIMARY KEY AUTOINCREMENT, taken_at INTEGER NOT NULL) STRICT;
      CREATE TABLE stock_snapshot (
        snapshot_id INTEGER NOT NULL,
        location TEXT NOT NULL,
        container TEXT NOT NULL,
        sku TEXT NOT NULL,
        lot TEXT NOT NULL,
        expiry TEXT,
        quantity INTEGER NOT NULL,
        PRIMARY KEY (snapshot_id, location, container, sku, lot)
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE location ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE person (
        person_id TEXT PRIMARY KEY,
        badge TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL,
        data TEXT NOT NULL
      ) STRICT;

      CREATE TABLE site_config (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL, data TEXT NOT NULL) STRICT;

      CREATE TABLE task (task_id TEXT PRIMARY KEY, state TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL) STRICT;
      CREATE INDEX task_by_state ON task (state);

      CREATE TABLE change_log_v2 (
        change_id INTEGER PRIMARY KEY AUTOINCREMENT,
        entity TEXT NOT NULL CHECK (entity IN ('product', 'location', 'order', 'asn', 'person', 'site', 'task', 'movement')),
        key TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        version INTEGER NOT NULL DEFAULT 0,
        data TEXT,
        -- The station and person whose event made a site record's version: { stationId, name }.
        origin TEXT
      ) STRICT;
      INSERT INTO change_log_v2 (change_id, entity, key, op, version, data) SELECT change_id, entity, key, op, 0, data FROM change_log;
      DROP TABLE change_log;
      ALTER TABLE change_log_v2 RENAME TO change_log;

      ALTER TABLE event ADD COLUMN schema_version INTEGER;
    `);
    // What each station had pushed and the centre applied now belongs to the site's one stock.
    const applied = tx.all<{ body: string }>(sql`SELECT body FROM event WHERE status IN ('applied', 'accepted_with_exception') ORDER BY received_at, rowid`);
    for (const { body } of applied) {
      const event = JSON.parse(body) as { payload?: { movements?: { sku: string; lot: string | null; from: Place; to: Place; quantity: number }[] } };
      for (const movement of event.payload?.movements ?? []) {
        const lot = movement.lot ?? '';
        if (movement.from.location !== null) addTo(tx, movement.from.location, movement.from.container ?? '', movement.sku, lot, -movement.quantity);
        if (movement.to.location !== null) addTo(tx, movement.to.location, movement.to.container ?? '', movement.sku, lot, movement.quantity);
      }
    }
    tx.exec('DROP TABLE stock_view;');
  },
} satisfies Migration;

type Place = { location: string | null; container: string | null };

function addTo(tx: Parameters<Exclude<Migration['up'], string>>[0], location: string, container: string, sku: string, lot: string, delta: number): void {
  tx.run(sql`
    INSERT INTO site_stock (location, container, sku, lot, quantity) VALUES (${location}, ${container}, ${sku}, ${lot}, ${delta})
    ON CONFLICT (location, container, sku, lot) DO UPDATE SET quantity = quantity + excluded.quantity`);
}
