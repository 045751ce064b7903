import { join } from 'node:path';
import { centralDefaults, startCentral, type Central } from '../../demo-central';
import type { Logger } from '../app/logging';
import type { SecretStore } from '../app/secrets';
import type { ReadHandle, WriteHandle } from '../db/connection';
import { sql } from '../db/sql';
import { AppError } from '../errors';
import { createCentreClient, defaultTimeouts, SyncFailure, type CentreClient, type Timeouts } from './client';

export type CentreMode = 'demo' | 'remote';
export type ConnectionRow = { readonly mode: CentreMode; readonly url: string | null; readonly stationId: string };

const tokenName = 'centre-token';

export function readConnection(read: ReadHandle): ConnectionRow | null {
  const row = read.get<{ mode: CentreMode; url: string | null; station_id: string }>(sql`SELECT mode, url, station_id FROM centre_connection WHERE id = 1`);
  return row ? { mode: row.mode, url: row.url, stationId: row.station_id } : null;
}

export function writeConnection(tx: WriteHandle, connection: ConnectionRow): void {
  tx.run(sql`
    INSERT INTO centre_connection (id, mode, url, station_id) VALUES (1, ${connection.mode}, ${connection.url}, ${connection.stationId})
    ON CONFLICT (id) DO UPDATE SET mode = excluded.mode, url = excluded.url, station_id = excluded.station_id`);
}

/**
 * Checks a real centre before the station is tied to it: reachable, and accepting the token.
 * Nothing is written when it fails; the admin sees why.
 */
export async function verifyRemoteCentre(url: string, token: string): Promise<void> {
  try {
    await createCentreClient({ baseUrl: url, token, timeouts: { firstByteMs: 10_000, totalMs: 15_000 } }).health();
  } catch (error) {
    if (error instanceof SyncFailure && error.kind === 'auth') throw new AppError('CENTRE_TOKEN_REFUSED', 'the centre refused this token');
    throw new AppError('CENTRE_UNREACHABLE', `the centre did not answer: ${error instanceof Error ? error.message : String(error)}`, { url });
  }
}

/**
 * The link to the centre: a real one by URL and token (kept in the secret store), or the demo centre
 * started in-process on loopback for a demo / training site.
 */
export function createCentreLink(deps: {
  readonly read: ReadHandle;
  readonly dataDir: string;
  readonly secrets: SecretStore;
  readonly log: Logger;
  readonly timeouts?: Timeouts;
}) {
  const timeouts = deps.timeouts ?? defaultTimeouts;
  let current: { mode: CentreMode; client: CentreClient } | null = null;
  let demo: Central | null = null;

  async function connect(): Promise<void> {
    const connection = readConnection(deps.read);
    if (!connection || current) return;
    if (connection.mode === 'demo') {
      demo = await startCentral({ dataDir: join(deps.dataDir, 'demo-central'), port: 0, seed: centralDefaults.seed, log: deps.log.child({ module: 'demo-central' }) });
      current = { mode: 'demo', client: createCentreClient({ baseUrl: demo.url, token: demo.issueStationToken(connection.stationId), timeouts }) };
      return;
    }
    const token = deps.secrets.get(tokenName);
    if (!connection.url || !token) {
      deps.log.error({ module: 'sync' }, 'remote centre configured without URL or token');
      return;
    }
    current = { mode: 'remote', client: createCentreClient({ baseUrl: connection.url, token, timeouts }) };
  }

  return {
    connect,
    current: () => current,
    saveToken: (token: string) => deps.secrets.set(tokenName, token),
    close: async () => {
      current = null;
      await demo?.close();
      demo = null;
    },
  };
}

export type CentreLink = ReturnType<typeof createCentreLink>;
