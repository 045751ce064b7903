import { z } from 'zod';
import { locales } from '../locale';
import { boxTypes, maxParcelGrams } from '../packing';
import { runLimitsSchema, shortReasons } from '../picking';
import { roles } from '../roles';
import { locationTypes, movementKinds } from '../stock';
import { exceptionActions, siteExceptionKinds } from './status';

/**
 * The events a station pushes (docs/protocol.md, push), one versioned payload schema per type,
 * parsed by the station when it writes an event and by the centre when it receives one. A new
 * field or meaning is a new version of its type; a centre that does not know a type or version
 * answers `rejected` with UNKNOWN_EVENT_TYPE or UNSUPPORTED_EVENT_VERSION, never a guess.
 */

const place = z.object({ location: z.string().nullable(), container: z.string().nullable() });

/** One ledger movement as a delta: `from` loses `quantity`, `to` gains it (null location = outside the warehouse). */
export const movementDeltaSchema = z.object({
  kind: z.enum(movementKinds),
  sku: z.string().min(1),
  lot: z.string().nullable(),
  from: place,
  to: place,
  quantity: z.number().int().positive(),
});
export type MovementDelta = z.infer<typeof movementDeltaSchema>;

const movements = z.array(movementDeltaSchema);
const uuid = z.uuid();

/** A location of the site's layout, as the site's admins keep it (ADR 0007: the site owns its layout). */
export const locationDataSchema = z.object({
  code: z.string().min(1).max(40),
  type: z.enum(locationTypes),
  zone: z.string().min(1).max(20),
  walkOrder: z.number().int(),
  active: z.boolean(),
});
export type LocationData = z.infer<typeof locationDataSchema>;

/** A person of the site: the PIN travels only as its scrypt hash (`scrypt$N$r$p$salt$hash`), never as the PIN. */
export const personDataSchema = z.object({
  personId: uuid,
  badge: z.string().min(3).max(64),
  name: z.string().min(1).max(80),
  role: z.enum(roles),
  locale: z.enum(locales),
  pinHash: z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/),
  disabled: z.boolean(),
});
export type PersonData = z.infer<typeof personDataSchema>;

/** The site as its first station names it. */
export const siteDataSchema = z.object({
  code: z.string().min(2).max(16),
  name: z.string().min(1).max(80),
  /** IANA zone: every "today", cutoff and time on every station of the site is in it. */
  timeZone: z.string().min(1).max(64),
  defaultLocale: z.enum(locales),
  /** The site's limits per pick run; absent until a shift lead sets them (the defaults apply). */
  runLimits: runLimitsSchema.optional(),
});
export type SiteData = z.infer<typeof siteDataSchema>;

/** `recount`: count a location again; `return_to_bin`: put picked units of an order that left its run back where they came from. */
export const taskKinds = ['recount', 'return_to_bin'] as const;
export type TaskKind = (typeof taskKinds)[number];

/** What a recount found: every line counted, and whether it matched the stock when it closed. */
export const recountResultSchema = z.object({
  outcome: z.enum(['matched', 'mismatch']),
  lines: z.array(z.object({ sku: z.string(), lot: z.string().nullable(), counted: z.number().int().min(0), expected: z.number().int() })),
});
export type RecountResult = z.infer<typeof recountResultSchema>;

/** One order line a run picks at a stop, into the order's tote slot. */
export const runLineSchema = z.object({
  orderId: z.string().min(1).max(64),
  lineNo: z.number().int().positive(),
  sku: z.string().min(1).max(64),
  quantity: z.number().int().positive(),
  toteSlot: z.number().int().positive().max(200),
});

/**
 * A pick run as a shift lead releases it (ADR 0009): its orders with their tote slots and its stops
 * in route order. The centre reserves its lines' stock for it, site-wide, or refuses it.
 */
export const releasedRunSchema = z.object({
  runId: uuid,
  shipDate: z.iso.date(),
  carrier: z.string().min(1).max(40),
  cutoff: z.string().min(1).max(40),
  orders: z
    .array(z.object({ orderId: z.string().min(1).max(64), toteSlot: z.number().int().positive().max(200) }))
    .min(1)
    .max(200),
  stops: z
    .array(z.object({ location: z.string().min(1).max(40), lines: z.array(runLineSchema).min(1).max(5000) }))
    .min(1)
    .max(5000),
  /** Modelled walk, metres (docs/picking.md). */
  distance: z.number().min(0),
});
export type ReleasedRun = z.infer<typeof releasedRunSchema>;

/** One line of a run, picked or short: `pickId` names it once, however often it is sent or pulled. */
const pickSchema = z.object({
  runId: uuid,
  pickId: uuid,
  orderId: z.string().min(1).max(64),
  lineNo: z.number().int().positive(),
  location: z.string().min(1).max(40),
  sku: z.string().min(1).max(64),
  quantity: z.number().int().positive(),
});

