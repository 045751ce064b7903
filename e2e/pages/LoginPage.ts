import { expect, type Page } from '@playwright/test';
import { StationPage } from './StationPage';

export type Person = { readonly name: string; readonly badge: string; readonly pin: string };

export class LoginPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  async scanBadge(badge: string): Promise<void> {
    await this.expectScreen('login');
    await expect(this.page.locator('input[name=badge]')).toBeFocused();
    await this.scan(badge);
  }

  async enterPin(pin: string): Promise<void> {
    const field = this.page.locator('input[name=pin]');
    await expect(field).toBeFocused();
    await field.pressSequentially(pin);
    await field.press('Enter');
  }

  async logIn(person: Person): Promise<void> {
    await this.scanBadge(person.badge);
    await this.enterPin(person.pin);
    await this.expectScreen('ready');
  }
}

export class LockPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  async unlock(pin: string): Promise<void> {
    await this.expectScreen('locked');
    const field = this.page.locator('input[name=unlock]');
    await field.fill(pin);
    await field.press('Enter');
  }
}
