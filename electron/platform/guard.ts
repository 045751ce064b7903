import type { Logger } from './logging';

/**
 * Wraps the work of a timer or an event listener so that its failure is logged and reported, never
 * thrown into the event loop, where an uncaught exception or rejection ends the process (issue #9:
 * a failing backup, sync round or log write must not take main down). The timer or listener stays
 * in place, so the work is tried again at its next turn.
 */
export function guard<A extends unknown[]>(
  log: Logger,
  task: string,
  work: (...args: A) => unknown,
  onFailure?: (error: unknown) => void,
): (...args: A) => void {
  const report = (error: unknown): void => {
    try {
      log.error({ err: error, task }, `${task} failed`);
      onFailure?.(error);
    } catch {
      // Reporting failed too (a log that cannot be written): there is no one left to tell.
    }
  };
  return (...args: A) => {
    try {
      const result = work(...args);
      if (result instanceof Promise) result.catch(report);
    } catch (error) {
      report(error);
    }
  };
}
