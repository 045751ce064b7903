import type { Locale } from '../../../shared/locale';
import type { SiteView } from '../../../shared/people';
import type { SetupStatus } from '../../../shared/ipc/setup';
import type { AuditLog } from '../audit/service';
import { hashPin } from '../auth/pin';
import { findUserByBadge, insertUser } from '../auth/repo';
import type { Clock } from '../clock';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import type { SettingsService } from '../settings/service';
import { writeSettings } from '../settings/repo';
import { insertSite, readSite } from './repo';

export type NewSite = {
  siteCode: string;
  siteName: string;
  locale: Locale;
  admin: { name: string; badge: string; pin: string };
};

export function createSiteService(deps: {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly settings: SettingsService;
}) {
  const { db, clock, audit } = deps;
  let site = readSite(db.read);

  function status(): SetupStatus {
    return { needsSetup: site === null, site, defaultLocale: deps.settings.get().defaultLocale };
  }

  /** First start: the site and its first admin are created together, or not at all. */
  async function createSite(input: NewSite): Promise<SiteView> {
    if (site) throw new AppError('ALREADY_SET_UP', 'this station already has a site');
    const pinHash = await hashPin(input.admin.pin);
    const now = clock.now();
    db.write((tx) => {
      if (readSite(tx)) throw new AppError('ALREADY_SET_UP', 'this station already has a site');
      if (findUserByBadge(tx, input.admin.badge)) throw new AppError('BADGE_TAKEN', 'badge already in use');
      insertSite(tx, { code: input.siteCode, name: input.siteName, createdAt: now });
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
        action: 'setup.create-site',
        outcome: 'ok',
        target: `site:${input.siteCode}`,
        detail: { name: input.siteName, admin: input.admin.name, badge: input.admin.badge },
      });
    });
    deps.settings.reload();
    site = readSite(db.read);
    return site as SiteView;
  }

  return { status, createSite, isSetUp: () => site !== null };
}

export type SiteService = ReturnType<typeof createSiteService>;
