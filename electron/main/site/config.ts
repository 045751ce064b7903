import type { SiteData } from '../../../shared/sync/station-events';
import type { WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { changedHere } from '../sync/outbox';
import { writeRunLimits } from './repo';

/**
 * The site's name, code and time zone as the centre has them (set by the site's first station, or
 * changed by an admin on any station). A station that joins a site gets its site row from here.
 */
export function applyPulledSite(
  tx: WriteHandle,
  site: Readonly<SiteData>,
  version: number,
  context: { readonly at: number; readonly generation: number },
): void {
  const held = tx.get<{ version: number }>(sql`SELECT version FROM site WHERE id = 1`);
  if (held && context.generation === 0 && version < held.version) return;
  // Limits set here and not yet confirmed stay until the centre answers them.
  const limits = (): void => {
    if (!changedHere(tx, 'site.limits-set', null)) writeRunLimits(tx, site.runLimits ?? null);
  };
  // A change of the site made here and not yet confirmed stays until the centre answers it.
  if (held && changedHere(tx, 'site.configured', null)) {
    tx.run(sql`UPDATE site SET version = ${version} WHERE id = 1`);
    limits();
    return;
  }
  const demo = tx.get<{ mode: string }>(sql`SELECT mode FROM centre_connection WHERE id = 1`)?.mode === 'demo' ? 1 : 0;
  tx.run(sql`
    INSERT INTO site (id, code, name, demo, created_at, time_zone, version) VALUES (1, ${site.code}, ${site.name}, ${demo}, ${context.at}, ${site.timeZone}, ${version})
    ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, time_zone = excluded.time_zone, version = excluded.version`);
  limits();
}
