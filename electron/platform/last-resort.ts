import type { Logger } from './logging';

/**
 * The net under every guarded timer and listener (issue #9): an exception or a rejection nobody
 * caught is logged and reported, and the program keeps serving instead of ending. Each known
 * place is guarded where it is (./guard.ts); this is for the one a future change forgets.
 */
export function keepRunning(log: Logger, report: (error: unknown) => void): void {
  const handle = (kind: string) => (error: unknown) => {
    try {
      log.error({ err: error }, `${kind}: kept running`);
      report(error);
    } catch {
      // Nothing left to tell it to.
    }
  };
  process.on('uncaughtException', handle('uncaught exception'));
  process.on('unhandledRejection', handle('unhandled rejection'));
}
