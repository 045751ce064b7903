import { create } from 'zustand';
import { playFeedback, type FeedbackKind } from './sounds';

export type Feedback = { readonly kind: FeedbackKind; readonly text: string; readonly id: number };

type FeedbackState = {
  readonly current: Feedback | null;
  readonly show: (kind: FeedbackKind, text: string) => void;
  readonly clear: () => void;
};

let next = 1;

/** One feedback at a time, replaced by the next scan's: what the person just did, and how it went. */
export const useFeedback = create<FeedbackState>()((set) => ({
  current: null,
  show: (kind, text) => {
    playFeedback(kind);
    set({ current: { kind, text, id: next++ } });
  },
  clear: () => set({ current: null }),
}));
