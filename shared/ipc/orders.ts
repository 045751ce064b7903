import { z } from 'zod';
import type { NextDayOrders } from '../orders';
import { defineModule, returns } from './define';

export const orders = defineModule('orders', {
  /** Open orders due to leave on the next ship date, as pulled from the centre. */
  nextDay: {
    input: z.object({
      shipDate: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
    output: returns<NextDayOrders>(),
    access: 'session',
  },
});
