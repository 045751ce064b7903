import type { Migration } from '../../../platform/db/migration';

/**
 * The site's exceptions are records of the site (shared/sync/site-exceptions.ts): a row per
 * exception id, with the centre's version and the whole record, so a short pick made on a trolley
 * shows in the office and a resolution made on one station closes it on all. Rows recorded before
 * become exceptions this station raised (`local:<id>`), offered to the centre when resolved.
 */
export const migration0011 = {
  version: 11,
  name: 'site exceptions shared by the site',
  up: /* sql */ `
    ALTER TABLE site_exception ADD COLUMN exception_id TEXT;
    ALTER TABLE site_exception ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE site_exception ADD COLUMN data TEXT;
    UPDATE site_exception SET exception_id = 'local:' || id, data = json_object(
      'exceptionId', 'local:' || id, 'kind', kind, 'subject', subject, 'location', NULL,
      'detail', json(CASE WHEN json_valid(detail) AND json_type(detail) = 'object' THEN detail ELSE '{}' END),
      'raisedBy', json_object('personId', '', 'name', '', 'stationId', coalesce((SELECT station_id FROM centre_connection WHERE id = 1), '')),
      'raisedAt', strftime('%Y-%m-%dT%H:%M:%fZ', at / 1000.0, 'unixepoch'),
      'state', CASE WHEN resolved_at IS NULL THEN 'open' ELSE 'resolved' END,
      'resolution', NULL);
    CREATE UNIQUE INDEX site_exception_by_id ON site_exception (exception_id);
  `,
} satisfies Migration;
