import { createHash, createHmac } from 'node:crypto';
import type { ReadHandle, WriteHandle } from '../platform/db/connection';
import { sql } from '../platform/db/sql';
import { readMeta } from './store';

/** A station id (its device id) as it appears in tokens, logs and the centre's tables. */
export const stationIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * A station's bearer token (docs/protocol.md, authentication): an HMAC of its id under the
 * centre's secret, so issuing it again gives the same token without the centre storing it.
 */
function tokenFor(read: ReadHandle, stationId: string): string {
  const secret = readMeta(read, 'token-secret');
  if (secret === undefined) throw new Error('centre database has no token secret');
  return `qct_${createHmac('sha256', secret).update(stationId, 'utf8').digest('base64url')}`;
}

/** The station's token; the first time, the station is registered with nothing processed. */
export function issueStationToken(tx: WriteHandle, stationId: string, now: number): string {
  if (!stationIdPattern.test(stationId)) throw new RangeError(`station id must match ${String(stationIdPattern)}, got ${JSON.stringify(stationId)}`);
  const token = tokenFor(tx, stationId);
  registerStation(tx, stationId, hashToken(token), now);
  return token;
}

/** Registers a station of the site once (idempotent). */
export function registerStation(tx: WriteHandle, stationId: string, tokenHash: string, now: number): void {
  tx.run(sql`
    INSERT INTO station (station_id, token_hash, created_at) VALUES (${stationId}, ${tokenHash}, ${now})
    ON CONFLICT (station_id) DO NOTHING`);
}

/** The station a bearer token names, or null for a missing or unknown token (→ 401). */
export function stationForToken(read: ReadHandle, token: string | undefined): string | null {
  if (!token) return null;
  return read.get<{ station_id: string }>(sql`SELECT station_id FROM station WHERE token_hash = ${hashToken(token)}`)?.station_id ?? null;
}

export type StationCredentials = { readonly stationId: string; readonly tokenHash: string; readonly createdAt: number };

export function readStationCredentials(read: ReadHandle): StationCredentials[] {
  return read
    .all<{ station_id: string; token_hash: string; created_at: number }>(sql`SELECT station_id, token_hash, created_at FROM station ORDER BY station_id`)
    .map((row) => ({ stationId: row.station_id, tokenHash: row.token_hash, createdAt: row.created_at }));
}
