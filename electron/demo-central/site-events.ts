import type { WriteHandle } from '../platform/db/connection';
import type { EventPayloadOf, EventType } from '../../shared/sync/station-events';
import { applyTaskEvent, checkPerson, isTaskEvent, type Refusal } from '../../shared/sync/site-records';
import { applyExceptionEvent, type ExceptionEvent } from '../../shared/sync/site-exceptions';
import { applyDispatchEvent, isDispatchEvent, type DispatchEvent, type ParcelData } from '../../shared/sync/site-parcels';
import { applyRunWork, releaseRun } from './site-runs';
import { findOrder } from './orders';
import {
  badgeHolder,
  findException,
  findParcel,
  findTask,
  findTrailer,
  readSiteConfig,
  writeException,
  writeLocation,
  writeParcel,
  writePerson,
  writeSiteConfig,
  writeTask,
  writeTrailer,
} from './site-objects';

type Actor = { readonly personId: string; readonly name: string } | null;

/**
 * Applies an event about the site's own records, in the order the centre receives them (ADR 0007):
 * the first claim of a task wins, a badge belongs to one person. Null when applied; otherwise why
 * not — the event is then accepted with that exception, and the record stays as it was.
 */
export function applySiteEvent(tx: WriteHandle, stationId: string, type: EventType, payload: unknown, actor: Actor, at: string): Refusal | null {
  const origin = { stationId, name: actor?.name ?? '' };
  switch (type) {
    case 'site.configured':
      writeSiteConfig(tx, payload as EventPayloadOf<'site.configured'>, origin);
      return null;
    case 'location.upserted':
      for (const location of (payload as EventPayloadOf<'location.upserted'>).locations) writeLocation(tx, location, origin);
      return null;
    case 'person.upserted': {
      const person = payload as EventPayloadOf<'person.upserted'>;
      const checked = checkPerson(person, badgeHolder(tx, person.badge));
      if (!checked.ok) return checked.refusal;
      writePerson(tx, person, origin);
      return null;
    }
    case 'site.limits-set': {
      const site = readSiteConfig(tx);
      if (!site) return { code: 'SITE_NOT_SET_UP', message: 'the site has no first station yet' };
      writeSiteConfig(tx, { ...site.data, runLimits: (payload as EventPayloadOf<'site.limits-set'>).runLimits }, origin);
      return null;
    }
    case 'run.released':
      return releaseRun(tx, payload as EventPayloadOf<'run.released'>, { personId: actor?.personId ?? '', name: actor?.name ?? '', stationId }, at, origin);
    case 'run.rerun': {
      const { rerunOf, ...release } = payload as EventPayloadOf<'run.rerun'>;
      return releaseRun(tx, release, { personId: actor?.personId ?? '', name: actor?.name ?? '', stationId }, at, origin, rerunOf);
    }
    case 'run.claimed':
    case 'run.paused':
    case 'run.picked':
    case 'run.short':
    case 'run.cancelled':
    case 'run.assigned':
      return applyRunWork(
        tx,
        { type, payload } as Parameters<typeof applyRunWork>[1],
        { personId: actor?.personId ?? '', name: actor?.name ?? '', stationId },
        at,
        origin,
      );
    case 'exception.raised':
    case 'exception.resolved':
      return applySiteException(tx, { type, payload } as ExceptionEvent, { personId: actor?.personId ?? '', name: actor?.name ?? '', stationId }, at, origin);
    case 'stock.reconcile-mismatch':
    case 'day.closed':
      // Reports for the centre's people: stored with the event, nothing to apply.
      return null;
    default:
      break;
  }
  if (isDispatchEvent(type))
    return applySiteDispatch(tx, { type, payload } as DispatchEvent, { personId: actor?.personId ?? '', name: actor?.name ?? '', stationId }, at, origin);
  if (!isTaskEvent(type)) return null;
  const taskId = (payload as { taskId: string }).taskId;
  const who = { personId: actor?.personId ?? '', name: actor?.name ?? '', stationId };
  const applied = applyTaskEvent(findTask(tx, taskId)?.data ?? null, { type, payload } as Parameters<typeof applyTaskEvent>[1], { actor: who, at });
  if (!applied.ok) return applied.refusal;
  writeTask(tx, applied.value, origin);
  return null;
}

/** An exception raised twice (two stations found the same fact) is kept once, unchanged. */
function applySiteException(
  tx: WriteHandle,
  event: ExceptionEvent,
  who: { personId: string; name: string; stationId: string },
  at: string,
  origin: { stationId: string; name: string },
): Refusal | null {
  const held = findException(tx, event.payload.exceptionId)?.data ?? null;
  if (event.type === 'exception.raised' && held) return null;
  const applied = applyExceptionEvent(held, event, { actor: who, at });
  if (!applied.ok) return applied.refusal;
  writeException(tx, applied.value, origin);
  return null;
}

/**
 * A parcel or trailer event (ADR 0010). The first load of a parcel wins; a parcel of an order the
 * centre cancelled is not loaded (its station pulls it back when it learns of the cancel); closing a
 * trailer ships the parcels on it.
 */
function applySiteDispatch(
  tx: WriteHandle,
  event: DispatchEvent,
  who: { personId: string; name: string; stationId: string },
  at: string,
  origin: { stationId: string; name: string },
): Refusal | null {
  const sscc = 'sscc' in event.payload ? event.payload.sscc : null;
  const trailerId = 'trailerId' in event.payload ? event.payload.trailerId : null;
  const parcel = sscc === null ? null : (findParcel(tx, sscc)?.data ?? null);
  const trailer = trailerId === null ? null : (findTrailer(tx, trailerId)?.data ?? null);
  if (event.type === 'parcel.loaded' && parcel && findOrder(tx, parcel.orderId)?.data.status === 'cancelled') {
    return { code: 'PARCEL_ORDER_CANCELLED', message: `parcel ${parcel.sscc} is of order ${parcel.orderId}, cancelled` };
  }
  const loaded =
    event.type === 'trailer.closed' && trailer
      ? trailer.parcels.flatMap((held) => {
          const found = findParcel(tx, held)?.data;
          return found ? [found] : [];
        })
      : ([] as ParcelData[]);
  const applied = applyDispatchEvent({ parcel, trailer }, event, { actor: who, at }, loaded);
  if (!applied.ok) return applied.refusal;
  if (applied.value.parcel && applied.value.parcel !== parcel) writeParcel(tx, applied.value.parcel, origin);
  if (applied.value.trailer && applied.value.trailer !== trailer) writeTrailer(tx, applied.value.trailer, origin);
  for (const shipped of applied.value.shipped) writeParcel(tx, shipped, origin);
  return null;
}
