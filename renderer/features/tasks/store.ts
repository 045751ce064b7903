import { create } from 'zustand';
import type { Result } from '../../../shared/result';
import type { TaskView } from '../../../shared/tasks';
import { api, onEvent } from '../../lib/api';
import { idle, loadOf, loading, type Load } from '../../lib/load';
import { sessionScoped } from '../../lib/session-scope';
import { countActions } from '../stock/count-flow';

/** A recount this station claimed that the centre gave to someone else first (ADR 0007). */
export type LostClaim = { readonly taskId: string; readonly location: string; readonly holder: string };
export type Decision = 'approve' | 'reject' | 'cancel';

type TasksState = {
  readonly tasks: readonly TaskView[];
  readonly load: Load;
  /** The task whose count is on screen, counted here by the person who holds it. */
  readonly counting: string | null;
  readonly lostClaims: readonly LostClaim[];
  readonly read: () => Promise<void>;
  readonly requestRecount: (location: string, note?: string) => Promise<Result<TaskView>>;
  readonly claim: (taskId: string) => Promise<Result<TaskView>>;
  readonly release: (taskId: string) => Promise<Result<TaskView>>;
  /** Opens the task's blind count (started, or continued where it stopped) on the count steps. */
  readonly count: (taskId: string) => Promise<Result<unknown>>;
  readonly stopCounting: () => void;
  /** Puts a return-to-bin task's units back: `location` is the bin scanned. */
  readonly returnToBin: (taskId: string, location: string) => Promise<Result<TaskView>>;
  readonly decide: (taskId: string, decision: Decision, reason: string) => Promise<Result<TaskView>>;
  readonly dismissLostClaim: (taskId: string) => void;
};

const start = { tasks: [], load: idle, counting: null, lostClaims: [] } as const;

/** The site's open tasks; read again whenever main says a task changed, here or on another station. */
export const useTasks = create<TasksState>()((set, get) => {
  const after = async <T>(result: Result<T>): Promise<Result<T>> => {
    await get().read();
    return result;
  };
  return {
    ...start,
    read: async () => {
      if (get().load.status !== 'ready') set({ load: loading });
      const result = await api.tasks.list({ scope: 'open' });
      set(result.ok ? { tasks: result.value, load: loadOf(result) } : { load: loadOf(result) });
    },
    requestRecount: async (location, note) => after(await api.tasks.requestRecount({ location, ...(note ? { note } : {}) })),
    claim: async (taskId) => after(await api.tasks.claim({ taskId })),
    release: async (taskId) => {
      if (get().counting === taskId) get().stopCounting();
      return after(await api.tasks.release({ taskId }));
    },
    count: async (taskId) => {
      const started = await api.tasks.startCount({ taskId });
      if (!started.ok) return started;
      countActions.resume(started.value);
      set({ counting: taskId });
      return started;
    },
    stopCounting: () => {
      countActions.leave();
      set({ counting: null });
    },
    returnToBin: async (taskId, location) => after(await api.tasks.returnToBin({ taskId, location })),
    decide: async (taskId, decision, reason) => after(await api.tasks[decision]({ taskId, reason })),
    dismissLostClaim: (taskId) => set({ lostClaims: get().lostClaims.filter((lost) => lost.taskId !== taskId) }),
  };
});

sessionScoped('tasks', {
  reset: () => useTasks.setState(start),
  activate: () => {
    const refresh = (): void => {
      if (useTasks.getState().load.status !== 'idle') void useTasks.getState().read();
    };
    const stops = [
      onEvent('tasks:changed', refresh),
      // A count closed here completes its task in the same transaction: the list follows.
      onEvent('stock:count-changed', refresh),
      onEvent('tasks:claim-lost', (lost) => {
        const { counting, lostClaims, stopCounting } = useTasks.getState();
        if (counting === lost.taskId) stopCounting();
        useTasks.setState({ lostClaims: [...lostClaims.filter((known) => known.taskId !== lost.taskId), lost] });
        refresh();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  },
});
