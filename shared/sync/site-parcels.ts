import { z } from 'zod';
import { boxTypes } from '../packing';
import { accept, refuse, whoSchema, type Applied, type SiteEventContext } from './site-records';
import type { EventPayloadOf } from './station-events';

/**
 * The site's parcels and trailers (issue #13): a parcel sealed at one pack station is loaded at the
 * outbound dock from another station, so both are site records the centre keeps and fans out, like
 * runs and tasks. One reducer for the centre and the stations; the centre applies events in the
 * order it receives them (the first load of a parcel wins).
 */

export const parcelDataSchema = z.object({
  sscc: z.string(),
  orderId: z.string(),
  runId: z.string().nullable(),
  carrier: z.string(),
  tracking: z.string(),
  box: z.enum(boxTypes),
  weightGrams: z.number().int().nullable(),
  lines: z.array(z.object({ lineNo: z.number().int(), sku: z.string(), quantity: z.number().int() })),
  short: z.array(z.object({ lineNo: z.number().int(), missing: z.number().int() })),
  state: z.enum(['sealed', 'loaded', 'shipped', 'unpacked']),
  trailerId: z.string().nullable(),
  packedBy: whoSchema,
  packedAt: z.string(),
  unpacked: z.object({ reason: z.string(), by: whoSchema, at: z.string() }).nullable(),
  loaded: z.object({ by: whoSchema, at: z.string() }).nullable(),
});
export type ParcelData = z.infer<typeof parcelDataSchema>;

export const trailerDataSchema = z.object({
  trailerId: z.string(),
  carrier: z.string(),
  label: z.string(),
  shipDate: z.string(),
  state: z.enum(['open', 'closed']),
  openedBy: whoSchema,
  openedAt: z.string(),
  /** SSCCs in the order they were loaded. */
  parcels: z.array(z.string()),
  closed: z.object({ by: whoSchema, at: z.string(), missing: z.array(z.object({ orderId: z.string(), reason: z.string() })) }).nullable(),
});
export type TrailerData = z.infer<typeof trailerDataSchema>;

export type DispatchRefusal =
  | 'PARCEL_EXISTS'
  | 'PARCEL_NOT_FOUND'
  | 'PARCEL_NOT_SEALED'
  | 'PARCEL_ON_TRAILER'
  | 'PARCEL_WRONG_CARRIER'
  | 'PARCEL_ORDER_CANCELLED'
  | 'TRAILER_NOT_FOUND'
  | 'TRAILER_EXISTS'
  | 'TRAILER_CLOSED';

const no = (code: DispatchRefusal, message: string): Applied<never> => refuse(code, message);
const yes = accept;

export type DispatchEvent =
  | { readonly type: 'parcel.packed'; readonly payload: EventPayloadOf<'parcel.packed'> }
  | { readonly type: 'parcel.unpacked'; readonly payload: EventPayloadOf<'parcel.unpacked'> }
  | { readonly type: 'trailer.opened'; readonly payload: EventPayloadOf<'trailer.opened'> }
  | { readonly type: 'parcel.loaded'; readonly payload: EventPayloadOf<'parcel.loaded'> }
  | { readonly type: 'trailer.closed'; readonly payload: EventPayloadOf<'trailer.closed'> };

export const isDispatchEvent = (type: string): type is DispatchEvent['type'] => type.startsWith('parcel.') || type.startsWith('trailer.');

/** The records an event reads and writes: the parcel its SSCC names, the trailer its id names. */
export type DispatchRecords = { readonly parcel: ParcelData | null; readonly trailer: TrailerData | null };

/**
 * The records after `event`, or why it does not apply. `trailer.closed` also ships the trailer's
 * parcels: the caller gives them in `loadedParcels` and writes what comes back.
 */
export function applyDispatchEvent(
  records: DispatchRecords,
  event: DispatchEvent,
  context: SiteEventContext,
  loadedParcels: readonly ParcelData[] = [],
): Applied<{ readonly parcel: ParcelData | null; readonly trailer: TrailerData | null; readonly shipped: readonly ParcelData[] }> {
  const { actor, at } = context;
  const { parcel, trailer } = records;
  switch (event.type) {
    case 'parcel.packed': {
      if (parcel) return no('PARCEL_EXISTS', `parcel ${event.payload.sscc} exists`);
      const { sscc, orderId, runId, carrier, tracking, box, weightGrams, lines, short } = event.payload;
      const packed: ParcelData = {
        sscc,
        orderId,
        runId,
        carrier,
        tracking,
        box,
        weightGrams,
        lines,
        short,
        state: 'sealed',
        trailerId: null,
        packedBy: actor,
        packedAt: at,
        unpacked: null,
        loaded: null,
      };
      return yes({ parcel: packed, trailer, shipped: [] });
    }
    case 'parcel.unpacked': {
      if (!parcel) return no('PARCEL_NOT_FOUND', `no parcel ${event.payload.sscc}`);
      if (parcel.state !== 'sealed')
        return no(parcel.state === 'unpacked' ? 'PARCEL_NOT_SEALED' : 'PARCEL_ON_TRAILER', `parcel ${parcel.sscc} is ${parcel.state}`);
      return yes({ parcel: { ...parcel, state: 'unpacked', unpacked: { reason: event.payload.reason, by: actor, at } }, trailer, shipped: [] });
    }
    case 'trailer.opened': {
      if (trailer) return no('TRAILER_EXISTS', `trailer ${event.payload.trailerId} exists`);
      const { trailerId, carrier, label, shipDate } = event.payload;
      return yes({
        parcel,
        trailer: { trailerId, carrier, label, shipDate, state: 'open', openedBy: actor, openedAt: at, parcels: [], closed: null },
        shipped: [],
      });
    }
    case 'parcel.loaded': {
      if (!trailer) return no('TRAILER_NOT_FOUND', `no trailer ${event.payload.trailerId}`);
      if (trailer.state !== 'open') return no('TRAILER_CLOSED', `trailer ${trailer.label} is closed`);
      if (!parcel) return no('PARCEL_NOT_FOUND', `no parcel ${event.payload.sscc}`);
      if (parcel.state === 'loaded' || parcel.state === 'shipped')
        return no('PARCEL_ON_TRAILER', `parcel ${parcel.sscc} is on trailer ${parcel.trailerId ?? ''}`);
      if (parcel.state !== 'sealed') return no('PARCEL_NOT_SEALED', `parcel ${parcel.sscc} is ${parcel.state}`);
      if (parcel.carrier !== trailer.carrier)
        return no('PARCEL_WRONG_CARRIER', `parcel ${parcel.sscc} goes by ${parcel.carrier}, trailer ${trailer.label} is ${trailer.carrier}'s`);
      return yes({
        parcel: { ...parcel, state: 'loaded', trailerId: trailer.trailerId, loaded: { by: actor, at } },
        trailer: { ...trailer, parcels: [...trailer.parcels, parcel.sscc] },
        shipped: [],
      });
    }
    case 'trailer.closed': {
      if (!trailer) return no('TRAILER_NOT_FOUND', `no trailer ${event.payload.trailerId}`);
      if (trailer.state !== 'open') return no('TRAILER_CLOSED', `trailer ${trailer.label} is closed`);
      const shipped = loadedParcels
        .filter((held) => held.trailerId === trailer.trailerId && held.state === 'loaded')
        .map((held) => ({ ...held, state: 'shipped' as const }));
      return yes({ parcel, trailer: { ...trailer, state: 'closed', closed: { by: actor, at, missing: event.payload.missing } }, shipped });
    }
  }
}
