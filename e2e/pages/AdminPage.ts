import { expect, type Locator, type Page } from '@playwright/test';
import type { Role } from '../../shared/roles';
import { StationPage } from './StationPage';
import type { Person } from './LoginPage';

export class AdminPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  async openTab(tab: 'people' | 'settings' | 'locations' | 'audit'): Promise<void> {
    await this.page.getByRole('tab', { name: this.t(`admin.tabs.${tab}`) }).click();
  }

  async createUser(person: Person & { role: Role }): Promise<void> {
    await this.openTab('people');
    await this.button('people.new').click();
    const form = this.page.getByRole('form', { name: this.t('people.new') });
    await form.locator('[name=name]').fill(person.name);
    await form.locator('[name=badge]').fill(person.badge);
    await form.locator('[name=role]').selectOption(person.role);
    await form.locator('[name=pin]').fill(person.pin);
    await form.getByRole('button', { name: this.t('people.create') }).click();
    await this.expectFeedback('ok', 'people.created', { name: person.name });
  }

  userRow(name: string): Locator {
    return this.page.locator('tbody tr', { hasText: name });
  }

  async setIdleLockSeconds(seconds: number): Promise<void> {
    await this.openTab('settings');
    const field = this.page.locator('input[name=idleLockSeconds]');
    await expect(field).not.toHaveValue('');
    await field.fill(String(seconds));
    await this.button('common.save').click();
    await this.expectFeedback('ok', 'settings.saved');
  }

  async showRefusals(): Promise<Locator> {
    await this.openTab('audit');
    await this.page.getByLabel(this.t('audit.refusedOnly')).check();
    return this.page.locator('tbody tr');
  }
}
