import { z } from 'zod';
import type { CountView } from '../stock';
import type { TaskView } from '../tasks';
import { defineEvents, defineModule, returns } from './define';

const taskId = z.uuid();
const reason = z.string().trim().min(3).max(500);

/**
 * The site's shared tasks (ADR 0007): asked for on one station, taken and done on another. The
 * first claim the centre receives wins; a station that lost is told at once, in words.
 */
export const tasks = defineModule('tasks', {
  list: { input: z.object({ scope: z.enum(['open', 'done']).default('open') }), output: returns<readonly TaskView[]>(), access: 'session', passive: true },
  /** A shift lead asks for a blind recount of a location; any station's people may take it. */
  requestRecount: {
    input: z.object({ location: z.string().trim().min(1).max(40), note: z.string().trim().max(500).optional() }),
    output: returns<TaskView>(),
    access: ['shift_lead'],
  },
  claim: { input: z.object({ taskId }), output: returns<TaskView>(), access: 'session' },
  release: { input: z.object({ taskId }), output: returns<TaskView>(), access: 'session' },
  /** Starts (or continues) this station's count for a task the person holds. */
  startCount: { input: z.object({ taskId }), output: returns<CountView>(), access: 'session' },
  /** The units of a return-to-bin task the person holds, put back: the task's location scanned (WRONG_LOCATION otherwise). */
  returnToBin: {
    input: z.object({ taskId, location: z.string().trim().min(1).max(40) }),
    output: returns<TaskView>(),
    access: ['picker', 'receiver', 'shift_lead'],
  },
  /** A recount that did not match: the shift lead turns the difference into an adjustment, or not. */
  approve: { input: z.object({ taskId, reason }), output: returns<TaskView>(), access: ['shift_lead'] },
  reject: { input: z.object({ taskId, reason }), output: returns<TaskView>(), access: ['shift_lead'] },
  cancel: { input: z.object({ taskId, reason }), output: returns<TaskView>(), access: ['shift_lead'] },
});

export const taskEvents = defineEvents('tasks', {
  /** A task changed here or arrived from the centre: open task lists refresh. */
  changed: returns<{ readonly taskIds: readonly string[] }>(),
  /** The centre gave a task to someone else first: the person who claimed it here is told. */
  claimLost: returns<{ readonly taskId: string; readonly location: string; readonly holder: string }>(),
});
