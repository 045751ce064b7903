import type { Who } from '../../../shared/sync/site-records';
import type { ReadHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import type { Actor } from '../auth/session';

/** This station's id at the centre ('local' before it has one). */
export const stationIdOf = (read: ReadHandle): string =>
  read.get<{ station_id: string }>(sql`SELECT station_id FROM centre_connection WHERE id = 1`)?.station_id ?? 'local';

/** A person acting on a site record from this station, as the site's records name them (ADR 0007). */
export function whoIs(read: ReadHandle, actor: Actor): Who {
  const personId = read.get<{ person_id: string }>(sql`SELECT person_id FROM app_user WHERE id = ${actor.userId}`)?.person_id ?? '';
  return { personId, name: actor.name, stationId: stationIdOf(read) };
}
