import { z } from 'zod';
import type { BarcodeSheet, CountStatus, CountView, LocationImportPreview, LookupResult, MoveCheck, MovementPage, MoveResult } from '../stock';
import { defineEvents, defineModule, returns } from './define';

// Field rules the screens' forms use as they are (one object for both sides, issue #8).
/** Anything scanned or typed as a code: a GTIN, a location, an SSCC, a GS1 element string. */
export const codeSchema = z.string().trim().min(1).max(200);
/**
 * How many of what was scanned: units of a unit GTIN, cases of a case GTIN (a case = its pack
 * quantity in units). The same bound holds for a count carried by the scan itself (AI 30 / 37).
 */
export const maxQuantity = 1_000_000;
export const quantitySchema = z.number().int().min(1).max(maxQuantity);
/** Why a person changed the stock or decided on a count: read later by the centre and support. */
export const reasonSchema = z.string().trim().min(3).max(500);
const code = codeSchema;
const quantity = quantitySchema;
const reason = reasonSchema;
const countId = z.number().int().positive();

/** The steps of a move taken so far; `checkMove` checks them, `move` checks them all again. */
export const moveStepsSchema = z.object({ from: code, gtin: code.optional(), lot: code.optional(), quantity: quantity.optional(), to: code.optional() });

export const stock = defineModule('stock', {
  /** Anything scanned: a GTIN (product everywhere), a location, an SSCC (pallet), a tote. */
  lookup: { input: z.object({ code }), output: returns<LookupResult>(), access: 'session' },
  history: {
    input: z.object({
      subject: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('product'), sku: code }),
        z.object({ kind: z.literal('location'), code }),
        z.object({ kind: z.literal('container'), code }),
      ]),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: returns<MovementPage>(),
    access: 'session',
  },
  /**
   * Checks the steps of a move as each is taken (issue #10): the origin exists and holds stock, the
   * item is there (with what is available), the quantity is available, the destination exists, is
   * active and differs. Answers what the screen shows next; changes nothing.
   */
  checkMove: { input: moveStepsSchema, output: returns<MoveCheck>(), access: ['receiver', 'shift_lead'] },
  /**
   * From a location or a pallet (SSCC), to a location. With a GTIN and a quantity, those units move;
   * with only an SSCC, the whole pallet moves. A whole pallet, or more units than the site's
   * threshold, needs `confirmed` (the person saw what moves and said yes).
   */
  move: {
    input: moveStepsSchema.extend({ to: code, confirmed: z.boolean().default(false) }),
    output: returns<MoveResult>(),
    access: ['receiver', 'shift_lead'],
  },
  /** Anyone may count; only a shift lead may turn a difference into an adjustment. */
  startCount: { input: z.object({ location: code }), output: returns<CountView>(), access: 'session' },
  countItem: {
    /** Without a quantity: the count the scan carries (AI 30 / 37), else one of what was scanned. */
    input: z.object({ countId, gtin: code, lot: code.optional(), quantity: quantity.optional() }),
    output: returns<CountView>(),
    access: 'session',
  },
  finishCount: { input: z.object({ countId }), output: returns<CountView>(), access: 'session' },
  getCount: { input: z.object({ countId }), output: returns<CountView>(), access: 'session' },
  listCounts: {
    input: z.object({ status: z.enum(['counting', 'pending_approval']).optional() }),
    output: returns<readonly CountView[]>(),
    access: 'session',
  },
  approveCount: { input: z.object({ countId, reason }), output: returns<CountView>(), access: ['shift_lead'] },
  rejectCount: { input: z.object({ countId, reason }), output: returns<CountView>(), access: ['shift_lead'] },
  /** A direct correction, with a reason: shift leads only (docs/domain.md scenario 6). */
  adjust: {
    input: z.object({
      location: code,
      gtin: code,
      lot: code.optional(),
      delta: z
        .number()
        .int()
        .min(-1_000_000)
        .max(1_000_000)
        .refine((d) => d !== 0),
      reason,
    }),
    output: returns<MoveResult>(),
    access: ['shift_lead'],
  },
  /** Codes of the site for a printable sheet of barcodes to scan (every role scans, so every session). */
  barcodeSheet: { input: z.object({}), output: returns<BarcodeSheet>(), access: 'session', passive: true },
  /** CSV `code,type,zone,walk_order`; `commit: false` only previews. Nothing is written if any row is wrong. */
  importLocations: {
    input: z.object({ csv: z.string().max(5_000_000), commit: z.boolean() }),
    output: returns<LocationImportPreview>(),
    access: ['admin'],
  },
});

export const stockEvents = defineEvents('stock', {
  /** Locations whose stock just changed: open screens showing them refresh. */
  changed: returns<{ readonly locations: readonly string[] }>(),
  /** A count was started, counted, closed or decided: whoever shows it reads it again. */
  countChanged: returns<{ readonly countId: number; readonly location: string; readonly status: CountStatus }>(),
});
