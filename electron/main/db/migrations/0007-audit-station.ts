import type { Migration } from '../../../platform/db/migration';

/**
 * The audit names the station where each action happened (issue #11): NULL for this station's own
 * rows, the other station's id for what the site's people changed there (a person created or
 * disabled on the office PC, recorded when this station pulls it).
 */
export const migration0007 = {
  version: 7,
  name: 'audit: the station where it happened',
  up: /* sql */ `
    ALTER TABLE audit ADD COLUMN station TEXT;
  `,
} satisfies Migration;
