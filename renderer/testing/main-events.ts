/**
 * Main's events in a component test: `onEvent` for the mocked `lib/api` (its factory imports this
 * module, so the test and the screen hear the same listeners), `emit` to play an event from main.
 */
const listeners = new Map<string, Set<(payload: unknown) => void>>();

export function onEvent(name: string, listener: (payload: unknown) => void): () => void {
  const set = listeners.get(name) ?? new Set();
  set.add(listener);
  listeners.set(name, set);
  return () => set.delete(listener);
}

export const emit = (name: string, payload: unknown): void => listeners.get(name)?.forEach((listener) => listener(payload));
