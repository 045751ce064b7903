import type { Health } from '../../../shared/sync/protocol';
import type { Logger } from '../../platform/logging';
import type { SecretStore } from '../../platform/secrets';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { AppError } from '../../platform/errors';
import { createCentreClient, defaultTimeouts, enrolDemoStation, SyncFailure, type CentreClient, type Timeouts } from './client';

export type CentreMode = 'demo' | 'remote';
export type ConnectionRow = { readonly mode: CentreMode; readonly url: string | null; readonly stationId: string };

/**
 * The demo / training centre, as the host runs it (docs/design.md §2, issue #8): a process of its own that
 * the host starts (web host: a child process; Electron: a utility process) or finds running. The
 * core only learns its URL; it never starts another system itself.
 */
export type DemoCentrePort = {
  /** The demo centre's base URL, starting it first if the host has not yet. */
  readonly url: () => Promise<string>;
  readonly close: () => Promise<void>;
};

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

export type CentreTarget = { readonly mode: 'demo'; readonly stationId: string } | { readonly mode: 'remote'; readonly url: string; readonly token: string };

/** A centre reached and answering for this station, not yet kept: setup decides on what its health says. */
export type ProbedCentre = { readonly mode: CentreMode; readonly url: string; readonly token: string; readonly client: CentreClient; readonly health: Health };

/**
 * The link to the centre: a real one by URL and token (kept in the secret store), or the demo
 * centre the host runs, which enrols this station the first time and whose token is kept the same way.
 */
export function createCentreLink(deps: {
  readonly read: ReadHandle;
  readonly secrets: SecretStore;
  readonly log: Logger;
  readonly demoCentre?: DemoCentrePort | undefined;
  readonly timeouts?: Timeouts | undefined;
}) {
  const timeouts = deps.timeouts ?? defaultTimeouts;
  const log = deps.log.child({ module: 'sync' });
  let current: { mode: CentreMode; client: CentreClient } | null = null;

  const demoUrl = async (): Promise<string> => {
    if (!deps.demoCentre) throw new AppError('DEMO_UNAVAILABLE', 'this host runs no demo centre');
    try {
      return await deps.demoCentre.url();
    } catch (error) {
      throw new AppError('DEMO_UNAVAILABLE', `the demo centre did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  /**
   * Reaches a centre before the station is tied to it: reachable, accepting the token, saying
   * what it knows of the site. Nothing is written when it fails; the admin sees why.
   */
  async function probe(target: CentreTarget): Promise<ProbedCentre> {
    const url = target.mode === 'demo' ? await demoUrl() : target.url;
    try {
      const token = target.mode === 'demo' ? await enrolDemoStation(url, target.stationId, timeouts) : target.token;
      const client = createCentreClient({
        baseUrl: url,
        token,
        timeouts: { firstByteMs: Math.min(timeouts.firstByteMs, 10_000), totalMs: Math.min(timeouts.totalMs, 15_000) },
      });
      const health = await client.health();
      return { mode: target.mode, url, token, client: createCentreClient({ baseUrl: url, token, timeouts }), health };
    } catch (error) {
      if (error instanceof SyncFailure && error.kind === 'auth') throw new AppError('CENTRE_TOKEN_REFUSED', 'the centre refused this token');
      throw new AppError('CENTRE_UNREACHABLE', `the centre did not answer: ${error instanceof Error ? error.message : String(error)}`, { url });
    }
  }

  /** From now on this station syncs with the probed centre; its token goes to the secret store. */
  function adopt(probed: ProbedCentre): void {
    deps.secrets.set(tokenName, probed.token);
    current = { mode: probed.mode, client: probed.client };
  }

  async function connect(): Promise<void> {
    const connection = readConnection(deps.read);
    if (!connection || current) return;
    const token = deps.secrets.get(tokenName);
    if (connection.mode === 'demo') {
      const url = await demoUrl();
      const kept = token ?? (await enrolDemoStation(url, connection.stationId, timeouts));
      if (!token) deps.secrets.set(tokenName, kept);
      current = { mode: 'demo', client: createCentreClient({ baseUrl: url, token: kept, timeouts }) };
      return;
    }
    if (!connection.url || !token) {
      log.error('remote centre configured without URL or token');
      return;
    }
    current = { mode: 'remote', client: createCentreClient({ baseUrl: connection.url, token, timeouts }) };
  }

  return {
    connect,
    probe,
    adopt,
    current: () => current,
    /** Back to no centre: a join that found no site leaves nothing tied. */
    drop: () => {
      current = null;
    },
    close: async () => {
      current = null;
      await deps.demoCentre?.close();
    },
  };
}

export type CentreLink = ReturnType<typeof createCentreLink>;
