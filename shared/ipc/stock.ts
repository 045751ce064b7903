import { z } from 'zod';
import type { CountView, LocationImportPreview, LookupResult, MovementPage, MoveResult } from '../stock';
import { defineEvents, defineModule, returns } from './define';

const code = z.string().trim().min(1).max(200);
const quantity = z.number().int().min(1).max(1_000_000);
const reason = z.string().trim().min(3).max(500);
const countId = z.number().int().positive();

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
   * From a location or a pallet (SSCC), to a location. With a GTIN and a quantity, those units move;
   * with only an SSCC, the whole pallet moves.
   */
  move: {
    input: z.object({ from: code, to: code, gtin: code.optional(), lot: code.optional(), quantity: quantity.optional() }),
    output: returns<MoveResult>(),
    access: ['receiver', 'shift_lead'],
  },
  /** Anyone may count; only a shift lead may turn a difference into an adjustment. */
  startCount: { input: z.object({ location: code }), output: returns<CountView>(), access: 'session' },
  countItem: {
    input: z.object({ countId, gtin: code, lot: code.optional(), quantity: quantity.default(1) }),
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
  /** A direct correction, with a reason: shift leads only (DOMAIN scenario 6). */
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
});
