import type { StationSettings } from '../../../shared/settings';
import type { AuditLog } from '../audit/service';
import type { Actor } from '../auth/session';
import type { Database } from '../../platform/db/connection';
import { readSettings, writeSettings } from './repo';

export type SettingsService = {
  readonly get: () => StationSettings;
  readonly update: (actor: Actor, patch: Partial<StationSettings>) => StationSettings;
  /** After another module wrote settings in its own transaction (first-run setup). */
  readonly reload: () => void;
};

export function createSettingsService(db: Database, audit: AuditLog): SettingsService {
  // Read on every idle check: cached, and refreshed by the only writer below.
  let cached = readSettings(db.read);
  return {
    get: () => cached,
    update: (actor, patch) => {
      const next = { ...cached, ...patch };
      db.write((tx) => {
        writeSettings(tx, next);
        audit.record(tx, { userId: actor.userId, action: 'settings:update', outcome: 'ok', detail: { ...patch } });
      });
      cached = next;
      return next;
    },
    reload: () => {
      cached = readSettings(db.read);
    },
  };
}
