import { z } from 'zod';
import type { TrailerView } from '../packing';
import { defineModule, returns } from './define';

const trailerId = z.uuid();

/** A carrier's standing at the outbound dock for the ship date: its open trailers and what is due. */
export type CarrierAtDock = {
  readonly carrier: string;
  readonly shipDate: string;
  readonly due: number;
  readonly loaded: number;
  readonly shipped: number;
  readonly trailers: readonly { readonly trailerId: string; readonly label: string; readonly state: 'open' | 'closed'; readonly parcels: number }[];
};

/**
 * Dispatch at the outbound dock (DOMAIN, Outbound 5–6; issue #13): a carrier's trailer opened,
 * every parcel scanned onto it — refused with the reason and nothing recorded when it is a
 * cancelled order's, another carrier's, not sealed, already loaded or unknown — then closed: the
 * manifest's data is fixed and the handover pushed. Closing with parcels due missing is a shift
 * lead's decision, with a reason per missing order.
 */
export const dispatch = defineModule('dispatch', {
  dock: { input: z.object({}).default({}), output: returns<readonly CarrierAtDock[]>(), access: ['picker', 'shift_lead'], passive: true },
  open: {
    input: z.object({ carrier: z.string().trim().min(1).max(40), label: z.string().trim().min(1).max(40) }),
    output: returns<TrailerView>(),
    access: ['picker', 'shift_lead'],
  },
  trailer: { input: z.object({ trailerId }), output: returns<TrailerView>(), access: ['picker', 'shift_lead'], passive: true },
  /** A parcel's label scanned (its SSCC or its tracking number) onto the trailer. */
  load: { input: z.object({ trailerId, code: z.string().trim().min(1).max(200) }), output: returns<TrailerView>(), access: ['picker', 'shift_lead'] },
  /**
   * Closed and handed over. Orders due and not on a trailer must be named with a reason
   * (`missing`), which only a shift lead may do (TRAILER_MISSING_PARCELS otherwise).
   */
  close: {
    input: z.object({
      trailerId,
      missing: z
        .array(z.object({ orderId: z.string().trim().min(1).max(64), reason: z.string().trim().min(3).max(500) }))
        .max(5000)
        .default([]),
    }),
    output: returns<TrailerView>(),
    access: ['picker', 'shift_lead'],
  },
});
