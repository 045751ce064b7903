import { z } from 'zod';
import { centreStationId } from '../people';
import type { DispatchRefusal } from './site-parcels';
import type { RunRefusalCode } from './site-runs';
import { recountResultSchema, taskKinds, type EventPayloadOf, type PersonData, type RecountResult } from './station-events';

/**
 * The site's shared work objects (ADR 0007): created on one station, worked on another. Each has
 * an owner, a state and at most one claim. The centre applies the events to them in the order it
 * receives them (first claim wins); a station applies its own events the same way at once, so its
 * people see their action, and takes the centre's version when it pulls. One reducer for both.
 */

export const whoSchema = z.object({ personId: z.string(), name: z.string(), stationId: z.string() });
const who = whoSchema;
export type Who = z.infer<typeof who>;

/** The centre's own name on what it makes for the site: a cancelled order's tasks, the runs it plans. */
export const centreWho: Who = { personId: centreStationId, name: centreStationId, stationId: centreStationId };

export const taskStates = ['open', 'claimed', 'completed', 'closed'] as const;
export type TaskState = (typeof taskStates)[number];

export const taskDataSchema = z.object({
  taskId: z.string(),
  kind: z.enum(taskKinds),
  location: z.string(),
  note: z.string().nullable(),
  state: z.enum(taskStates),
  createdBy: who,
  createdAt: z.string(),
  claim: who.extend({ at: z.string() }).nullable(),
  result: recountResultSchema.nullable(),
  completedBy: who.nullable(),
  decision: z.object({ decision: z.enum(['approved', 'rejected', 'cancelled']), reason: z.string(), by: who, at: z.string() }).nullable(),
  /** A return-to-bin task's units: which, how many, from which run's tote slot (null for a recount). */
  goods: z
    .object({ sku: z.string(), quantity: z.number().int().positive(), runId: z.string(), orderId: z.string(), toteSlot: z.number().int() })
    .nullable()
    .default(null),
});
export type TaskData = z.infer<typeof taskDataSchema>;

export type SiteEventContext = { readonly actor: Who; readonly at: string };

export type Refusal = {
  readonly code:
    | 'ALREADY_CLAIMED'
    | 'NOT_CLAIMANT'
    | 'TASK_CLOSED'
    | 'TASK_NOT_FOUND'
    | 'TASK_EXISTS'
    | 'BADGE_TAKEN'
    | 'SITE_NOT_SET_UP'
    | 'RUN_NOT_FOUND'
    | 'RUN_NOT_RELEASED'
    | 'RUN_TAKEN'
    | 'RUN_ASSIGNED'
    | 'PERSON_UNKNOWN'
    | 'RUN_NOT_HELD'
    | 'SHORT_PICK'
    | 'ORDER_CANCELLED'
    | 'RUN_CANCELLED'
    | 'EXCEPTION_NOT_FOUND'
    | 'EXCEPTION_RESOLVED'
    | 'ACTION_NOT_ALLOWED'
    | RunRefusalCode
    | DispatchRefusal;
  readonly message: string;
};
export type Applied<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };

export const refuse = (code: Refusal['code'], message: string): Applied<never> => ({ ok: false, refusal: { code, message } });
export const accept = <T>(value: T): Applied<T> => ({ ok: true, value });

type TaskEvent =
  | { readonly type: 'task.created'; readonly payload: EventPayloadOf<'task.created'> }
  | { readonly type: 'task.claimed'; readonly payload: EventPayloadOf<'task.claimed'> }
  | { readonly type: 'task.released'; readonly payload: EventPayloadOf<'task.released'> }
  | { readonly type: 'task.completed'; readonly payload: EventPayloadOf<'task.completed'> }
  | { readonly type: 'task.returned'; readonly payload: EventPayloadOf<'task.returned'> }
  | { readonly type: 'task.closed'; readonly payload: EventPayloadOf<'task.closed'> };

export const isTaskEvent = (type: string): type is TaskEvent['type'] => type.startsWith('task.');

/** The task after `event`, or why the event does not apply to it (the centre then answers with an exception). */
export function applyTaskEvent(task: Readonly<TaskData> | null, event: TaskEvent, context: SiteEventContext): Applied<TaskData> {
  const { actor, at } = context;
  if (event.type === 'task.created') {
    if (task) return refuse('TASK_EXISTS', `task ${event.payload.taskId} exists`);
    return accept({
      taskId: event.payload.taskId,
      kind: event.payload.kind,
      location: event.payload.location,
      note: event.payload.note ?? null,
      state: 'open',
      createdBy: actor,
      createdAt: at,
      claim: null,
      result: null,
      completedBy: null,
      decision: null,
      goods: null,
    });
  }
  if (!task) return refuse('TASK_NOT_FOUND', `no task ${event.payload.taskId}`);
  const claimant = task.claim;
  const isClaimant = claimant !== null && claimant.personId === actor.personId && claimant.stationId === actor.stationId;
  switch (event.type) {
    case 'task.claimed':
      if (task.state === 'completed' || task.state === 'closed') return refuse('TASK_CLOSED', `task ${task.taskId} is ${task.state}`);
      if (claimant && !isClaimant) return refuse('ALREADY_CLAIMED', `task ${task.taskId} was taken by ${claimant.name} (${claimant.stationId})`);
      return accept({ ...task, state: 'claimed', claim: { ...actor, at } });
    case 'task.released':
      if (!isClaimant) return refuse('NOT_CLAIMANT', `task ${task.taskId} is not held by ${actor.name}`);
      return accept({ ...task, state: 'open', claim: null });
    case 'task.completed':
      if (task.state === 'completed' || task.state === 'closed') return refuse('TASK_CLOSED', `task ${task.taskId} is ${task.state}`);
      if (!isClaimant) return refuse(claimant ? 'ALREADY_CLAIMED' : 'NOT_CLAIMANT', `task ${task.taskId} is held by ${claimant?.name ?? 'nobody'}`);
      return accept({ ...task, state: 'completed', result: event.payload.result, completedBy: actor });
    case 'task.returned':
      // The units are back: the task is over, nothing for a shift lead to decide.
      if (task.state === 'completed' || task.state === 'closed') return refuse('TASK_CLOSED', `task ${task.taskId} is ${task.state}`);
      return accept({ ...task, state: 'closed', completedBy: actor });
    case 'task.closed':
      if (task.state === 'closed') return refuse('TASK_CLOSED', `task ${task.taskId} is closed`);
      return accept({ ...task, state: 'closed', decision: { decision: event.payload.decision, reason: event.payload.reason, by: actor, at } });
  }
}

/** A person record may be written unless another person of the site already holds the badge. */
export function checkPerson(person: Readonly<PersonData>, holderOfBadge: string | null): Applied<PersonData> {
  if (holderOfBadge !== null && holderOfBadge !== person.personId) return refuse('BADGE_TAKEN', `badge ${person.badge} belongs to another person`);
  return accept(person);
}

export type { RecountResult };
