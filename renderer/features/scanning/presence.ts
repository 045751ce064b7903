/**
 * Which codes are in front of the camera. A label held in view is one scan until it has left the
 * view: gone from `missFrames` frames in a row *and* for `windowMs`. Frames count as well as time,
 * so a slow machine (a frame every two seconds) or a few frames that miss a tilted, blurred label
 * never make it a second scan; a picker who takes the label away and back scans it again.
 */
export function createPresence(options: { readonly windowMs: number; readonly missFrames?: number }) {
  const missFrames = options.missFrames ?? 5;
  let windowMs = options.windowMs;
  const inView = new Map<string, { lastSeen: number; misses: number }>();

  /** One decoded frame: the codes in it; returns those that just came into view. */
  const frame = (codes: readonly string[], now: number): string[] => {
    const seen = new Set(codes);
    for (const [code, presence] of inView) {
      if (seen.has(code)) continue;
      presence.misses += 1;
      if (presence.misses >= missFrames && now - presence.lastSeen >= windowMs) inView.delete(code);
    }
    const arrived: string[] = [];
    for (const code of seen) {
      if (!inView.has(code)) arrived.push(code);
      inView.set(code, { lastSeen: now, misses: 0 });
    }
    return arrived;
  };

  return {
    frame,
    /** New settings keep what is in view: re-applying them never reports a code again. */
    setWindow: (next: number) => (windowMs = next),
    inView: (): readonly string[] => [...inView.keys()],
  };
}

export type Presence = ReturnType<typeof createPresence>;
