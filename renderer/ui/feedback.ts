import { create } from 'zustand';
import { playFeedback, type FeedbackKind } from './sounds';

export type Feedback = { readonly kind: FeedbackKind; readonly text: string; readonly id: number };

type FeedbackState = {
  readonly current: Feedback | null;
  readonly show: (kind: FeedbackKind, text: string) => void;
  readonly clear: () => void;
};

let next = 1;
let clearTimer: ReturnType<typeof setTimeout> | undefined;
/** Good news fades; errors and warnings stay until the next action or a dismiss. */
const okVisibleMs = 6000;

/** One feedback at a time, replaced by the next scan's: what the person just did, and how it went. */
export const useFeedback = create<FeedbackState>()((set) => ({
  current: null,
  show: (kind, text) => {
    playFeedback(kind);
    const id = next++;
    set({ current: { kind, text, id } });
    clearTimeout(clearTimer);
    if (kind === 'ok') clearTimer = setTimeout(() => set((state) => (state.current?.id === id ? { current: null } : state)), okVisibleMs);
  },
  clear: () => set({ current: null }),
}));
