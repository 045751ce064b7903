import { create } from 'zustand';
import type { AppErrorShape } from '../../../shared/result';
import { sessionScoped } from '../../lib/session-scope';
import { playFeedback } from '../sounds';

/**
 * A floor flow is a list of steps (docs/style.md 13b): each step is taken by asking main, a refused step
 * stays where it is with what to do instead, a confirmed one stays visible and can be taken again.
 * One store per flow, made here, so move, count and the flows after them behave the same.
 */

/** What a step says back: a translation key, or main's error, translated where it is shown. */
export type StepMessage =
  | { readonly kind: 'ok' | 'attention' | 'error'; readonly key: string; readonly vars?: Readonly<Record<string, string | number>> }
  | { readonly kind: 'error'; readonly error: AppErrorShape };

export type Snapshot<S extends string, V> = { readonly step: S; readonly values: V };

export type FlowState<S extends string, V> = Snapshot<S, V> & {
  /** Changes with every new message, so the same text said twice is announced twice. */
  readonly message: (StepMessage & { readonly id: number }) | null;
  readonly busy: boolean;
  /** The flow as it was before each step was confirmed: where Back goes. */
  readonly trail: readonly Snapshot<S, V>[];
};

/** The answer to a step: go on (to `step`, with `values`), done (from the start, saying how it ended), or stay, saying why. */
export type StepAnswer<S extends string, V> =
  | { readonly ok: true; readonly step: S; readonly values: V; readonly message?: StepMessage }
  | { readonly ok: true; readonly finished: StepMessage }
  | { readonly ok: false; readonly message: StepMessage };

/** How a flow follows main: to another snapshot, ended with a message, or unchanged (null). */
export type Follow<S extends string, V> = ((current: Snapshot<S, V>) => Snapshot<S, V>) | { readonly finished: StepMessage } | null;

export type FlowStore<S extends string, V> = FlowState<S, V> & {
  /**
   * Takes the current step: `attempt` sees the flow as it is when its turn comes (scans are taken
   * one after the other, in the order they came), and its answer is dropped if the flow was reset
   * meanwhile (the person logged out while main was checking).
   */
  readonly take: (attempt: (state: Snapshot<S, V>) => Promise<StepAnswer<S, V>>) => Promise<void>;
  /**
   * What main says changed meanwhile (a count approved elsewhere, a run paused on another
   * station), read now: `read` answers how the flow changes (or `finished`, saying why it ends),
   * applied only if no step was answered while it was read — an answer read before a scan never
   * replaces the scan's newer one.
   */
  readonly follow: (read: () => Promise<Follow<S, V>>) => Promise<void>;
  /** One step back: that step is to be taken again. */
  readonly back: () => void;
  /** Back to a confirmed step, to take it again (the later ones with it). */
  readonly revisit: (step: S) => void;
  /** Abandons the flow: as it was before anyone started it. */
  readonly reset: () => void;
};

let nextMessageId = 1;

export function createFlowStore<S extends string, V>(name: string, start: Snapshot<S, V>) {
  let generation = 0;
  // Changes with every answer, every step back and every reset: what `follow` checks before it applies.
  let revision = 0;
  let queue: Promise<void> = Promise.resolve();
  const stamp = (message: StepMessage | undefined) => {
    if (!message) return null;
    playFeedback(message.kind);
    return { ...message, id: nextMessageId++ };
  };

  const store = create<FlowStore<S, V>>()((set, get) => ({
    ...start,
    message: null,
    busy: false,
    trail: [],
    take: (attempt) => {
      const mine = generation;
      const turn = async (): Promise<void> => {
        if (mine !== generation) return;
        set({ busy: true });
        let answer: StepAnswer<S, V>;
        try {
          answer = await attempt({ step: get().step, values: get().values });
        } catch {
          answer = { ok: false, message: { kind: 'error', error: { code: 'INTERNAL', message: 'the step failed in the page' } } };
        }
        if (mine !== generation) return;
        revision += 1;
        if (answer.ok && 'finished' in answer) {
          set({ ...start, message: stamp(answer.finished), busy: false, trail: [] });
        } else if (answer.ok) {
          // A step taken again in place (one more item counted) is not a step to go back to.
          const before = { step: get().step, values: get().values };
          const trail = answer.step === before.step ? get().trail : [...get().trail, before];
          set({ step: answer.step, values: answer.values, message: stamp(answer.message), busy: false, trail });
        } else {
          set({ message: stamp(answer.message), busy: false });
        }
      };
      queue = queue.then(turn);
      return queue;
    },
    follow: async (read) => {
      const seen = revision;
      const change = await read();
      if (change === null || revision !== seen || get().busy) return;
      revision += 1;
      if (typeof change === 'function') set(change({ step: get().step, values: get().values }));
      else set({ ...start, message: stamp(change.finished), busy: false, trail: [] });
    },
    back: () => {
      const trail = get().trail;
      const previous = trail.at(-1);
      if (!previous) return;
      revision += 1;
      set({ ...previous, trail: trail.slice(0, -1), message: null });
    },
    revisit: (step) => {
      const trail = get().trail;
      const index = trail.findIndex((snapshot) => snapshot.step === step);
      const target = trail[index];
      if (!target) return;
      revision += 1;
      set({ ...target, trail: trail.slice(0, index), message: null });
    },
    reset: () => {
      generation += 1;
      revision += 1;
      queue = Promise.resolve();
      set({ ...start, message: null, busy: false, trail: [] });
    },
  }));

  // Each person starts clean: the flow is abandoned when they leave (issue #10).
  sessionScoped(name, { reset: () => store.getState().reset() });
  return store;
}
