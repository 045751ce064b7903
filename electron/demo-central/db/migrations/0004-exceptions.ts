import type { Migration } from '../../../platform/db/migration';

/**
 * What the centre's people must look at that no station's event carries: an order cancelled or
 * changed while a run was picking it (DESIGN §4). Exceptions of a station's event stay with the
 * event (its status and problem).
 */
export const migration0004 = {
  version: 4,
  name: 'exceptions the centre raises itself',
  up: /* sql */ `
    CREATE TABLE centre_exception (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      code TEXT NOT NULL,
      run_id TEXT NOT NULL,
      order_id TEXT NOT NULL,
      message TEXT NOT NULL
    ) STRICT;
  `,
} satisfies Migration;
