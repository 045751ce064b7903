import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../main/core';
import { AppError } from '../main/errors';
import { startWebHost } from './server';

/**
 * `npm run start:web`: the station in a browser on machines without Electron (development, e2e).
 * Prints one line `QUAI_URL <url>` that e2e fixtures read; open the URL in Chromium.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: process.env.QUAI_DATA_DIR ?? join(process.cwd(), '.quai-data', 'web') },
      port: { type: 'string', default: process.env.QUAI_PORT ?? '4517' },
    },
  });
  const dataDir = resolve(values['data-dir']);
  const core = createCore({ dataDir, timers: true });
  await core.start();
  const host = await startWebHost({ core, rendererDir: join(import.meta.dirname, '../renderer'), port: Number(values.port) });
  process.stdout.write(`Quai web host — data folder ${dataDir}\nOpen this address in Chromium:\nQUAI_URL ${host.url}\n`);

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
