import type { StationSettings } from '../../../shared/settings';
import type { AuditLog } from '../audit/service';
import type { Actor } from '../auth/session';
import type { Database } from '../../platform/db/connection';
import type { Notices } from '../diagnostics/notices';
import { readSettings, writeSettings } from './repo';

export type SettingsService = {
  readonly get: () => StationSettings;
  readonly update: (actor: Actor, patch: Partial<StationSettings>) => StationSettings;
  /** After another module wrote settings in its own transaction (first-run setup). */
  readonly reload: () => void;
};

export function createSettingsService(db: Database, audit: AuditLog, notices: Notices): SettingsService {
  // Read on every idle check: cached, and refreshed by the only writer below.
  const load = (): StationSettings => {
    const stored = readSettings(db.read);
    // The station runs on the defaults; the admin is told, and saving the settings mends the document.
    if (stored.damaged) notices.raise('SETTINGS_UNREADABLE', { subject: 'station' });
    else notices.resolve('SETTINGS_UNREADABLE', 'station');
    return stored.value;
  };
  let cached = load();
  return {
    get: () => cached,
    update: (actor, patch) => {
      const next = { ...cached, ...patch };
      db.write((tx) => {
        writeSettings(tx, next);
        audit.record(tx, { userId: actor.userId, action: 'settings:update', outcome: 'ok', detail: { ...patch } });
      });
      cached = next;
      notices.resolve('SETTINGS_UNREADABLE', 'station');
      return next;
    },
    reload: () => {
      cached = load();
    },
  };
}
