import { defaultStationSettings, stationSettingsSchema, type StationSettings } from '../../../shared/settings';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';

const key = 'station';

/** Stored as one JSON document, parsed on every read: a hand-edited or older value cannot slip in. */
export function readSettings(read: ReadHandle): StationSettings {
  const row = read.get<{ value: string }>(sql`SELECT value FROM setting WHERE key = ${key}`);
  if (!row) return defaultStationSettings;
  const parsed = stationSettingsSchema.partial().safeParse(JSON.parse(row.value));
  return { ...defaultStationSettings, ...(parsed.success ? parsed.data : {}) };
}

export function writeSettings(tx: WriteHandle, settings: Readonly<StationSettings>): void {
  tx.run(sql`
    INSERT INTO setting (key, value) VALUES (${key}, ${JSON.stringify(settings)})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
}
