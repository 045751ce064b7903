import type { Locale } from '../../../shared/locale';
import type { SiteView } from '../../../shared/people';
import type { SetupStatus } from '../../../shared/ipc/setup';
import type { AuditLog } from '../audit/service';
import { hashNewPin } from '../auth/pin';
import { findUserByBadge, insertUser } from '../auth/repo';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/connection';
import { AppError } from '../../platform/errors';
import type { SettingsService } from '../settings/service';
import { writeSettings } from '../settings/repo';
import { insertSite, readSite } from './repo';
import { verifyRemoteCentre, writeConnection, type CentreLink } from '../sync/connection';

export type NewSite = {
  siteCode: string;
  siteName: string;
  locale: Locale;
  admin: { name: string; badge: string; pin: string };
  centre: { mode: 'none' } | { mode: 'demo' } | { mode: 'remote'; url: string; token: string };
};

export function createSiteService(deps: {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly settings: SettingsService;
  readonly centre: CentreLink;
  /** First contact with the centre once the site exists (the bootstrap of a demo site, say); never fails setup. */
  readonly startSync: () => Promise<void>;
}) {
  const { db, clock, audit } = deps;
  let site = readSite(db.read);

  function status(): SetupStatus {
    return { needsSetup: site === null, site, defaultLocale: deps.settings.get().defaultLocale };
  }

  /** First start: the site and its first admin are created together, or not at all. */
  async function createSite(input: NewSite): Promise<SiteView> {
    if (site) throw new AppError('ALREADY_SET_UP', 'this station already has a site');
    if (input.centre.mode === 'remote') await verifyRemoteCentre(input.centre.url, input.centre.token);
    const pinHash = await hashNewPin(input.admin.pin, deps.settings.get().minPinLength);
    const now = clock.now();
    db.write((tx) => {
      if (readSite(tx)) throw new AppError('ALREADY_SET_UP', 'this station already has a site');
      if (findUserByBadge(tx, input.admin.badge)) throw new AppError('BADGE_TAKEN', 'badge already in use');
      insertSite(tx, { code: input.siteCode, name: input.siteName, demo: input.centre.mode === 'demo', createdAt: now });
      if (input.centre.mode !== 'none') {
        writeConnection(tx, {
          mode: input.centre.mode,
          url: input.centre.mode === 'remote' ? input.centre.url : null,
          stationId: input.centre.mode === 'demo' ? `STATION-${input.siteCode}` : input.siteCode,
        });
      }
      writeSettings(tx, { ...deps.settings.get(), defaultLocale: input.locale });
      const adminId = insertUser(tx, {
        name: input.admin.name,
        badge: input.admin.badge,
        role: 'admin',
        pinHash,
        locale: input.locale,
        createdAt: now,
      });
      audit.record(tx, {
        userId: adminId,
        action: 'setup:create-site',
        outcome: 'ok',
        target: `site:${input.siteCode}`,
        detail: { name: input.siteName, admin: input.admin.name, badge: input.admin.badge, centre: input.centre.mode },
      });
    });
    if (input.centre.mode === 'remote') deps.centre.saveToken(input.centre.token);
    deps.settings.reload();
    // Setup is complete once it is written: a centre that fails to start is a sync state to show,
    // not a station stuck answering SETUP_REQUIRED (issue #8).
    site = readSite(db.read);
    await deps.startSync();
    return site as SiteView;
  }

  return { status, createSite, isSetUp: () => site !== null };
}

export type SiteService = ReturnType<typeof createSiteService>;