export const eventSchemas = {
  'stock.moved': { 1: z.object({ movements, reason: z.string().optional(), orderId: z.string().optional() }) },
  'stock.adjusted': { 1: z.object({ movements, reason: z.string() }) },
  'stock.count-approved': { 1: z.object({ movements, reason: z.string(), taskId: uuid.optional() }) },
  'site.configured': { 1: siteDataSchema },
  'location.upserted': { 1: z.object({ locations: z.array(locationDataSchema).min(1).max(5000) }) },
  'person.upserted': { 1: personDataSchema },
  /** A shift lead sets the site's limits per pick run; the centre keeps them with the site's record. */
  'site.limits-set': { 1: z.object({ runLimits: runLimitsSchema }) },
  'task.created': { 1: z.object({ taskId: uuid, kind: z.enum(taskKinds), location: z.string().min(1), note: z.string().max(500).optional() }) },
  /** A person takes the task: the first claim the centre receives wins (ALREADY_CLAIMED for the others). */
  'task.claimed': { 1: z.object({ taskId: uuid }) },
  'task.released': { 1: z.object({ taskId: uuid }) },
  'task.completed': { 1: z.object({ taskId: uuid, result: recountResultSchema }) },
  /** The units of a return-to-bin task put back at its location (movements from the pack station): the task is done. */
  'task.returned': { 1: z.object({ taskId: uuid, movements: movements.min(1).max(50) }) },
  'task.closed': { 1: z.object({ taskId: uuid, decision: z.enum(['approved', 'rejected', 'cancelled']), reason: z.string().max(500) }) },
  /** A shift lead releases a run: the centre reserves its stock or refuses it (ORDER_IN_RUN, NOT_ENOUGH_STOCK…). */
  'run.released': { 1: releasedRunSchema },
  /**
   * A shift lead re-runs a short pick (the site's exceptions): the units its lines ended short in
   * run `rerunOf`, picked again from other places in a run of their own, reserved like a release.
   */
  'run.rerun': { 1: releasedRunSchema.extend({ rerunOf: uuid }) },
  /** A picker takes a released run: the first claim the centre receives wins (ALREADY_CLAIMED for the others). */
  'run.claimed': { 1: z.object({ runId: uuid }) },
  /** The picker stops: the run, with what is already in its totes, waits for anyone to take it again. */
  'run.paused': { 1: z.object({ runId: uuid }) },
  /** Units of one line taken from its location to the run's tote slot: a physical fact, never refused. */
  'run.picked': { 1: pickSchema.extend({ movements: movements.min(1).max(50) }) },
  /** A shift lead takes a released run back: its stock is free, its orders can be planned again, its totes go back by task. */
  'run.cancelled': { 1: z.object({ runId: uuid, reason: z.string().min(3).max(500) }) },
  /** A shift lead gives a released run to one person (null: to anyone); whoever else holds it lets go. */
  'run.assigned': { 1: z.object({ runId: uuid, assignee: z.object({ personId: z.string().min(1).max(64), name: z.string().min(1).max(200) }).nullable() }) },
  /** What a line's location did not hold: the line ends short, an exception for the shift lead and the centre. */
  'run.short': { 1: pickSchema.extend({ reason: z.enum(shortReasons) }) },
  /**
   * Something for the shift lead, found by a station (a short pick, a lost claim, a balance below
   * zero): `exceptionId` is made from what caused it, so two stations finding the same fact raise one.
   */
  'exception.raised': {
    1: z.object({
      exceptionId: z.string().min(1).max(200),
      kind: z.enum(siteExceptionKinds),
      subject: z.string().min(1).max(200),
      location: z.string().min(1).max(40).nullable(),
      detail: z.record(z.string().max(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])),
    }),
  },
  /** A shift lead settles one: the first resolution the centre receives wins (EXCEPTION_RESOLVED for the others). */
  'exception.resolved': {
    1: z.object({
      exceptionId: z.string().min(1).max(200),
      action: z.enum(exceptionActions),
      note: z.string().max(500),
      /** The recount it asked for, or the re-run it released. */
      taskId: uuid.nullable(),
      runId: uuid.nullable(),
    }),
  },
  /**
   * An order packed and sealed at a pack station (issue #13): its units from the pack station into
   * the parcel (a container named by the parcel's SSCC), the carrier's tracking number, the box.
   * `short`: lines packed with fewer units than the order asks, approved by a shift lead.
   */
  'parcel.packed': {
    1: z.object({
      sscc: z.string().regex(/^[0-9]{18}$/),
      orderId: z.string().min(1).max(64),
      runId: uuid.nullable(),
      carrier: z.string().min(1).max(40),
      tracking: z.string().min(4).max(40),
      box: z.enum(boxTypes),
      weightGrams: z.number().int().positive().max(maxParcelGrams).nullable(),
      lines: z
        .array(z.object({ lineNo: z.number().int().positive(), sku: z.string().min(1).max(64), quantity: z.number().int().min(0) }))
        .min(1)
        .max(500),
      short: z.array(z.object({ lineNo: z.number().int().positive(), missing: z.number().int().positive() })).max(500),
      movements: movements.min(1).max(500),
    }),
  },
  /**
   * A sealed parcel opened again (a shift lead's unpack, or a cancelled order's parcel pulled back at
   * dispatch): its units back to the pack station, loose; the order can be packed again.
   */
  'parcel.unpacked': { 1: z.object({ sscc: z.string().regex(/^[0-9]{18}$/), reason: z.string().min(3).max(500), movements: movements.min(1).max(500) }) },
  /** A trailer (or a carrier's cage) opened at the outbound dock for one carrier's parcels of a ship date. */
  'trailer.opened': { 1: z.object({ trailerId: uuid, carrier: z.string().min(1).max(40), label: z.string().min(1).max(40), shipDate: z.iso.date() }) },
  /** A sealed parcel scanned onto an open trailer of its carrier. */
  'parcel.loaded': { 1: z.object({ sscc: z.string().regex(/^[0-9]{18}$/), trailerId: uuid }) },
  /**
   * The trailer closed and handed to the carrier: its parcels' units leave the warehouse (movements
   * to no location); the orders due but not on it are named with a reason (the manifest's data).
   */
  'trailer.closed': {
    1: z.object({
      trailerId: uuid,
      missing: z.array(z.object({ orderId: z.string().min(1).max(64), reason: z.string().min(3).max(500) })).max(5000),
      movements: movements.max(20_000),
    }),
  },
  /** A shift lead closed the ship date: every order left on a trailer or is named here with why (the centre's report of the day). */
  'day.closed': {
    1: z.object({
      shipDate: z.iso.date(),
      explained: z.array(z.object({ orderId: z.string().min(1).max(64), reason: z.string().min(3).max(500) })).max(20_000),
    }),
  },
  /** A daily or asked-for reconciliation found the station's stock different from the centre's. */
  'stock.reconcile-mismatch': {
    1: z.object({
      zone: z.string(),
      rows: z
        .array(
          z.object({
            location: z.string(),
            container: z.string().nullable(),
            sku: z.string(),
            lot: z.string().nullable(),
            station: z.number().int(),
            centre: z.number().int(),
          }),
        )
        .max(500),
    }),
  },
} as const;

