import attentionUrl from '../../resources/sounds/attention.wav?url';
import errorUrl from '../../resources/sounds/error.wav?url';
import okUrl from '../../resources/sounds/ok.wav?url';

export type FeedbackKind = 'ok' | 'error' | 'attention';

const urls: Readonly<Record<FeedbackKind, string>> = { ok: okUrl, error: errorUrl, attention: attentionUrl };
const players = new Map<FeedbackKind, HTMLAudioElement>();

/** Distinct sounds, so a picker knows the outcome without looking (docs/design.md §5). */
export function playFeedback(kind: FeedbackKind): void {
  let player = players.get(kind);
  if (!player) {
    player = new Audio(urls[kind]);
    players.set(kind, player);
  }
  player.currentTime = 0;
  // A browser may refuse sound before the first user gesture; the colour and text still show.
  void player.play().catch(() => undefined);
}
