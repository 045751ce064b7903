import type { EventName, EventPayload } from '../../shared/ipc';
import type { Logger } from '../platform/logging';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Events from main to every page the host serves (Electron window, web host SSE clients). */
export type EventBus = {
  readonly emit: <N extends EventName>(name: N, payload: EventPayload<N>) => void;
  readonly subscribe: (listener: EventListener) => () => void;
};

/**
 * A listener that throws (a window already closed, a page gone) is logged and the others still
 * hear the event: an emit happens after a commit, and the operation that committed must not fail
 * because one page could not be told (issue #9).
 */
export function createEventBus(log: Logger): EventBus {
  const listeners = new Set<EventListener>();
  const events = log.child({ module: 'events' });
  return {
    emit: (name, payload) => {
      for (const listener of listeners) {
        try {
          listener(name, payload);
        } catch (error) {
          events.error({ err: error, event: name }, 'event listener failed');
        }
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
