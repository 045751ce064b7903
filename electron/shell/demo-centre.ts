import { join } from 'node:path';
import { utilityProcess } from 'electron';
import { readCentralUrl } from '../demo-central/launch';
import type { DemoCentrePort } from '../main/sync/connection';
import { childProgram } from '../platform/child-program';
import type { Logger } from '../platform/logging';

/**
 * Electron's demo / training centre: `central.js` in a utility process (the RunAsNode fuse is off,
 * so `child_process.fork` of our own code cannot run in a packaged app).
 */
export function demoCentreForElectron(options: { readonly dataDir: string; readonly log: Logger }): DemoCentrePort {
  const program = childProgram({
    name: 'demo-centre',
    log: options.log,
    readyLine: readCentralUrl,
    start: () => {
      const child = utilityProcess.fork(join(import.meta.dirname, 'central.js'), ['--port', '0', '--data-dir', join(options.dataDir, 'demo-central')], {
        stdio: 'pipe',
        serviceName: 'Quai demo centre',
      });
      return { stdout: child.stdout, stderr: child.stderr, kill: () => void child.kill(), onExit: (listener) => child.once('exit', listener) };
    },
  });
  return { url: program.ready, close: program.close };
}
