import type { Migration } from '../../../platform/db/migration';

/**
 * The site's limits per pick run (issue #12), as a shift lead sets them on any station: JSON in the
 * shape of `runLimitsSchema` (shared/picking.ts), NULL until set (the defaults apply).
 */
export const migration0008 = {
  version: 8,
  name: 'site: limits per pick run',
  up: /* sql */ `
    ALTER TABLE site ADD COLUMN run_limits TEXT;
  `,
} satisfies Migration;
