import type { EventName, EventPayload } from '../../shared/ipc';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Events from main to every page the host serves (Electron window, web host SSE clients). */
export type EventBus = {
  readonly emit: <N extends EventName>(name: N, payload: EventPayload<N>) => void;
  readonly subscribe: (listener: EventListener) => () => void;
};

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit: (name, payload) => {
      for (const listener of listeners) listener(name, payload);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
