import { z } from 'zod';
import { locationTypes } from '../stock';

/**
 * The station ↔ centre protocol (docs/protocol.md), as zod schemas both sides parse with. The
 * station owns physical facts (events it pushes); the centre owns orders, ASNs, the catalogue and
 * locations (changes the station pulls). Conflicts are settled by ownership, never by timestamps.
 */

export const protocolVersion = '1';

/** Every error answer (400, 401, 404, 409, 410, 413, 500, 503) carries a stable code and an English message for logs. */
export const protocolErrorSchema = z.object({ code: z.string(), message: z.string() });
export type ProtocolError = z.infer<typeof protocolErrorSchema>;

// --- Health ------------------------------------------------------------------------------------

export const healthSchema = z.object({
  /** Changes when the centre is restored from a backup: cursors from before are void. */
  epoch: z.string().min(1),
  serverTime: z.string(),
  minClientVersion: z.string(),
});
export type Health = z.infer<typeof healthSchema>;

// --- Push: the station's events ------------------------------------------------------------------

const place = z.object({ location: z.string().nullable(), container: z.string().nullable() });

/** One ledger movement as a delta: `from` loses `quantity`, `to` gains it (null = outside the warehouse). */
export const movementDeltaSchema = z.object({
  kind: z.enum(['opening', 'receipt', 'putaway', 'move', 'pick', 'pack', 'ship', 'adjustment', 'return']),
  sku: z.string(),
  lot: z.string().nullable(),
  from: place,
  to: place,
  quantity: z.number().int().positive(),
});
export type MovementDelta = z.infer<typeof movementDeltaSchema>;

export const eventTypes = ['stock.moved', 'stock.adjusted', 'stock.count-approved'] as const;
export type EventType = (typeof eventTypes)[number];

export const stationEventSchema = z.object({
  /** UUIDv7: unique forever, the centre dedupes on it. */
  eventId: z.uuid(),
  /** Per station, gapless from 1. */
  seq: z.number().int().positive(),
  type: z.enum(eventTypes),
  occurredAt: z.string(),
  actor: z.object({ userId: z.number().int(), name: z.string() }).nullable(),
  payload: z.object({
    movements: z.array(movementDeltaSchema),
    reason: z.string().optional(),
    /** Set when the event concerns a centre order: a cancelled or changed one gets an exception. */
    orderId: z.string().optional(),
  }),
});
export type StationEvent = z.infer<typeof stationEventSchema>;

export const maxPushBatch = 200;

export const pushRequestSchema = z.object({ events: z.array(stationEventSchema).min(1).max(maxPushBatch) });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushStatuses = ['applied', 'duplicate', 'accepted_with_exception', 'rejected'] as const;

