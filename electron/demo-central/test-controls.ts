import { z } from 'zod';
import { parcelDataSchema, trailerDataSchema } from '../../shared/sync/site-parcels';
import { carriers, orderDataSchema, pushStatuses } from '../../shared/sync/protocol';

/**
 * The demo centre's test controls (docs/protocol.md, `--test-mode` only): request and answer
 * bodies, parsed by the centre at its boundary and by tests on what they get back. Not part of the
 * station ↔ centre protocol: a station never calls them, so they live with the demo centre.
 */

const count = z.number().int().min(1).max(10_000);

export const testControlSchemas = {
  /** The next `count` requests answer `status` and apply nothing (503 with Retry-After, default 1 s). */
  fail: z.object({ count, status: z.union([z.literal(500), z.literal(503)]), retryAfter: z.number().int().min(0).max(3600).optional() }),
  /** The next `count` requests wait `ms` before they are handled. */
  stall: z.object({ count, ms: z.number().int().min(0).max(600_000) }),
  /** The next `count` requests are handled and committed, then the connection is closed without an answer. */
  'drop-after-commit': z.object({ count }),
  /** The next `count` requests get the previous answer of their route, and nothing is handled. */
  replay: z.object({ count }),
  backup: z.object({}).loose(),
  restore: z.object({}).loose(),
  'cancel-order': z.object({ orderId: z.string().min(1) }),
  /** New lines for an open order: a SKU already on it keeps its line number. */
  'change-order': z.object({
    orderId: z.string().min(1),
    lines: z
      .array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() }))
      .min(1)
      .refine((lines) => new Set(lines.map((l) => l.sku)).size === lines.length, 'each SKU once'),
  }),
  /** The centre plans one run of up to `orders` orders (of `carrier`), released and reserved as a station's, for every station to pick (sent-runs.ts). */
  'send-run': z.object({ orders: z.number().int().min(1).max(200), carrier: z.enum(carriers).optional() }),
  /** Moves simulated time on: orders placed, changed and cancelled meanwhile become pull changes. */
  tick: z.object({
    minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  }),
} as const;

export type TestControl = keyof typeof testControlSchemas;
export const testControls = Object.keys(testControlSchemas) as TestControl[];

export const controlAcknowledgedSchema = z.object({ ok: z.literal(true) });

export const backupDoneSchema = z.object({ ok: z.literal(true), epoch: z.string(), at: z.string() });

export const restoreDoneSchema = z.object({
  ok: z.literal(true),
  /** The new epoch: every cursor from before is void. */
  epoch: z.string(),
  previousEpoch: z.string(),
  /** When the backup restored was taken. */
  backupAt: z.string(),
});

export const orderControlDoneSchema = z.object({ order: orderDataSchema, changed: z.boolean() });

export const tickDoneSchema = z.object({
  simulatedTime: z.string(),
  released: z.object({ orders: z.number().int(), changes: z.number().int(), cancellations: z.number().int(), asns: z.number().int() }),
});

export const runSentSchema = z.object({
  runId: z.string(),
  shipDate: z.string(),
  carrier: z.string(),
  orders: z.array(z.string()),
  lines: z.number().int(),
});

export const stockViewSchema = z.object({
  rows: z.array(
    z.object({
      location: z.string(),
      container: z.string().nullable(),
      sku: z.string(),
      lot: z.string().nullable(),
      expiry: z.string().nullable(),
      quantity: z.number().int(),
    }),
  ),
});
export type StockView = z.infer<typeof stockViewSchema>;

export const receivedEventsSchema = z.object({
  events: z.array(
    z.object({
      eventId: z.string(),
      stationId: z.string(),
      seq: z.number().int(),
      type: z.string().nullable(),
      occurredAt: z.string().nullable(),
      receivedAt: z.string(),
      status: z.enum(pushStatuses).exclude(['duplicate']),
      problem: z.object({ code: z.string(), message: z.string() }).optional(),
      orderId: z.string().nullable(),
    }),
  ),
});
export type ReceivedEvents = z.infer<typeof receivedEventsSchema>;

/** GET /v1/test/exceptions. */
export const centreExceptionsSchema = z.object({
  exceptions: z.array(z.object({ at: z.string(), code: z.string(), runId: z.string(), orderId: z.string(), message: z.string() })),
});
export type CentreExceptions = z.infer<typeof centreExceptionsSchema>;

/** GET /v1/test/dispatch: the site's parcels and trailers as the centre holds them. */
export const centreDispatchSchema = z.object({ parcels: z.array(parcelDataSchema), trailers: z.array(trailerDataSchema) });
export type CentreDispatch = z.infer<typeof centreDispatchSchema>;
