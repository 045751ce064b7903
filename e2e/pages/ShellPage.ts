import { expect, type Page } from '@playwright/test';
import type { Locale } from '../../shared/locale';
import { StationPage } from './StationPage';

const localeLabels: Readonly<Record<Locale, string>> = { fr: 'Français', en: 'English', 'zh-CN': '中文' };

export class ShellPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  async expectUser(name: string, roleKey: string): Promise<void> {
    const header = this.page.locator('.shell-header');
    await expect(header.locator('.shell-user-name')).toHaveText(name);
    await expect(header.locator('.role-tag')).toHaveText(this.t(roleKey));
  }

  async openArea(
    area: 'dashboard' | 'home' | 'orders' | 'runs' | 'pick' | 'pack' | 'dispatch' | 'stock' | 'tasks' | 'exceptions' | 'sync' | 'admin' | 'scanner',
  ): Promise<void> {
    await this.page
      .locator('.shell-nav')
      .getByRole('link', { name: this.t(`shell.areas.${area}`) })
      .click();
  }

  areaButtons() {
    return this.page.locator('.shell-nav a');
  }

  async switchLanguage(locale: Locale): Promise<void> {
    await this.page.locator('.shell-header select.locale-select').selectOption(localeLabels[locale]);
    this.locale = locale;
    await expect(this.page.locator('html')).toHaveAttribute('lang', locale);
  }

  async lock(): Promise<void> {
    await this.button('shell.lock').click();
    await this.expectScreen('locked');
  }

  async logOut(): Promise<void> {
    await this.button('shell.logout').click();
    await this.expectScreen('login');
  }
}
