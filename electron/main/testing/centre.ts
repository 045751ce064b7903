import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { startTestCentral, stationClient, type StationClient, type TestCentral } from '../../demo-central/testing';
import type { QuaiClient } from '../../../shared/ipc';
import { buildClient } from '../../../shared/ipc/bridge';
import { silentLogger } from '../../platform/logging';
import { fileSecretStore } from '../../platform/secrets';
import { manualClock, type ManualClock } from '../../platform/clock';
import { createCore, type Core } from '../core';
import { openStationDatabase } from '../db/open';
import type { Database } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import type { Timeouts } from '../sync/client';
import { trustedCaller } from './core';
import { mirrorWriterFromSource } from './mirror-writer';

/** A small warehouse: sync tests start many stations, each bootstrapping it. */
export const smallSite = { site: { products: 60, locations: 40, pallets: 6 }, orders: 12 } as const;

export function startSmallCentral(): Promise<TestCentral> {
  return startTestCentral(smallSite);
}

export type ConnectedStation = {
  readonly core: Core;
  readonly client: QuaiClient;
  readonly clock: ManualClock;
  readonly dataDir: string;
  /** The centre as this station's token sees it: controls, its stock view, the events it got. */
  readonly centre: StationClient;
  /** Same data folder, new process: what a restart after a crash does. */
  readonly restart: () => Promise<ConnectedStation>;
  readonly close: () => Promise<void>;
};

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

export const lead = { name: 'Léa Lead', badge: 'BADGE-LEAD', pin: '2580' } as const;
const shortTimeouts: Timeouts = { firstByteMs: 1500, totalMs: 3000 };

function open(dataDir: string, clock: ManualClock, worker: boolean): { core: Core; client: QuaiClient } {
  const core = createCore({
    dataDir,
    clock,
    log: silentLogger(),
    centreTimeouts: shortTimeouts,
    secrets: fileSecretStore(dataDir),
    ...(worker ? { mirrorWriter: mirrorWriterFromSource } : {}),
  });
  return { core, client: buildClient((channel, input) => core.dispatch(channel, input, trustedCaller)) };
}

/**
 * A station set up against `centre` as a real site (URL + token), bootstrapped, with a shift lead
 * logged in. The first station of the centre's site names it and creates its people; the next
 * ones join it (issue #11). Its clock can be off from the centre's (`clockOffsetMs`), as station
 * clocks are. `mirrorWriter`: the centre's pages are stored on a worker thread, as on a real
 * station (otherwise on the main thread, which starts faster).
 */
