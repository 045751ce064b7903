import { z } from 'zod';
import { badgeSchema, localeSchema, personNameSchema, pinSchema, siteCodeSchema, siteNameSchema, type SiteView } from '../people';
import type { Locale } from '../locale';
import { defineModule, returns } from './define';

export type SetupStatus = {
  readonly needsSetup: boolean;
  readonly site: SiteView | null;
  readonly defaultLocale: Locale;
};

export const setup = defineModule('setup', {
  status: { input: z.object({}), output: returns<SetupStatus>(), access: 'public', passive: true },
  /** First start only: names the site and creates the first admin. Refused once a site exists. */
  createSite: {
    input: z.object({
      siteCode: siteCodeSchema,
      siteName: siteNameSchema,
      locale: localeSchema,
      admin: z.object({ name: personNameSchema, badge: badgeSchema, pin: pinSchema }),
    }),
    output: returns<SiteView>(),
    access: 'public',
  },
});
