import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { sql } from '../electron/platform/db/sql';
import { silentLogger } from '../electron/platform/logging';
import { fileSecretStore } from '../electron/platform/secrets';
import { createCore } from '../electron/main/core';
import { writeConnection } from '../electron/main/sync/connection';
import { appendEvent } from '../electron/main/sync/outbox';
import { mirrorWriterFromSource } from '../electron/main/testing/mirror-writer';
import { benchCaller } from './stock-scale';

// One station in its own process, for the fan-out and bootstrap benches (sync.bench.ts): stations of
// a site are separate machines, so their pulls must not share one event loop, nor the bench's own
// heap. Commands on stdin, one per line; each answers one JSON line on stdout. `--later`: the first
// sync waits for the `bootstrap` command, which measures it.
const [dataDir, url, token, stationId, when] = process.argv.slice(2);
if (!dataDir || !url || !token || !stationId) throw new Error('usage: station-child <dataDir> <url> <token> <stationId> [--later]');

const core = createCore({ dataDir, log: silentLogger(), secrets: fileSecretStore(dataDir), mirrorWriter: mirrorWriterFromSource });
await core.dispatch(
  'setup:create-site',
  { siteCode: 'BENCH', siteName: 'Bench', locale: 'fr', admin: { name: 'Admin', badge: 'BADGE-ADMIN', pin: '1234' }, centre: { mode: 'none' } },
  benchCaller,
);
core.db.write((tx) => writeConnection(tx, { mode: 'remote', url, stationId }));
fileSecretStore(dataDir).set('centre-token', token);
await core.start();
// start() only connects: the first sync loads the site's stock before any command, unless asked later.
if (when !== '--later') await core.sync.syncNow();

const answer = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);
const pulledFromOthers = (): number =>
  core.db.read.get<{ n: number }>(sql`SELECT count(DISTINCT event_id) AS n FROM movement WHERE origin_station IS NOT NULL`)?.n ?? 0;

for await (const command of createInterface({ input: process.stdin })) {
  const [verb, arg] = command.split(' ');
  if (verb === 'append') {
    const row = core.db.read.get<{ sku: string; code: string }>(sql`
      SELECT p.sku, l.code FROM stock_balance b JOIN product p ON p.id = b.product_id JOIN location l ON l.id = b.location_id
      WHERE b.container_id = 0 AND b.lot_id = 0 AND b.quantity > 0 LIMIT 1`);
    if (!row) throw new Error('no stock');
    core.db.write((tx) => {
      for (let i = 0; i < Number(arg); i += 1) {
        appendEvent(tx, {
          type: 'stock.moved',
          at: Date.now(),
          actor: null,
          payload: {
            movements: [
              {
                kind: 'move',
                sku: row.sku,
                lot: null,
                from: { location: row.code, container: null },
                to: { location: row.code, container: null },
                quantity: 1,
              },
            ],
          },
        });
      }
    });
    answer({ appended: Number(arg) });
  } else if (verb === 'push') {
    // One cycle pushes everything waiting (and pulls what is there): the moment the last event is acknowledged.
    await core.sync.syncNow();
    answer({ pushedAt: performance.timeOrigin + performance.now(), pending: core.sync.status().pending });
  } else if (verb === 'pull-until') {
    while (pulledFromOthers() < Number(arg)) await core.sync.syncNow();
    answer({ caughtUpAt: performance.timeOrigin + performance.now(), pulled: pulledFromOthers() });
  } else if (verb === 'bootstrap') {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const start = performance.now();
    const status = await core.sync.syncNow();
    const ms = performance.now() - start;
    delay.disable();
    if (status.state !== 'idle') process.stderr.write(`bootstrap failed: ${JSON.stringify(status.lastError)}\n`);
    answer({ ms, blockMs: delay.max / 1e6, idle: status.state === 'idle' ? 1 : 0 });
  } else if (verb === 'quit') {
    await core.close();
    answer({ bye: true });
    process.exit(0);
  }
}
