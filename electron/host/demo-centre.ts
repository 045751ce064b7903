import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { readCentralUrl } from '../demo-central/launch';
import type { DemoCentrePort } from '../main/sync/connection';
import { childProgram } from '../platform/child-program';
import type { Logger } from '../platform/logging';

/**
 * The web host's demo / training centre: `out/main/central.js` as a child process of its own, its
 * data beside the station's, started when a demo site first needs it. With `sharedUrl` (the
 * `--demo-centre` option) the host uses a demo centre already running for several stations instead.
 */
export function demoCentreForWebHost(options: { readonly dataDir: string; readonly log: Logger; readonly sharedUrl?: string | undefined }): DemoCentrePort {
  const { sharedUrl } = options;
  if (sharedUrl) return { url: () => Promise.resolve(sharedUrl), close: () => Promise.resolve() };
  const program = childProgram({
    name: 'demo-centre',
    log: options.log,
    readyLine: readCentralUrl,
    start: () => {
      const child = spawn(process.execPath, [join(import.meta.dirname, 'central.js'), '--port', '0', '--data-dir', join(options.dataDir, 'demo-central')], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { stdout: child.stdout, stderr: child.stderr, kill: () => void child.kill('SIGTERM'), onExit: (listener) => child.once('exit', listener) };
    },
  });
  return { url: program.ready, close: program.close };
}
