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
/** Good news fades on its own (the banner's CSS dims it first); errors and warnings stay until the next scan or action. */
export const okVisibleMs = 6000;

/**
 * One feedback at a time, replaced by the next scan's: what the person just did, and how it went.
 * Cleared (issue #10) by the next scan or action (`FeedbackBanner` listens), a language switch, a
 * lock and a change of person (the session store), so an answer never outlives its question.
 */
export const useFeedback = create<FeedbackState>()((set) => ({
  current: null,
  show: (kind, text) => {
    playFeedback(kind);
    const id = next++;
    set({ current: { kind, text, id } });
    clearTimeout(clearTimer);
    if (kind === 'ok') clearTimer = setTimeout(() => set((state) => (state.current?.id === id ? { current: null } : state)), okVisibleMs);
  },
  clear: () => {
    clearTimeout(clearTimer);
    set({ current: null });
  },
}));

/** What counts as the person's next action: Enter anywhere (a scan, a submit), a click on something that acts. */
export function isAction(event: Event): boolean {
  if (event.type === 'keydown') return (event as KeyboardEvent).key === 'Enter';
  // A file chosen is deliberate. Only a file input: clearing during a controlled select's or text
  // field's change renders before React reads the new value, and the choice would be lost.
  if (event.type === 'change') return event.target instanceof HTMLInputElement && event.target.type === 'file';
  const target = event.target instanceof Element ? event.target : null;
  return target?.closest('button, a[href], [role="tab"], select, summary') != null;
}
