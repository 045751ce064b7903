import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../platform/clock';
import { fileSecretStore } from '../../platform/secrets';
import type { Database } from '../../platform/db/connection';
import { createCore } from '../core';
import { connectedStation, movableStock, settle, sortRows, startSmallCentral, stationStock, type ConnectedStation } from '../testing/centre';
import { trustedCaller } from '../testing/core';
import { buildClient } from '../../../shared/ipc/bridge';

// The mirror writer (ADR 0004): the centre's pages stored on a worker thread with its own connection.

/** Changes when another connection commits to the file, never for this connection's own commits (SQLite's data_version). */
const dataVersion = (db: Database): number => db.raw.pragma('data_version', { simple: true }) as number;

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

async function movedElsewhere(source: ConnectedStation): Promise<void> {
  const { gtin, from, to } = movableStock(source.core.db);
  const moved = await source.client.stock.move({ from, to, gtin, quantity: 2 });
  expect(moved.ok).toBe(true);
  await settle(source);
}

describe('the mirror writer', () => {
  it("stores a pull on its own connection, and the station's stock is the site's, as with the main thread", async () => {
    const centre = await startSmallCentral();
    const source = await connectedStation(centre, { stationId: 'SOURCE' });
    const onWorker = await connectedStation(centre, { stationId: 'WORKER', mirrorWriter: true });
    const onMain = await connectedStation(centre, { stationId: 'MAIN' });
    await movedElsewhere(source);
    const before = { worker: dataVersion(onWorker.core.db), main: dataVersion(onMain.core.db) };
    await settle(onWorker);
    await settle(onMain);
    // Another connection wrote the worker station's file; the main-thread station wrote its own alone.
    expect(dataVersion(onWorker.core.db)).not.toBe(before.worker);
    expect(dataVersion(onMain.core.db)).toBe(before.main);
    const site = sortRows(stationStock(source.core.db));
    expect(sortRows(stationStock(onWorker.core.db))).toEqual(site);
    expect(sortRows(stationStock(onMain.core.db))).toEqual(site);
    // The main connection writes as before while the writer's connection is open.
    await movedElsewhere(onWorker);
    expect(onWorker.core.sync.status()).toMatchObject({ state: 'idle', pending: 0 });
  });

  it('a writer that cannot start says why in the log, and its pages are stored on the main thread: the station joins all the same', async () => {
    const centre = await startSmallCentral();
    const source = await connectedStation(centre, { stationId: 'SOURCE' });
    await movedElsewhere(source);
    // A station joining the site with a mirror writer whose file is not there (a broken install).
    const dataDir = mkdtempSync(join(tmpdir(), 'quai-writer-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const core = createCore({
      dataDir,
      clock: manualClock(centre.clock.now()),
      log,
      secrets: fileSecretStore(dataDir),
      mirrorWriter: { file: join(dataDir, 'no-such-mirror-writer.js') },
    });
    const client = buildClient((channel, input) => core.dispatch(channel, input, trustedCaller));
    const joined = await client.setup.joinSite({ centre: { mode: 'remote', url: centre.central.url, token: centre.central.issueStationToken('BROKEN') } });
    expect(joined.ok).toBe(true);
    expect(core.sync.status()).toMatchObject({ state: 'idle', stockLoaded: true });
    expect(lines.some((line) => line.includes('mirror writer stopped'))).toBe(true);
    expect(sortRows(stationStock(core.db))).toEqual(sortRows(stationStock(source.core.db)));
    await core.close();
  });
});
