import { z } from 'zod';
import { accept, refuse, whoSchema, type Applied, type SiteEventContext } from './site-records';
import type { EventPayloadOf } from './station-events';
import { actionsFor, exceptionActions, siteExceptionKinds } from './status';

/**
 * The site's exceptions (DOMAIN, the shift lead's day): one record per fact, kept by the centre like
 * the site's tasks, so a short pick made on a trolley shows in the office and a resolution made on
 * one station closes it on all. A station raises what it found; the centre raises what it did to a
 * run (an order cancelled or changed mid-pick). The first resolution the centre receives wins. One
 * reducer for the centre and the stations.
 */

export const exceptionDataSchema = z.object({
  exceptionId: z.string(),
  kind: z.enum(siteExceptionKinds),
  subject: z.string(),
  location: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  raisedBy: whoSchema,
  raisedAt: z.string(),
  state: z.enum(['open', 'resolved']),
  resolution: z
    .object({ action: z.enum(exceptionActions), note: z.string(), taskId: z.string().nullable(), runId: z.string().nullable(), by: whoSchema, at: z.string() })
    .nullable(),
});
export type ExceptionData = z.infer<typeof exceptionDataSchema>;

export type ExceptionEvent =
  | { readonly type: 'exception.raised'; readonly payload: EventPayloadOf<'exception.raised'> }
  | { readonly type: 'exception.resolved'; readonly payload: EventPayloadOf<'exception.resolved'> };

export const isExceptionEvent = (type: string): type is ExceptionEvent['type'] => type === 'exception.raised' || type === 'exception.resolved';

/**
 * The exception after `event`. Raising one that exists changes nothing (the same fact found twice);
 * resolving needs it open and an action that settles its kind.
 */
export function applyExceptionEvent(current: Readonly<ExceptionData> | null, event: ExceptionEvent, context: SiteEventContext): Applied<ExceptionData> {
  const { actor, at } = context;
  if (event.type === 'exception.raised') {
    if (current) return accept(current);
    const { exceptionId, kind, subject, location, detail } = event.payload;
    return accept({ exceptionId, kind, subject, location, detail, raisedBy: actor, raisedAt: at, state: 'open', resolution: null });
  }
  const { exceptionId, action, note, taskId, runId } = event.payload;
  if (!current) return refuse('EXCEPTION_NOT_FOUND', `no exception ${exceptionId}`);
  if (current.resolution)
    return refuse('EXCEPTION_RESOLVED', `exception ${exceptionId} was resolved by ${current.resolution.by.name} (${current.resolution.by.stationId})`);
  if (!actionsFor(current.kind, current.location).includes(action)) return refuse('ACTION_NOT_ALLOWED', `${action} does not settle ${current.kind}`);
  return accept({ ...current, state: 'resolved', resolution: { action, note, taskId, runId, by: actor, at } });
}
