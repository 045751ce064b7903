import { migration0001 } from './0001-foundation';
import { migration0002 } from './0002-stock';
import { migration0003 } from './0003-sync';
import { migration0004 } from './0004-hardening';
import type { Migration } from '../../../platform/db/migration';

/** In order; a test checks the numbering is gapless. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004];

export type { Migration } from '../../../platform/db/migration';