export type EventType = keyof typeof eventSchemas;
export const eventTypes = Object.keys(eventSchemas) as EventType[];

/** The version a station writes today for each type. */
export const currentEventVersion: { readonly [T in EventType]: number } = Object.fromEntries(
  eventTypes.map((type) => [type, Math.max(...Object.keys(eventSchemas[type]).map(Number))]),
) as { readonly [T in EventType]: number };

type Latest<T extends EventType> = (typeof eventSchemas)[T][1];
export type EventPayloadOf<T extends EventType> = z.infer<Latest<T>>;

export const isEventType = (value: string): value is EventType => Object.hasOwn(eventSchemas, value);

export type PayloadCheck =
  | { readonly ok: true; readonly payload: unknown }
  | { readonly ok: false; readonly code: 'UNKNOWN_EVENT_TYPE' | 'UNSUPPORTED_EVENT_VERSION' | 'BAD_PAYLOAD'; readonly message: string };

/** Parses a payload by its type and version; the answer says which of the three things was wrong. */
export function checkEventPayload(type: string, version: number, payload: unknown): PayloadCheck {
  if (!isEventType(type)) return { ok: false, code: 'UNKNOWN_EVENT_TYPE', message: `no event type ${JSON.stringify(type).slice(0, 80)}` };
  const versions = eventSchemas[type] as Readonly<Record<number, z.ZodType>>;
  const schema = versions[version];
  if (!schema) return { ok: false, code: 'UNSUPPORTED_EVENT_VERSION', message: `${type} has no version ${version}` };
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      code: 'BAD_PAYLOAD',
      message: `${type} v${version}: ${issue ? `${issue.path.join('.') || '(payload)'}: ${issue.message}` : 'invalid'}`,
    };
  }
  return { ok: true, payload: parsed.data };
}

/** Movements an event carries, whatever its type (those that carry none answer []). */
export function movementsOf(type: EventType, payload: unknown): readonly MovementDelta[] {
  if (
    type === 'stock.moved' ||
    type === 'stock.adjusted' ||
    type === 'stock.count-approved' ||
    type === 'run.picked' ||
    type === 'task.returned' ||
    type === 'parcel.packed' ||
    type === 'parcel.unpacked' ||
    type === 'trailer.closed'
  )
    return (payload as { movements: MovementDelta[] }).movements;
  return [];
}
