import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { silentLogger, type Logger } from '../platform/logging';
import { ensurePrivateDir, repairPrivateTree } from '../platform/private-files';
import { systemClock, type Clock } from '../platform/clock';
import { createBackups } from './backup';
import { storeSite } from './catalogue';
import { createFaults } from './faults';
import { createRandom, demoSiteDefaults, generateDemoSite, rankByDemand } from './generate';
import { startCentralServer } from './server';
import { createSimulation } from './simulation';
import { openCentreStore, readMeta, writeMeta } from './store';
import { issueStationToken } from './tokens';

export const centralDefaults = {
  /** The station's demo site uses the same seed (electron/main/site/service.ts): same SKUs, same locations. */
  seed: 2611,
  host: '127.0.0.1',
  /** Orders already placed for tomorrow when the centre first starts. */
  orders: 400,
  /** About 1,400 more over an order day until the evening cutoff. */
  ordersPerMinute: 1.2,
  asnsPerDay: 3,
  minClientVersion: '0.1.0',
} as const;

export type CentralOptions = {
  /** Holds `central.sqlite` and `backups/`. Created if missing; reused (same data) on the next start. */
  readonly dataDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1: the demo centre is for this machine. */
  readonly host?: string;
  readonly seed?: number;
  /** Serves /v1/test/* (fault injection, simulated time, the centre's view); 404 otherwise. */
  readonly testMode?: boolean;
  /** Real time by default; simulated time is this clock plus every `tick`. */
  readonly clock?: Clock;
  /** Already named by the caller (`log.child({ module: 'demo-central' })`); silent by default. */
  readonly log?: Logger;
  /** Orders already placed when the centre's data is first created (default 400; the bootstrap benchmark uses 50,000). */
  readonly orders?: number;
  readonly ordersPerMinute?: number;
  readonly asnsPerDay?: number;
  /** Sizes of the generated warehouse (defaults: the station's demo site). */
  readonly site?: { readonly products?: number; readonly locations?: number; readonly pallets?: number };
  readonly minClientVersion?: string;
};

export type Central = {
  /** Base URL, e.g. http://127.0.0.1:43117 (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** The bearer token of `stationId`: the same on every call, kept across restarts; registers the station the first time. */
  readonly issueStationToken: (stationId: string) => string;
  readonly close: () => Promise<void>;
};

/**
 * The demo central service (docs/design.md §4, docs/protocol.md), embeddable: the station starts it
 * in-process for the demo/training site, tests start it on port 0 in a temp folder. The data is
 * generated from the seed the first time a data folder is used and kept in the centre's own
 * SQLite file; a later start with the same folder continues where it stopped.
 */
export async function startCentral(options: CentralOptions): Promise<Central> {
  const log = options.log ?? silentLogger();
  const clock = options.clock ?? systemClock;
  const seed = options.seed ?? centralDefaults.seed;
  const host = options.host ?? centralDefaults.host;
  // Its data folder is its user's alone, like the station's (issue #9: the token secret is in its database).
  ensurePrivateDir(options.dataDir);

  const siteOptions = { seed, ...options.site };
  const site = generateDemoSite(siteOptions);
  // The same ranking generateDemoSite used for pick faces and reserve pallets: what sells fast is where pickers reach.
  const products = rankByDemand(createRandom(seed).fork('demand'), site.products);
  // What pickers can pick on the site (loose stock: pallets are replenishment), so tomorrow's orders are mostly fillable.
  const stock = new Map<string, number>();
  for (const line of site.looseStock) stock.set(line.sku, (stock.get(line.sku) ?? 0) + line.quantity);
  const siteKey = JSON.stringify({ ...demoSiteDefaults, ...siteOptions });

  const store = openCentreStore(join(options.dataDir, 'central.sqlite'));
  try {
    const modes = repairPrivateTree(options.dataDir);
    if (modes.repaired.length > 0) log.warn({ repaired: modes.repaired }, 'files other users could read were made private');
    if (modes.failed.length > 0) log.error({ failed: modes.failed }, 'files other users may read could not be made private');
    const simulation = createSimulation({
      store,
      clock,
      seed,
      products,
      stock,
      siteSsccs: new Set(site.pallets.map((p) => p.sscc)),
      ordersPerMinute: options.ordersPerMinute ?? centralDefaults.ordersPerMinute,
      asnsPerDay: options.asnsPerDay ?? centralDefaults.asnsPerDay,
    });

    const existing = readMeta(store.db().read, 'site');
    if (existing === undefined) {
      store.db().write((tx) => {
        storeSite(tx, site);
        simulation.initialise(tx, options.orders ?? centralDefaults.orders);
        writeMeta(tx, 'site', siteKey);
        writeMeta(tx, 'site-id', `DEMO-${seed}`);
        writeMeta(tx, 'epoch', randomUUID());
        writeMeta(tx, 'token-secret', randomBytes(32).toString('hex'));
      });
      log.info({ seed, orders: options.orders ?? centralDefaults.orders }, 'demo centre data generated');
    } else if (existing !== siteKey) {
      throw new Error(`the data folder ${options.dataDir} holds a centre generated with ${existing}, not ${siteKey}: use another data folder`);
    }

    const server = await startCentralServer({
      store,
      simulation,
      faults: createFaults(),
      backups: createBackups(store, options.dataDir),
      host,
      port: options.port ?? 0,
      testMode: options.testMode ?? false,
      minClientVersion: options.minClientVersion ?? centralDefaults.minClientVersion,
      log,
    });
    const urlHost = host.includes(':') ? `[${host}]` : host;

    return {
      url: `http://${urlHost}:${server.port}`,
      port: server.port,
      issueStationToken: (stationId) => store.db().write((tx) => issueStationToken(tx, stationId, clock.now())),
      close: async () => {
        await server.close();
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
