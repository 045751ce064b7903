import { z } from 'zod';
import { locationDataSchema, movementDeltaSchema, personDataSchema, siteDataSchema } from './station-events';
import { taskDataSchema } from './site-records';
import { exceptionDataSchema } from './site-exceptions';
import { runDataSchema } from './site-runs';
import { parcelDataSchema, trailerDataSchema } from './site-parcels';

/**
 * The station ↔ centre protocol (docs/protocol.md), as zod schemas both sides parse with. The
 * station owns physical facts (events it pushes); the centre owns orders, ASNs, the catalogue and
 * locations (changes the station pulls). Conflicts are settled by ownership, never by timestamps.
 */

export const protocolVersion = '2';

/** Every error answer (400, 401, 404, 409, 410, 413, 500, 503) carries a stable code and an English message for logs. */
export const protocolErrorSchema = z.object({ code: z.string(), message: z.string() });
export type ProtocolError = z.infer<typeof protocolErrorSchema>;

// --- Health ------------------------------------------------------------------------------------

export const healthSchema = z.object({
  /** Changes when the centre is restored from a backup: cursors from before are void. */
  epoch: z.string().min(1),
  serverTime: z.string(),
  minClientVersion: z.string(),
  protocolVersion: z.string(),
  /** The site this station's token belongs to, and the station it names. */
  siteId: z.string(),
  stationId: z.string(),
  /** A first station has named the site and created its first admin: a new station joins it. */
  siteConfigured: z.boolean(),
});
export type Health = z.infer<typeof healthSchema>;

// --- Push: the station's events ------------------------------------------------------------------

export const stationEventSchema = z.object({
  /** UUIDv7: unique forever, the centre dedupes on it. */
  eventId: z.uuid(),
  /** Per station, gapless from 1. */
  seq: z.number().int().positive(),
  /** One of `eventSchemas` (shared/sync/events.ts); the centre checks it with `schemaVersion`. */
  type: z.string().min(1).max(64),
  schemaVersion: z.number().int().positive(),
  occurredAt: z.string(),
  /** Who did it: the site's person id (the same on every station) and the name they had then. */
  actor: z.object({ personId: z.string(), name: z.string() }).nullable(),
  /** Checked by type and version: a bad one is `rejected` (BAD_PAYLOAD) without blocking the stream. */
  payload: z.unknown(),
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

/** The site's stock at the snapshot's moment (bootstrap only): what the centre has confirmed for the site. */
export const stockDataSchema = z.object({
  location: z.string(),
  container: z.string().nullable(),
  sku: z.string(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  /** May be below zero: physical facts are never refused, a negative line is an exception to look at. */
  quantity: z.number().int(),
});
export type StockData = z.infer<typeof stockDataSchema>;

/** Another station's movements (pull only), fanned out by the centre in the order it accepted them. */
export const movementDataSchema = z.object({
  eventId: z.string(),
  stationId: z.string(),
  type: z.string(),
  occurredAt: z.string(),
  actor: z.object({ personId: z.string(), name: z.string() }).nullable(),
  movements: z.array(movementDeltaSchema),
});
export type MovementData = z.infer<typeof movementDataSchema>;

/**
 * What a station pulls or bootstraps. `version` grows with every change of a key (the centre's
 * order): a record older than the one a station holds is a replay and is ignored. A `delete` marks
 * the station's row gone; rows that station work refers to are kept (docs/protocol.md).
 */
const record = <E extends string, D extends z.ZodType>(entity: E, data: D) =>
  z.object({
    entity: z.literal(entity),
    key: z.string(),
    op: z.enum(['upsert', 'delete']),
    version: z.number().int().min(0),
    data: data.nullable(),
    /** For the site's records: the station and the person whose event made this version (the audit names them). */
    by: z.object({ stationId: z.string(), name: z.string() }).nullable().optional(),
  });

export const centreRecordSchema = z.discriminatedUnion('entity', [
  record('product', productDataSchema),
  record('order', orderDataSchema),
  record('asn', asnDataSchema),
  record('location', locationDataSchema),
  record('person', personDataSchema),
  record('site', siteDataSchema),
  record('task', taskDataSchema),
  record('run', runDataSchema),
  record('exception', exceptionDataSchema),
  record('parcel', parcelDataSchema),
  record('trailer', trailerDataSchema),
  record('movement', movementDataSchema),
  record('stock', stockDataSchema),
]);
export type CentreRecord = z.infer<typeof centreRecordSchema>;
export type RecordEntity = CentreRecord['entity'];

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
 * storing them, so a 5,000-record page never blocks its main thread in one go (docs/design.md §3).
 */
export const bootstrapPageSchema = bootstrapResponseSchema.extend({ records: z.array(z.unknown()) });
export type BootstrapPage = z.infer<typeof bootstrapPageSchema>;

/**
 * A pull answer with its changes not yet checked: the station checks their changeIds at once
 * (`pullChangeIdsSchema`, which keeps only them) and each record in its slice, as for a bootstrap page.
 */
export const pullPageSchema = pullResponseSchema.extend({ changes: z.array(z.unknown()) });
export type PullPage = z.infer<typeof pullPageSchema>;
export const pullChangeIdsSchema = z.array(z.object({ changeId: z.number().int().positive() }));

export type BootstrapResponse = z.infer<typeof bootstrapResponseSchema>;

export const maxPullLimit = 1000;
export const maxBootstrapLimit = 5000;

// --- Demo centre only ----------------------------------------------------------------------------

// --- Reconcile -----------------------------------------------------------------------------------

/**
 * Per zone, the site's stock as the centre has it after `changeId` (shared/sync/reconcile.ts
 * computes the checksum). `upToDate`: the station's cursor (given as `?cursor=`) stands at that
 * change, so its stock can be compared; otherwise it pulls and asks again.
 */
export const reconcileResponseSchema = z.object({
  changeId: z.number().int().min(0),
  epoch: z.string(),
  upToDate: z.boolean(),
  zones: z.array(z.object({ zone: z.string(), lines: z.number().int().min(0), checksum: z.string() })),
});
export type ReconcileResponse = z.infer<typeof reconcileResponseSchema>;

export const reconcileZoneResponseSchema = z.object({
  changeId: z.number().int().min(0),
  epoch: z.string(),
  upToDate: z.boolean(),
  rows: z.array(stockDataSchema),
});
export type ReconcileZoneResponse = z.infer<typeof reconcileZoneResponseSchema>;

/**
 * `POST /v1/sscc-blocks`: serial references for the station's own SSCCs (parcels, blind receipts),
 * a block handed to this station alone and never again, so SSCCs stay unique across the site's
 * stations with or without the network (docs/protocol.md, SSCC blocks).
 */
export const ssccBlockRequestSchema = z.object({ size: z.number().int().min(1).max(100_000) });
export const ssccBlockSchema = z.object({
  extension: z.number().int().min(0).max(9),
  companyPrefix: z.string().regex(/^[0-9]{6,12}$/),
  first: z.number().int().min(0),
  last: z.number().int().min(0),
});
export type SsccBlockGrant = z.infer<typeof ssccBlockSchema>;

/** `POST /v1/demo/enrol { stationId }` → this station's token (demo / training centre on loopback only). */
export const demoEnrolRequestSchema = z.object({ stationId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/) });
export const demoEnrolmentSchema = z.object({ stationId: z.string(), token: z.string().min(16) });

export { locationDataSchema, movementDeltaSchema, personDataSchema, siteDataSchema, type MovementDelta } from './station-events';
