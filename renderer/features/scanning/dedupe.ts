/**
 * A code held in front of the camera shows in every frame; it is reported once, and again only
 * after it has been out of sight for the whole window (so a picker can scan the same GTIN twice by
 * taking it away and back).
 */
export function createDedupe(windowMs: number) {
  const lastSeen = new Map<string, number>();
  return (code: string, now: number): boolean => {
    const seen = lastSeen.get(code);
    lastSeen.set(code, now);
    // Forget what left the window long ago, so the map stays small on a long shift.
    if (lastSeen.size > 256) for (const [key, at] of lastSeen) if (now - at > windowMs) lastSeen.delete(key);
    return seen === undefined || now - seen > windowMs;
  };
}

export type Dedupe = ReturnType<typeof createDedupe>;
