import { defaultScannerSettings, scannerSettingsSchema, type ScannerSettings } from '../../../shared/scanner';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';

const key = 'scanner';

/**
 * One JSON document in `setting`, parsed on every read like the station settings: a hand-edited or
 * older document keeps its valid fields and falls back to the defaults for the rest.
 */
export function readScannerSettings(read: ReadHandle): ScannerSettings {
  const row = read.get<{ value: string }>(sql`SELECT value FROM setting WHERE key = ${key}`);
  if (!row) return defaultScannerSettings;
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch {
    return defaultScannerSettings;
  }
  const fields = scannerSettingsSchema.partial().safeParse(stored);
  if (fields.success) return { ...defaultScannerSettings, ...fields.data };
  // Keep each field that is still valid on its own.
  const kept: Record<string, unknown> = {};
  if (typeof stored === 'object' && stored !== null) {
    for (const [name, field] of Object.entries(scannerSettingsSchema.shape)) {
      const parsed = field.safeParse((stored as Record<string, unknown>)[name]);
      if (parsed.success) kept[name] = parsed.data;
    }
  }
  return { ...defaultScannerSettings, ...kept };
}

export function writeScannerSettings(tx: WriteHandle, settings: Readonly<ScannerSettings>): void {
  tx.run(sql`
    INSERT INTO setting (key, value) VALUES (${key}, ${JSON.stringify(settings)})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
}