export async function connectedStation(
  centre: TestCentral,
  options: { stationId?: string; clockOffsetMs?: number; dataDir?: string; existing?: boolean; mirrorWriter?: boolean } = {},
): Promise<ConnectedStation> {
  const siteConfigured = await centreHasSite(centre);
  const stationId = options.stationId ?? `STATION-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const token = centre.central.issueStationToken(stationId);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'quai-station-'));
  const clock = manualClock(centre.clock.now() + (options.clockOffsetMs ?? 0));

  const build = async (fresh: boolean): Promise<ConnectedStation> => {
    const { core, client } = open(dataDir, clock, options.mirrorWriter ?? false);
    let closed = false;
    const close = async (): Promise<void> => {
      if (closed) return;
      closed = true;
      await core.close();
    };
    cleanups.push(close);
    if (fresh && siteConfigured) {
      const joined = await client.setup.joinSite({ centre: { mode: 'remote', url: centre.central.url, token } });
      if (!joined.ok) throw new Error(`join failed: ${joined.error.code} ${joined.error.message}`);
    } else if (fresh) {
      const site = await client.setup.createSite({
        siteCode: stationId.slice(0, 16),
        siteName: 'Test site',
        locale: 'fr',
        admin: { name: 'Admin', badge: 'BADGE-ADMIN', pin: '1234' },
        centre: { mode: 'remote', url: centre.central.url, token },
      });
      if (!site.ok) throw new Error(`setup failed: ${site.error.code} ${site.error.message}`);
      await client.auth.login({ badge: 'BADGE-ADMIN', pin: '1234' });
      await client.auth.createUser({ ...lead, role: 'shift_lead' });
      // The shift lead is a person of the site: the next stations find them in their bootstrap.
      await core.sync.syncNow();
    } else {
      await core.start();
    }
    const login = await client.auth.login({ badge: lead.badge, pin: lead.pin });
    if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
    return {
      core,
      client,
      clock,
      dataDir,
      centre: stationClient(centre.central, token),
      close,
      restart: async () => {
        await close();
        return build(false);
      },
    };
  };
  cleanups.push(() => {
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    return Promise.resolve();
  });
  return build(!options.existing);
}

async function centreHasSite(centre: TestCentral): Promise<boolean> {
  const response = await fetch(`${centre.central.url}/v1/health`, { headers: { Authorization: `Bearer ${centre.central.issueStationToken('probe')}` } });
  return ((await response.json()) as { siteConfigured: boolean }).siteConfigured;
}

export type StockRow = { location: string; container: string | null; sku: string; lot: string | null; quantity: number };

/** The station's stock in the centre's terms (codes), sorted, for comparing with the centre's view. */
export function stationStock(db: Database): StockRow[] {
  return db.read.all<StockRow>(sql`
    SELECT l.code AS location, c.code AS container, p.sku, lot.code AS lot, b.quantity
    FROM stock_balance b JOIN product p ON p.id = b.product_id JOIN location l ON l.id = b.location_id
    LEFT JOIN lot ON lot.id = b.lot_id LEFT JOIN container c ON c.id = b.container_id
    ORDER BY l.code, c.code, p.sku, lot.code`);
}

export const sortRows = (rows: readonly StockRow[]): StockRow[] =>
  rows
    .filter((row) => row.quantity !== 0)
    .map(({ location, container, sku, lot, quantity }) => ({ location, container, sku, lot, quantity }))
    .sort((a, b) => `${a.location}|${a.container ?? ''}|${a.sku}|${a.lot ?? ''}`.localeCompare(`${b.location}|${b.container ?? ''}|${b.sku}|${b.lot ?? ''}`));

/** Two stocked places of one loose product, for moving units back and forth. */
export function movableStock(db: Database): { gtin: string; from: string; to: string; quantity: number } {
  const row = db.read.get<{ gtin: string; location: string; quantity: number }>(sql`
    SELECT g.gtin, l.code AS location, b.quantity FROM stock_balance b
    JOIN gtin g ON g.product_id = b.product_id AND g.pack_quantity = 1 JOIN location l ON l.id = b.location_id
    JOIN product p ON p.id = b.product_id
    WHERE b.container_id = 0 AND b.lot_id = 0 AND p.lot_tracked = 0 AND b.quantity >= 10 ORDER BY b.quantity DESC LIMIT 1`);
  const other = db.read.get<{ code: string }>(sql`SELECT code FROM location WHERE type = 'storage' AND code <> ${row?.location ?? ''} ORDER BY code LIMIT 1`);
  if (!row || !other) throw new Error('the test warehouse has loose stock and a free storage location');
  return { gtin: row.gtin, from: row.location, to: other.code, quantity: row.quantity };
}

/** Syncs until nothing is waiting (or gives up): "heal, settle". */
export async function settle(station: ConnectedStation, rounds = 10): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    const status = await station.core.sync.syncNow();
    if (status.state === 'idle' && status.pending === 0) return;
  }
  throw new Error(`sync did not settle: ${JSON.stringify(station.core.sync.status())}`);
}

/** After heal and settle: every event on the centre exactly once, gapless seqs, the same stock on both sides. */
export async function expectConsistent(station: Pick<ConnectedStation, 'core' | 'centre'>): Promise<void> {
  const outbox = station.core.db.read.all<{ seq: number; event_id: string }>(sql`SELECT seq, event_id FROM outbox ORDER BY seq`);
  expect(outbox.map((row) => row.seq)).toEqual(outbox.map((_, index) => index + 1));
  const received = await station.centre.events();
  const ids = received.map((event) => event.eventId);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(outbox.map((row) => row.event_id).sort());
  expect(sortRows(await station.centre.stock())).toEqual(sortRows(stationStock(station.core.db)));
  expect(station.core.sync.status()).toMatchObject({ state: 'idle', pending: 0 });
}

/**
 * A new station that starts where `template` stands (bootstrapped, nothing moved yet) under its own
 * station id: a copy of the data folder with a new token. Hundreds of property runs stay fast.
 */
export async function cloneStation(template: ConnectedStation, centre: TestCentral, stationId: string): Promise<ConnectedStation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'quai-clone-'));
  cpSync(template.dataDir, dataDir, { recursive: true });
  const token = centre.central.issueStationToken(stationId);
  fileSecretStore(dataDir).set('centre-token', token);
  // Another station of the site: what the template told the centre is the template's, not its own.
  const opened = openStationDatabase(dataDir, undefined, silentLogger());
  if (!opened.ok) throw opened.problem;
  const copy = opened.db;
  copy.write((tx) => {
    tx.run(sql`DELETE FROM outbox`);
    tx.run(sql`UPDATE sync_state SET last_seq = 0, last_acked_seq = 0 WHERE id = 1`);
    tx.run(sql`UPDATE centre_connection SET station_id = ${stationId} WHERE id = 1`);
  });
  copy.close();
  const clock = manualClock(centre.clock.now());
  const { core, client } = open(dataDir, clock, false);
  const close = async (): Promise<void> => {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  cleanups.push(close);
  await core.start();
  const login = await client.auth.login({ badge: lead.badge, pin: lead.pin });
  if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
  return { core, client, clock, dataDir, centre: stationClient(centre.central, token), close, restart: () => Promise.reject(new Error('not for clones')) };
}

/**
 * After heal and settle, for a site of several stations: each station's events on the centre
 * exactly once with gapless seqs, and every station's stock equal to the centre's one stock.
 */
export async function expectSiteConsistent(stations: readonly Pick<ConnectedStation, 'core' | 'centre'>[]): Promise<void> {
  for (const station of stations) await settle(station as ConnectedStation);
  for (const station of stations) await settle(station as ConnectedStation);
  const site = sortRows(await (stations[0] as ConnectedStation).centre.stock());
  for (const station of stations) {
    const outbox = station.core.db.read.all<{ seq: number; event_id: string }>(sql`SELECT seq, event_id FROM outbox ORDER BY seq`);
    expect(outbox.map((row) => row.seq)).toEqual(outbox.map((_, index) => index + 1));
    const received = (await station.centre.events()).map((event) => event.eventId);
    expect(new Set(received).size).toBe(received.length);
    expect([...received].sort()).toEqual(outbox.map((row) => row.event_id).sort());
    expect(sortRows(stationStock(station.core.db))).toEqual(site);
    expect(station.core.sync.status()).toMatchObject({ state: 'idle', pending: 0 });
  }
}
