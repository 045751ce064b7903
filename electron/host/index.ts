import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../main/core';
import { AppError } from '../platform/errors';
import type { RecoveryProblem } from '../../shared/ipc/recovery';
import { keepRunning } from '../platform/last-resort';
import { createLogger } from '../platform/logging';
import { fileSecretStore } from '../platform/secrets';
import { demoCentreForWebHost } from './demo-centre';
import { startWebHost } from './server';

/** What the console says of each problem (the page says it in the station's language). */
const recoveryLines: Readonly<Record<RecoveryProblem, string>> = {
  DB_MISSING: 'DB_MISSING: the file is gone, backups exist',
  DB_EMPTY: 'DB_EMPTY: the file is empty',
  DB_CORRUPT: 'DB_CORRUPT: the file is damaged',
  DB_READ_ONLY: 'DB_READ_ONLY: the file or its folder cannot be written; fix the permissions and restart',
  DB_SCHEMA_MISMATCH: 'DB_SCHEMA_MISMATCH: its tables do not match its version',
  DB_NEWER_THAN_APP: 'DB_NEWER_THAN_APP: written by a newer Quai',
};

/**
 * `npm run start:web`: the station in a browser on machines without Electron (development, e2e).
 * Prints one line `QUAI_URL <url>` that e2e fixtures read; open the URL in Chromium.
 * `--demo-centre <url>`: a demo site served by a demo centre already running (`npm run central`),
 * so that several stations on this machine share one demo site.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: process.env.QUAI_DATA_DIR ?? join(process.cwd(), '.quai-data', 'web') },
      port: { type: 'string', default: process.env.QUAI_PORT ?? '4517' },
      'demo-centre': { type: 'string', default: process.env.QUAI_DEMO_CENTRE },
    },
  });
  const dataDir = resolve(values['data-dir']);
  const log = createLogger(dataDir);
  // The web host is for development and tests: its secrets are a 0600 file, and its log says so.
  const core = createCore({
    dataDir,
    log,
    timers: true,
    secrets: fileSecretStore(dataDir),
    mirrorWriter: { file: join(import.meta.dirname, 'mirror-writer.js') },
    demoCentre: demoCentreForWebHost({ dataDir, log, sharedUrl: values['demo-centre'] }),
  });
  keepRunning(log, (error) => core.reportFailure('web-host', error));
  await core.start();
  const host = await startWebHost({ core, rendererDir: join(import.meta.dirname, '../renderer'), port: Number(values.port) });
  process.stdout.write(`Quai web host — data folder ${dataDir}\n`);
  const problem = core.recovery();
  // The page shows the recovery screen (translated); IT reading this console gets the same in one line.
  if (problem)
    process.stdout.write(
      `Quai cannot use its database ${problem.file} (${recoveryLines[problem.code]}): open the address below to restore a backup, or call IT.\n`,
    );
  process.stdout.write(`Open this address in Chromium:\nQUAI_URL ${host.url}\n`);

  const stop = (): void => {
    void host
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // The one place a start-up failure is told to a person: say what and how to fix, then stop.
  const message = error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
  process.stderr.write(`Quai could not start: ${message}\n`);
  process.exit(1);
});
