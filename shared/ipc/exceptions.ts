import { z } from 'zod';
import { exceptionActions, type SiteException } from '../sync/status';
import { defineEvents, defineModule, returns } from './define';

/**
 * The site's exceptions for the shift lead (DOMAIN, the shift lead's day): short picks, lost claims,
 * orders cancelled or changed mid-pick, balances below zero — from every station of the site — each
 * with the actions that settle it. The first resolution the centre receives wins.
 */
export const exceptions = defineModule('exceptions', {
  list: {
    input: z.object({ scope: z.enum(['open', 'resolved']).default('open') }),
    output: returns<readonly SiteException[]>(),
    access: ['shift_lead', 'admin'],
    passive: true,
  },
  /** Accept a short pick, ask for a recount of its location, or acknowledge: a note says why. */
  resolve: {
    input: z.object({
      exceptionId: z.string().min(1).max(200),
      action: z.enum(exceptionActions),
      note: z.string().trim().max(500).default(''),
    }),
    output: returns<SiteException>(),
    access: ['shift_lead'],
  },
});

export const exceptionEvents = defineEvents('exceptions', {
  /** An exception raised or settled here, or pulled from the site: lists of them refresh. */
  changed: returns<{ readonly exceptionIds: readonly string[] }>(),
});
