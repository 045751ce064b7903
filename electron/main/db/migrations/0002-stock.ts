import type { Migration } from '../../../platform/db/migration';

/**
 * The stock mirror (DESIGN §3): catalogue and locations (owned by the centre), containers, lots,
 * the append-only movement ledger and the balance it maintains, and location counts.
 * "None" for lot and container is 0 in `stock_balance` (a key column cannot be NULL-unique) and
 * NULL in `movement` (where the foreign keys are checked).
 */
export const migration0002 = {
  version: 2,
  name: 'stock: catalogue, locations, containers, movements, balances, counts',
  up: /* sql */ `
    CREATE TABLE product (
      id INTEGER PRIMARY KEY,
      sku TEXT NOT NULL UNIQUE,
      description_fr TEXT NOT NULL,
      description_en TEXT NOT NULL,
      description_zh TEXT NOT NULL,
      lot_tracked INTEGER NOT NULL DEFAULT 0 CHECK (lot_tracked IN (0, 1)),
      expiry_tracked INTEGER NOT NULL DEFAULT 0 CHECK (expiry_tracked IN (0, 1)),
      units_per_case INTEGER NOT NULL DEFAULT 1 CHECK (units_per_case >= 1)
    ) STRICT;

    -- GTINs normalised to 14 digits; a case GTIN-14 carries its pack quantity.
    CREATE TABLE gtin (
      gtin TEXT PRIMARY KEY CHECK (length(gtin) = 14),
      product_id INTEGER NOT NULL REFERENCES product (id),
      pack_quantity INTEGER NOT NULL DEFAULT 1 CHECK (pack_quantity >= 1)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX gtin_by_product ON gtin (product_id);

    CREATE TABLE location (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL CHECK (type IN ('dock', 'staging', 'storage', 'pick_face', 'pack_station', 'outbound_dock')),
      zone TEXT NOT NULL,
      walk_order INTEGER NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    ) STRICT;

    CREATE TABLE container (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('pallet', 'tote', 'parcel')),
      -- SSCC (18 digits) for pallets and parcels, the label code for totes.
      code TEXT NOT NULL UNIQUE,
      location_id INTEGER REFERENCES location (id),
      parent_id INTEGER REFERENCES container (id),
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX container_by_location ON container (location_id);

    CREATE TABLE lot (
      id INTEGER PRIMARY KEY,
      product_id INTEGER NOT NULL REFERENCES product (id),
      code TEXT NOT NULL,
      expiry TEXT,
      UNIQUE (product_id, code)
    ) STRICT;

    CREATE TABLE movement (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      user_id INTEGER REFERENCES app_user (id),
      kind TEXT NOT NULL CHECK (kind IN ('opening', 'receipt', 'putaway', 'move', 'pick', 'pack', 'ship', 'adjustment', 'return')),
      product_id INTEGER NOT NULL REFERENCES product (id),
      lot_id INTEGER REFERENCES lot (id),
      from_location_id INTEGER REFERENCES location (id),
      from_container_id INTEGER REFERENCES container (id),
      to_location_id INTEGER REFERENCES location (id),
      to_container_id INTEGER REFERENCES container (id),
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      reason TEXT,
      -- The scan that caused it, as read: what a person did, for the history screen and support.
      scan TEXT,
      CHECK (from_location_id IS NOT NULL OR to_location_id IS NOT NULL)
    ) STRICT;
    CREATE INDEX movement_by_product ON movement (product_id, id);
    CREATE INDEX movement_by_from_location ON movement (from_location_id, id) WHERE from_location_id IS NOT NULL;
    CREATE INDEX movement_by_to_location ON movement (to_location_id, id) WHERE to_location_id IS NOT NULL;
    CREATE INDEX movement_by_from_container ON movement (from_container_id, id) WHERE from_container_id IS NOT NULL;
    CREATE INDEX movement_by_to_container ON movement (to_container_id, id) WHERE to_container_id IS NOT NULL;

    -- Maintained in the same transaction as each movement: balance = sum of movements per key.
    CREATE TABLE stock_balance (
      product_id INTEGER NOT NULL REFERENCES product (id),
      location_id INTEGER NOT NULL REFERENCES location (id),
      lot_id INTEGER NOT NULL DEFAULT 0,
      container_id INTEGER NOT NULL DEFAULT 0,
      quantity INTEGER NOT NULL,
      PRIMARY KEY (product_id, location_id, lot_id, container_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX stock_balance_by_location ON stock_balance (location_id);
    CREATE INDEX stock_balance_by_container ON stock_balance (container_id) WHERE container_id <> 0;

    CREATE TABLE count_task (
      id INTEGER PRIMARY KEY,
      location_id INTEGER NOT NULL REFERENCES location (id),
      status TEXT NOT NULL CHECK (status IN ('counting', 'matched', 'pending_approval', 'approved', 'rejected')),
      round INTEGER NOT NULL DEFAULT 1 CHECK (round IN (1, 2)),
      created_by INTEGER NOT NULL REFERENCES app_user (id),
      created_at INTEGER NOT NULL,
      closed_by INTEGER REFERENCES app_user (id),
      closed_at INTEGER,
      reason TEXT
    ) STRICT;
    CREATE INDEX count_task_by_status ON count_task (status, id);
    -- One open count per location at a time.
    CREATE UNIQUE INDEX count_task_open_location ON count_task (location_id) WHERE status IN ('counting', 'pending_approval');

    CREATE TABLE count_line (
      task_id INTEGER NOT NULL REFERENCES count_task (id),
      round INTEGER NOT NULL,
      product_id INTEGER NOT NULL REFERENCES product (id),
      lot_id INTEGER NOT NULL DEFAULT 0,
      counted INTEGER NOT NULL CHECK (counted >= 0),
      -- What the system held when the round was closed, for the shift lead's decision.
      expected INTEGER,
      PRIMARY KEY (task_id, round, product_id, lot_id)
    ) STRICT, WITHOUT ROWID;
  `,
} satisfies Migration;
