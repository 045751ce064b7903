import type { Migration } from '../../../platform/db/migration';

/**
 * Hardening (issue #9). A PIN attempt is written as a failure before its hash is computed and
 * marked settled when the hash says it was wrong (a right PIN removes its own row): attempts in
 * flight count towards the lockout, and a crash in the middle of a check leaves a failure behind,
 * never a free guess.
 */
export const migration0006 = {
  version: 6,
  name: 'hardening: PIN attempts counted while in flight',
  up: /* sql */ `
    ALTER TABLE pin_failure ADD COLUMN settled INTEGER NOT NULL DEFAULT 1 CHECK (settled IN (0, 1));
  `,
} satisfies Migration;
