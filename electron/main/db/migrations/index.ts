import { migration0001 } from './0001-foundation';
import { migration0002 } from './0002-stock';
import { migration0003 } from './0003-sync';
import { migration0004 } from './0004-site';
import { migration0005 } from './0005-floor-flows';
import { migration0006 } from './0006-hardening';
import { migration0007 } from './0007-audit-station';
import { migration0008 } from './0008-run-limits';
import { migration0009 } from './0009-pick-runs';
import { migration0010 } from './0010-outbox-by-run';
import { migration0011 } from './0011-site-exceptions';
import { migration0012 } from './0012-parcels';
import { migration0013 } from './0013-day-progress';
import type { Migration } from '../../../platform/db/migration';

/** In order; a test checks the numbering is gapless. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
];

export type { Migration } from '../../../platform/db/migration';
