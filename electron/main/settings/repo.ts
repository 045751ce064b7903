import type { z } from 'zod';
import { defaultStationSettings, stationSettingsSchema, type StationSettings } from '../../../shared/settings';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { parseStoredJson } from '../../platform/json';
import { sql } from '../../platform/db/sql';

/** A settings document as read back: the value to use, and whether what was stored had to be mended. */
export type StoredSettings<T> = { readonly value: T; readonly damaged: boolean };

/**
 * One JSON document per key in `setting`, parsed on every read: damaged text or a hand-edited or
 * older value never stops the station (issue #8). Each field still valid on its own is kept; the
 * rest fall back to the defaults, and `damaged` says so (the admin is told).
 */
export function readSettingDocument<S extends z.ZodObject>(read: ReadHandle, key: string, schema: S, defaults: z.infer<S>): StoredSettings<z.infer<S>> {
  const row = read.get<{ value: string }>(sql`SELECT value FROM setting WHERE key = ${key}`);
  if (!row) return { value: defaults, damaged: false };
  const stored = parseStoredJson(row.value);
  if (!stored.ok) return { value: defaults, damaged: true };
  const whole = schema.partial().safeParse(stored.value);
  if (whole.success) return { value: { ...defaults, ...whole.data }, damaged: false };
  const kept: Record<string, unknown> = {};
  if (typeof stored.value === 'object' && stored.value !== null) {
    for (const [name, field] of Object.entries<z.ZodType>(schema.shape)) {
      const parsed = field.safeParse((stored.value as Record<string, unknown>)[name]);
      if (parsed.success) kept[name] = parsed.data;
    }
  }
  return { value: { ...defaults, ...kept }, damaged: true };
}

export function writeSettingDocument(tx: WriteHandle, key: string, value: unknown): void {
  tx.run(sql`
    INSERT INTO setting (key, value) VALUES (${key}, ${JSON.stringify(value)})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
}

const key = 'station';

export const readSettings = (read: ReadHandle): StoredSettings<StationSettings> =>
  readSettingDocument(read, key, stationSettingsSchema, defaultStationSettings);

export function writeSettings(tx: WriteHandle, settings: Readonly<StationSettings>): void {
  writeSettingDocument(tx, key, settings);
}
