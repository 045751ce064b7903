import type { Migration } from '../../../platform/db/migration';

/**
 * Floor flows (issue #8, #10): what is on a pallet moves with it, cases or totes with their own code
 * included, so the containers on a container are found by their parent.
 */
export const migration0005 = {
  version: 5,
  name: 'floor flows: containers found by the container they are on',
  up: /* sql */ `
    CREATE INDEX container_by_parent ON container (parent_id) WHERE parent_id IS NOT NULL;
  `,
} satisfies Migration;
