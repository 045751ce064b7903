import type { ScannerSettings } from '../../../shared/scanner';
import type { AuditLog } from '../audit/service';
import type { Actor } from '../auth/session';
import type { Database } from '../../platform/db/connection';
import { readScannerSettings, writeScannerSettings } from './repo';

export type ScannerService = {
  readonly get: () => ScannerSettings;
  readonly save: (actor: Actor, settings: Readonly<ScannerSettings>) => ScannerSettings;
};

export function createScannerService(db: Database, audit: AuditLog): ScannerService {
  return {
    get: () => readScannerSettings(db.read),
    save: (actor, settings) => {
      const before = readScannerSettings(db.read);
      // The setting and its audit row commit together (DESIGN §3): no change without its author.
      db.write((tx) => {
        writeScannerSettings(tx, settings);
        audit.record(tx, { userId: actor.userId, action: 'scanner:save-settings', outcome: 'ok', detail: { before, after: { ...settings } } });
      });
      return readScannerSettings(db.read);
    },
  };
}
