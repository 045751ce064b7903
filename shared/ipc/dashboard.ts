import { z } from 'zod';
import type { CutoffBoard, DayLeft, DayReport, DaySeries } from '../dashboard';
import { defineModule, returns } from './define';

/**
 * The shift lead's dashboard (DOMAIN, the shift lead's day; issue #13): per carrier and cutoff the
 * ship date's orders due, picked, packed and dispatched, the day's progress, a forecast per cutoff.
 * Screens read it again on the events that change it (picking, packing, sync), never on a timer.
 */
export const dashboard = defineModule('dashboard', {
  today: {
    input: z.object({}).default({}),
    output: returns<{
      readonly shipDate: string;
      readonly timeZone: string;
      readonly at: string;
      readonly boards: readonly CutoffBoard[];
      readonly series: DaySeries;
      /** The ship date's close-of-day report, once a shift lead closed it here. */
      readonly closed: DayReport | null;
    }>(),
    access: ['shift_lead'],
    passive: true,
  },
  /** What the close of day waits for: events not pushed, orders of the date on no trailer (each needs a reason). */
  dayLeft: {
    input: z.object({}).default({}),
    output: returns<DayLeft>(),
    access: ['shift_lead'],
    passive: true,
  },
  /**
   * The ship date closed: refused (DAY_NOT_PUSHED) while this station has events the centre has not
   * received, and (DAY_UNEXPLAINED) while an order of the date left on no trailer without a reason here.
   */
  closeDay: {
    input: z.object({
      explained: z
        .array(z.object({ orderId: z.string().trim().min(1).max(64), reason: z.string().trim().min(3).max(500) }))
        .max(20_000)
        .default([]),
    }),
    output: returns<DayReport>(),
    access: ['shift_lead'],
  },
});
