import { z } from 'zod';
import { boxTypes, maxParcelGrams, type PackView, type ParcelView } from '../packing';
import { defineEvents, defineModule, returns } from './define';

const orderId = z.string().trim().min(1).max(64);
const code = z.string().trim().min(1).max(200);
const verified = z.array(z.object({ lineNo: z.number().int().positive(), count: z.number().int().min(0).max(100_000) })).max(500);

/** An order its run brought to the pack station, not packed yet. */
export type OrderToPack = {
  readonly orderId: string;
  readonly runId: string | null;
  readonly toteSlot: number | null;
  readonly carrier: string;
  readonly cutoff: string;
  readonly units: number;
  readonly picked: number;
};

/**
 * Packing at a pack station (DOMAIN, Outbound 4; issue #13): the order's tote slot or the order
 * scanned, every item scanned to verify it, the box, the weight, the carrier's label; sealed in one
 * transaction as one event for the centre. Verification is checked in main scan by scan; the screen
 * holds the counts so far and sends them with each scan and with the seal.
 */
export const packing = defineModule('packing', {
  toPack: { input: z.object({}).default({}), output: returns<readonly OrderToPack[]>(), access: ['picker', 'shift_lead'], passive: true },
  /** The order whose barcode (or id) was scanned: its lines to verify. */
  open: { input: z.object({ code }), output: returns<PackView>(), access: ['picker', 'shift_lead'] },
  /** One item scanned into the box (`count` keyed for several): refused with the reason when it is not the order's or one too many. */
  verify: {
    input: z.object({ orderId, verified, code, count: z.number().int().positive().max(10_000).optional() }),
    output: returns<PackView>(),
    access: ['picker', 'shift_lead'],
  },
  /**
   * Sealed: the box, the weight, the carrier label scanned. Fewer units than the order asks only
   * with `short` by a shift lead (PACK_INCOMPLETE otherwise).
   */
  seal: {
    input: z.object({
      orderId,
      verified,
      box: z.enum(boxTypes),
      weightGrams: z.number().int().positive().max(maxParcelGrams).nullable(),
      label: code,
      short: z.boolean().default(false),
    }),
    output: returns<ParcelView>(),
    access: ['picker', 'shift_lead'],
  },
  /** A sealed parcel opened again (shift lead), with a reason: its units back to the pack station, the order can be packed again. */
  unpack: { input: z.object({ code, reason: z.string().trim().min(3).max(500) }), output: returns<ParcelView>(), access: ['shift_lead'] },
  /** Parcels sealed today at the site, newest first. */
  parcels: { input: z.object({}).default({}), output: returns<readonly ParcelView[]>(), access: ['picker', 'shift_lead'], passive: true },
});

export const packingEvents = defineEvents('packing', {
  /** A parcel sealed, opened, loaded or shipped here or on another station of the site. */
  changed: returns<{ readonly ssccs: readonly string[] }>(),
});
