import { z } from 'zod';
import {
  badgeSchema,
  defaultSiteTimeZone,
  localeSchema,
  personNameSchema,
  pinSchema,
  siteCodeSchema,
  siteNameSchema,
  timeZoneSchema,
  type SiteView,
} from '../people';
import type { Locale } from '../locale';
import { defineModule, returns } from './define';

export type SetupStatus = {
  readonly needsSetup: boolean;
  readonly site: SiteView | null;
  readonly defaultLocale: Locale;
};

/** The centre of a real site: its address and this station's token (the setup screen's form uses them as they are). */
export const centreUrlSchema = z.url({ protocol: /^https?$/ });
export const centreTokenSchema = z.string().trim().min(16).max(512);
const remoteCentreSchema = z.object({ mode: z.literal('remote'), url: centreUrlSchema, token: centreTokenSchema });

export const setup = defineModule('setup', {
  status: { input: z.object({}), output: returns<SetupStatus>(), access: 'public', passive: true },
  /** First start only: names the site and creates the first admin. Refused once a site exists. */
  createSite: {
    input: z.object({
      siteCode: siteCodeSchema,
      siteName: siteNameSchema,
      locale: localeSchema,
      timeZone: timeZoneSchema.default(defaultSiteTimeZone),
      admin: z.object({ name: personNameSchema, badge: badgeSchema, pin: pinSchema }),
      /**
       * demo: a demo / training site, served by the demo centre started inside the station (marked
       * DEMO everywhere); remote: the marketplace's centre, checked before anything is saved; none:
       * a station that keeps its stock alone (tests, a site waiting for its centre).
       */
      centre: z
        .discriminatedUnion('mode', [z.object({ mode: z.literal('none') }), z.object({ mode: z.literal('demo') }), remoteCentreSchema])
        .default({ mode: 'none' }),
    }),
    output: returns<SiteView>(),
    access: 'public',
  },
  /**
   * Another station of a site that exists: the site's stock, layout, people, orders and ASNs are
   * loaded from the centre, then its people log in with their own badge and PIN.
   */
  joinSite: {
    input: z.object({ centre: z.discriminatedUnion('mode', [z.object({ mode: z.literal('demo') }), remoteCentreSchema]) }),
    output: returns<SiteView>(),
    access: 'public',
  },
});
