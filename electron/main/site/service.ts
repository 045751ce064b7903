import { randomBytes } from 'node:crypto';
import type { Locale } from '../../../shared/locale';
import type { SiteView } from '../../../shared/people';
import type { SetupStatus } from '../../../shared/ipc/setup';
import type { AuditLog } from '../audit/service';
import { hashNewPin } from '../auth/pin';
import { findUserByBadge, insertUser } from '../auth/repo';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { AppError } from '../../platform/errors';
import type { SettingsService } from '../settings/service';
import { writeSettings } from '../settings/repo';
import { appendEvent } from '../sync/outbox';
import { writeConnection, type CentreLink, type CentreTarget, type ProbedCentre } from '../sync/connection';
import { announcePerson } from './people';
import { insertSite, readSite } from './repo';

type CentreChoice = { mode: 'none' } | { mode: 'demo' } | { mode: 'remote'; url: string; token: string };

export type NewSite = {
  siteCode: string;
  siteName: string;
  locale: Locale;
  timeZone: string;
  admin: { name: string; badge: string; pin: string };
  centre: CentreChoice;
};

/** A demo station's id: unique on the demo centre, so several stations of this machine can share one site. */
const demoStationId = (prefix: string): string => `${prefix}-${randomBytes(3).toString('hex').toUpperCase()}`;

export function createSiteService(deps: {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly settings: SettingsService;
  readonly centre: CentreLink;
  /** First contact with the centre once the site exists; never fails setup. */
  readonly startSync: () => Promise<void>;
  /** One push-then-pull cycle now, in the foreground: a joining station waits for the site's data. */
  readonly syncNow: () => Promise<{ readonly state: string; readonly lastError: { readonly message: string } | null }>;
}) {
  const { db, clock, audit } = deps;
  let site = readSite(db.read);

  function status(): SetupStatus {
    return { needsSetup: site === null, site, defaultLocale: deps.settings.get().defaultLocale };
  }

  const targetOf = (centre: Exclude<CentreChoice, { mode: 'none' }>, prefix: string): CentreTarget =>
    centre.mode === 'demo' ? { mode: 'demo', stationId: demoStationId(prefix) } : centre;

  const refuseIfSetUp = (): void => {
    if (site || readSite(db.read)) throw new AppError('ALREADY_SET_UP', 'this station already has a site');
  };

  /**
   * First station of a new site: the site and its first admin are created together, or not at all,
   * and announced to the centre for the site's next stations. A centre whose site already has a
   * first station is refused here: that is a join.
   */
  async function createSite(input: NewSite): Promise<SiteView> {
    refuseIfSetUp();
    let probed: ProbedCentre | null = null;
    if (input.centre.mode !== 'none') {
      probed = await deps.centre.probe(targetOf(input.centre, input.siteCode));
      if (probed.health.siteConfigured) throw new AppError('SITE_ALREADY_SET_UP', 'the centre already has this site: join it instead');
    }
    const pinHash = await hashNewPin(input.admin.pin, deps.settings.get().minPinLength);
    const now = clock.now();
    db.write((tx) => {
      refuseIfSetUp();
      if (findUserByBadge(tx, input.admin.badge)) throw new AppError('BADGE_TAKEN', 'badge already in use');
      insertSite(tx, {
        code: input.siteCode,
        name: input.siteName,
        demo: input.centre.mode === 'demo',
        createdAt: now,
        timeZone: input.timeZone,
        siteId: probed?.health.siteId ?? null,
      });
      if (probed) writeConnection(tx, { mode: probed.mode, url: probed.mode === 'remote' ? probed.url : null, stationId: probed.health.stationId });
      writeSettings(tx, { ...deps.settings.get(), defaultLocale: input.locale });
      const adminId = insertUser(tx, { name: input.admin.name, badge: input.admin.badge, role: 'admin', pinHash, locale: input.locale, createdAt: now });
      const admin = { userId: adminId, name: input.admin.name };
      appendEvent(tx, {
        type: 'site.configured',
        at: now,
        actor: admin,
        payload: { code: input.siteCode, name: input.siteName, timeZone: input.timeZone, defaultLocale: input.locale },
      });
      announcePerson(tx, now, admin, adminId);
      audit.record(tx, {
        userId: adminId,
        action: 'setup:create-site',
        outcome: 'ok',
        target: `site:${input.siteCode}`,
        detail: { name: input.siteName, admin: input.admin.name, badge: input.admin.badge, centre: input.centre.mode, timeZone: input.timeZone },
      });
    });
    deps.settings.reload();
    if (probed) deps.centre.adopt(probed);
    // Setup is complete once it is written: a centre that fails later is a sync state to show,
    // not a station stuck answering SETUP_REQUIRED (issue #8).
    site = readSite(db.read);
    await deps.startSync();
    return site as SiteView;
  }

  /**
   * Another station of an existing site (issue #11): the site's name, zone, layout, people, stock,
   * orders and ASNs come from the centre's bootstrap, waited for here; then its people log in.
   * A join that finds no site, or cannot load it, leaves the station as it was (a retry resumes the
   * bootstrap where it stopped).
   */
  async function joinSite(input: { centre: Exclude<CentreChoice, { mode: 'none' }> }): Promise<SiteView> {
    refuseIfSetUp();
    const probed = await deps.centre.probe(targetOf(input.centre, 'STATION'));
    if (!probed.health.siteConfigured) throw new AppError('SITE_NOT_SET_UP', 'the centre has no station of this site yet: set up its first station');
    db.write((tx) => writeConnection(tx, { mode: probed.mode, url: probed.mode === 'remote' ? probed.url : null, stationId: probed.health.stationId }));
    deps.centre.adopt(probed);
    const synced = await deps.syncNow();
    const joined = readSite(db.read);
    if (!joined) {
      deps.centre.drop();
      db.write((tx) => tx.run(sql`DELETE FROM centre_connection WHERE id = 1`));
      throw new AppError('CENTRE_UNREACHABLE', `the site could not be loaded from the centre: ${synced.lastError?.message ?? synced.state}`);
    }
    db.write((tx) => {
      tx.run(sql`UPDATE site SET demo = ${probed.mode === 'demo' ? 1 : 0}, site_id = ${probed.health.siteId} WHERE id = 1`);
      audit.record(tx, {
        userId: null,
        action: 'setup:join-site',
        outcome: 'ok',
        target: `site:${joined.code}`,
        detail: { centre: probed.mode, station: probed.health.stationId },
      });
    });
    deps.settings.reload();
    site = readSite(db.read);
    await deps.startSync();
    return site as SiteView;
  }

  return { status, createSite, joinSite, isSetUp: () => site !== null };
}

export type SiteService = ReturnType<typeof createSiteService>;
