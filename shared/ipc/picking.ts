import { z } from 'zod';
import { runLimitsSchema, type PickRunPlan } from '../picking';
import { defineModule, returns } from './define';

/** Pick runs (issue #12, ADR 0009). Planning reads this station's mirror and stores nothing yet. */
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
  /** The site's limits per run, for every station of the site; answers the plan built with them. */
  setLimits: {
    input: runLimitsSchema,
    output: returns<PickRunPlan>(),
    access: ['shift_lead'],
  },
});
