import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../platform/logging';
import { AppError } from '../platform/errors';
import { keepRunning } from '../platform/last-resort';
import { centralDefaults, startCentral } from './central';
import { centralUrlPrefix } from './launch';

/**
 * `npm run central [-- --port 4530 --data-dir … --seed 2611 --test-mode --orders 400 --station id]`:
 * the demo central service on 127.0.0.1. Prints its URL and a station's token, one per line
 * (`QUAI_CENTRAL_URL …`, `QUAI_CENTRAL_TOKEN …`) for people and scripts; logs go to
 * `<data-dir>/logs`. `--seed` and `--orders` shape the data the first time a data folder is used.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.QUAI_CENTRAL_PORT ?? '4530' },
      'data-dir': { type: 'string', default: process.env.QUAI_CENTRAL_DIR ?? join(process.cwd(), '.quai-data', 'central') },
      seed: { type: 'string', default: String(centralDefaults.seed) },
      'test-mode': { type: 'boolean', default: false },
      orders: { type: 'string', default: String(centralDefaults.orders) },
      station: { type: 'string', default: 'demo-station' },
    },
  });
  const port = Number(values.port);
  const seed = Number(values.seed);
  const orders = Number(values.orders);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${values.port}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  if (!Number.isInteger(orders) || orders < 0) throw new Error(`--orders must be a whole number, got ${values.orders}`);

  const dataDir = resolve(values['data-dir']);
  const log = createLogger(dataDir).child({ module: 'demo-central' });
  keepRunning(log, () => undefined);
  const central = await startCentral({ dataDir, port, seed, orders, testMode: values['test-mode'], log });
  const token = central.issueStationToken(values.station);
  process.stdout.write(
    `Quai demo centre — data folder ${dataDir}${values['test-mode'] ? ' — test mode (/v1/test/*)' : ''}\n` +
      `${centralUrlPrefix}${central.url}\n` +
      `QUAI_CENTRAL_TOKEN ${token} (station ${values.station})\n`,
  );

  const stop = (): void => {
    void central.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // The one place a start-up failure is told to a person: say what, then stop.
  const message = error instanceof AppError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`The Quai demo centre could not start: ${message}\n`);
  process.exit(1);
});
