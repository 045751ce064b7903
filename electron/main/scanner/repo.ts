import { defaultScannerSettings, scannerSettingsSchema, type ScannerSettings } from '../../../shared/scanner';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { readSettingDocument, writeSettingDocument, type StoredSettings } from '../settings/repo';

const key = 'scanner';

/** Read like the station settings: a damaged document keeps its valid fields, the rest are the defaults. */
export const readStoredScannerSettings = (read: ReadHandle): StoredSettings<ScannerSettings> =>
  readSettingDocument(read, key, scannerSettingsSchema, defaultScannerSettings);

export const readScannerSettings = (read: ReadHandle): ScannerSettings => readStoredScannerSettings(read).value;

export function writeScannerSettings(tx: WriteHandle, settings: Readonly<ScannerSettings>): void {
  writeSettingDocument(tx, key, settings);
}
