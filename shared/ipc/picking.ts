import { z } from 'zod';
import { releaseRunSchema, runLimitsSchema, shortReasons, type Picker, type PickRunPlan, type PickView, type RunToPick } from '../picking';
import { defineEvents, defineModule, returns } from './define';
import { codeSchema, quantitySchema, reasonSchema } from './stock';

const runId = z.uuid();
/**
 * What the screen shows, sent with every scan: its line and how many withdrawn orders and changed lines it knows of.
 * Main checks the scan against it, so a screen behind main (the centre withdrew a cancelled order
 * meanwhile) tells the picker instead of picking into the wrong slot.
 */
const shown = z.object({
  orderId: z.string().min(1).max(64),
  lineNo: z.number().int().positive(),
  location: codeSchema,
  withdrawn: z.number().int().min(0).max(200),
  amended: z.number().int().min(0).max(100_000),
});
/** Who picks: pickers and shift leads, on any station of the site. */
const pickers = ['picker', 'shift_lead'] as const;

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
  /** Takes a released run back, with a reason (RUN_NOT_RELEASED once it is picked): its stock and orders are free again, its totes go back by task. */
  cancelRun: {
    input: z.object({ runId, reason: reasonSchema }),
    output: returns<PickRunPlan>(),
    access: ['shift_lead'],
  },
  /**
   * Gives a released run to one person of the site (null: to anyone who picks): only they may take
   * it; whoever else holds it lets go, told at the next scan (RUN_REASSIGNED).
   */
  assignRun: {
    input: z.object({ runId, personId: z.string().min(1).max(64).nullable() }),
    output: returns<PickRunPlan>(),
    access: ['shift_lead'],
  },
  /** Who a run may be given to: the site's active pickers and shift leads. */
  pickers: { input: z.object({}), output: returns<readonly Picker[]>(), access: ['shift_lead'], passive: true },
  /** The site's limits per run, for every station of the site; answers the plan built with them. */
  setLimits: {
    input: runLimitsSchema,
    output: returns<PickRunPlan>(),
    access: ['shift_lead'],
  },
  /** Released runs a picker may take here, by cutoff: nobody holds them, or this person does on this station. */
  toPick: { input: z.object({}), output: returns<readonly RunToPick[]>(), access: pickers, passive: true },
  /** The run this person holds on this station, at the line they are at: a restart or an unlock carries on there. */
  current: { input: z.object({}), output: returns<PickView | null>(), access: pickers, passive: true },
  /** Takes a run (or carries on with the one held): the claim goes to the centre, where the first one wins. */
  claim: { input: z.object({ runId }), output: returns<PickView>(), access: pickers },
  /** Takes the run whose barcode (its pick list's) was scanned, as `claim` does: NOT_A_RUN for any other code, nothing recorded. */
  claimScanned: { input: z.object({ code: codeSchema }), output: returns<PickView>(), access: pickers },
  /** Lets go of a run with its totes as they are: anyone may take it again, on any station. */
  pause: { input: z.object({ runId }), output: returns<PickView>(), access: pickers },
  /**
   * The location scanned at a stop: WRONG_LOCATION unless it is the next line's; ORDER_WITHDRAWN
   * when orders left the run since the screen's view, LINE_CHANGED when its line is no longer the next. Records nothing.
   */
  scanLocation: { input: z.object({ runId, shown, code: codeSchema }), output: returns<PickView>(), access: pickers },
  /**
   * An item scanned at the line's location, `count` times (a case GTIN counts its pack quantity):
   * WRONG_LOCATION, WRONG_ITEM, OVER_PICK, ORDER_CANCELLED, ORDER_WITHDRAWN, LINE_CHANGED refuse it
   * with nothing recorded; otherwise the units move to the tote in one transaction.
   */
  pick: {
    input: z.object({ runId, shown, location: codeSchema, code: codeSchema, count: quantitySchema.optional() }),
    output: returns<PickView>(),
    access: pickers,
  },
  /** What the location does not hold: the rest of the line ends short, an exception for the shift lead and the centre. */
  short: { input: z.object({ runId, shown, reason: z.enum(shortReasons) }), output: returns<PickView>(), access: pickers },
});

export const pickingEvents = defineEvents('picking', {
  /** A run was taken, picked or let go, here or on another station: picking screens refresh. */
  runChanged: returns<{ readonly runId: string }>(),
  /** The centre gave a run this station's picker claimed to someone else first: the picker is told. */
  claimLost: returns<{ readonly runId: string; readonly holder: string }>(),
});
