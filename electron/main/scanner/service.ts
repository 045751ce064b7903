import type { ScannerSettings } from '../../../shared/scanner';
import type { AuditLog } from '../audit/service';
import type { Actor } from '../auth/session';
import type { Database } from '../../platform/db/connection';
import type { Notices } from '../diagnostics/notices';
import { readScannerSettings, readStoredScannerSettings, writeScannerSettings } from './repo';

export type ScannerService = {
  readonly get: () => ScannerSettings;
  readonly save: (actor: Actor, settings: Readonly<ScannerSettings>) => ScannerSettings;
};

export function createScannerService(db: Database, audit: AuditLog, notices: Notices): ScannerService {
  // A damaged document is read with the defaults for what it lost; the admin is told once, at start.
  if (readStoredScannerSettings(db.read).damaged) notices.raise('SETTINGS_UNREADABLE', { subject: 'scanner' });
  return {
    get: () => readScannerSettings(db.read),
    save: (actor, settings) => {
      const before = readScannerSettings(db.read);
      // The setting and its audit row commit together (docs/design.md §3): no change without its author.
      db.write((tx) => {
        writeScannerSettings(tx, settings);
        audit.record(tx, { userId: actor.userId, action: 'scanner:save-settings', outcome: 'ok', detail: { before, after: { ...settings } } });
      });
      notices.resolve('SETTINGS_UNREADABLE', 'scanner');
      return readScannerSettings(db.read);
    },
  };
}