export const pushResultSchema = z.object({
  eventId: z.string(),
  seq: z.number().int(),
  status: z.enum(pushStatuses),
  /** accepted_with_exception: what the centre's people must look at; rejected: why. */
  problem: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(pushResultSchema),
  /** The highest seq of this station the centre has processed (applied, duplicate, exception or rejected). */
  lastProcessedSeq: z.number().int().min(0),
  epoch: z.string(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** 409 when a batch does not start right after the centre's last processed seq (e.g. after a restore). */
export const seqGapSchema = z.object({ code: z.literal('SEQ_GAP'), lastProcessedSeq: z.number().int().min(0), epoch: z.string() });

// --- Pull and bootstrap: what the centre owns ----------------------------------------------------

export const productDataSchema = z.object({
  sku: z.string(),
  description: z.object({ fr: z.string(), en: z.string(), zh: z.string() }),
  gtins: z.array(z.object({ gtin: z.string().length(14), packQuantity: z.number().int().positive() })),
  lotTracked: z.boolean(),
  expiryTracked: z.boolean(),
  unitsPerCase: z.number().int().positive(),
});

export const locationDataSchema = z.object({
  code: z.string(),
  type: z.enum(locationTypes),
  zone: z.string(),
  walkOrder: z.number().int(),
  active: z.boolean(),
});

export const carriers = ['colissimo', 'chronopost', 'dpd'] as const;

export const orderDataSchema = z.object({
  orderId: z.string(),
  /** YYYY-MM-DD the parcel must leave. */
  shipDate: z.string(),
  carrier: z.enum(carriers),
  service: z.string(),
  /** ISO time the carrier collects; pick runs are grouped by carrier and cutoff. */
  cutoff: z.string(),
  status: z.enum(['open', 'cancelled']),
  /** Bumped by every change the centre makes to the order. */
  version: z.number().int().positive(),
  lines: z.array(z.object({ lineNo: z.number().int().positive(), sku: z.string(), quantity: z.number().int().positive() })).min(1),
});

export const asnDataSchema = z.object({
  asnId: z.string(),
  expectedOn: z.string(),
  supplier: z.string(),
  status: z.enum(['expected', 'cancelled']),
  pallets: z.array(
    z.object({
      sscc: z.string().length(18),
      lines: z.array(z.object({ gtin: z.string().length(14), sku: z.string(), quantity: z.number().int().positive(), lot: z.string().nullable() })),
    }),
  ),
});

/** Stock already in the warehouse when a station first connects: bootstrap only, never pulled. */
export const openingStockDataSchema = z.object({
  location: z.string(),
  container: z.string().nullable(),
  sku: z.string(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  quantity: z.number().int().positive(),
});

export const centreRecordSchema = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('product'), key: z.string(), op: z.enum(['upsert', 'delete']), data: productDataSchema.nullable() }),
  z.object({ entity: z.literal('location'), key: z.string(), op: z.enum(['upsert', 'delete']), data: locationDataSchema.nullable() }),
  z.object({ entity: z.literal('order'), key: z.string(), op: z.enum(['upsert', 'delete']), data: orderDataSchema.nullable() }),
  z.object({ entity: z.literal('asn'), key: z.string(), op: z.enum(['upsert', 'delete']), data: asnDataSchema.nullable() }),
  z.object({ entity: z.literal('opening-stock'), key: z.string(), op: z.literal('upsert'), data: openingStockDataSchema }),
]);
export type CentreRecord = z.infer<typeof centreRecordSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(centreRecordSchema.and(z.object({ changeId: z.number().int().positive() }))),
  /** Opaque to the station; includes the epoch. Store it with the pulled data, in one transaction. */
  cursor: z.string(),
  hasMore: z.boolean(),
  /** True when the cursor is from another epoch (or absent): reload everything with /v1/bootstrap. */
  mustRefetch: z.boolean(),
  lastProcessedSeq: z.number().int().min(0),
  epoch: z.string(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const bootstrapResponseSchema = z.object({
  records: z.array(centreRecordSchema),
  /** Page token for the next page; null on the last page. */
  next: z.string().nullable(),
  /** Pull cursor to use once every page is stored. */
  cursor: z.string(),
  total: z.number().int().min(0),
  lastProcessedSeq: z.number().int().min(0),
  epoch: z.string(),
});

/**
 * The same page with its records still unchecked: a station checks them a slice at a time while
 * storing them, so a 5,000-record page never blocks its main thread in one go (DESIGN §3).
 */
export const bootstrapPageSchema = bootstrapResponseSchema.extend({ records: z.array(z.unknown()) });
export type BootstrapPage = z.infer<typeof bootstrapPageSchema>;

export type BootstrapResponse = z.infer<typeof bootstrapResponseSchema>;

export const maxPullLimit = 1000;
export const maxBootstrapLimit = 5000;

// --- Demo centre only ----------------------------------------------------------------------------

/** `POST /v1/demo/enrol { stationId }` → this station's token (demo / training centre on loopback only). */
export const demoEnrolRequestSchema = z.object({ stationId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/) });
export const demoEnrolmentSchema = z.object({ stationId: z.string(), token: z.string().min(16) });
