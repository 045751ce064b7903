import { z } from 'zod';
import { releaseRunSchema, runLimitsSchema, type PickRunPlan } from '../picking';
import { defineModule, returns } from './define';

/** Pick runs (issue #12, ADR 0009). Planning reads this station's mirror; a release is shared with the site. */
export const picking = defineModule('picking', {
  /** Tomorrow's pick runs as they would be built now: runs, unfillable orders, walking against first come. */
  plan: {
    input: z.object({
      shipDate: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
    output: returns<PickRunPlan>(),
    access: ['shift_lead'],
  },
  /**
   * Releases a previewed run (named by its orders) for every station of the site: the centre
   * reserves its stock or refuses it. PLAN_CHANGED when the plan no longer has that run.
   */
  release: {
    input: releaseRunSchema,
    output: returns<PickRunPlan>(),
    access: ['shift_lead'],
  },
  /** The site's limits per run, for every station of the site; answers the plan built with them. */
  setLimits: {
    input: runLimitsSchema,
    output: returns<PickRunPlan>(),
    access: ['shift_lead'],
  },
});
