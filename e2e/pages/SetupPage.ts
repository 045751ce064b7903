import type { Page } from '@playwright/test';
import { StationPage } from './StationPage';

export type SiteForm = { siteCode: string; siteName: string; admin: { name: string; badge: string; pin: string } };

export const demoSite: SiteForm = {
  siteCode: 'PAR-01',
  siteName: 'Paris Nord',
  admin: { name: 'Alice Martin', badge: 'BADGE-ADM01', pin: '4826' },
};

export class SetupPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  /** "First station of a new site" or "Join an existing site": the two starts of a new station (issue #11). */
  async choose(start: 'first' | 'join'): Promise<void> {
    await this.expectScreen('setup');
    await this.page.locator(`input[name=setup-choice][value=${start}]`).check();
  }

  /** Joins the site of the demo centre; the station shows its progress until main has loaded the site. */
  async joinDemoSite(): Promise<void> {
    await this.choose('join');
    const form = this.page.locator('form[data-setup=join]');
    await form.locator('input[name=mode][value=demo]').check();
    await this.button('setup.join').click();
  }

  async createSite(site: SiteForm = demoSite, pinAgain = site.admin.pin, centre?: { url: string; token: string }): Promise<void> {
    await this.expectScreen('setup');
    const form = this.page.locator('form');
    if (centre) {
      await form.locator('input[name=mode][value=remote]').check();
      await form.locator('[name=centreUrl]').fill(centre.url);
      await form.locator('[name=centreToken]').fill(centre.token);
    }
    await form.locator('[name=siteCode]').fill(site.siteCode);
    await form.locator('[name=siteName]').fill(site.siteName);
    await form.locator('[name=adminName]').fill(site.admin.name);
    await form.locator('[name=badge]').fill(site.admin.badge);
    await form.locator('[name=pin]').fill(site.admin.pin);
    await form.locator('[name=pinAgain]').fill(pinAgain);
    await this.button('setup.submit').click();
  }
}
