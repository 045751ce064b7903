/** Time as main sees it: injected so tests (and the sync simulator) can move it. Milliseconds since epoch. */
export type Clock = { readonly now: () => number };

export const systemClock: Clock = { now: () => Date.now() };

export type ManualClock = Clock & { readonly advance: (ms: number) => void; readonly set: (ms: number) => void };

export function manualClock(start = Date.parse('2026-11-26T08:00:00Z')): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}

export const toIso = (ms: number): string => new Date(ms).toISOString();
