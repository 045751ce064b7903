import { expect, type Locator, type Page } from '@playwright/test';
import type { RecoveryProblem } from '../../shared/ipc/recovery';
import { StationPage } from './StationPage';

/** The screen a station shows when it cannot use its database (issue #9). */
export class RecoveryPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  async expectProblem(code: RecoveryProblem): Promise<void> {
    await this.expectScreen('recovery');
    const problem = this.page.locator(`[data-problem="${code}"]`);
    await expect(problem).toContainText(this.t(`recovery.problems.${code}.title`));
    await expect(problem).toContainText(this.t(`recovery.problems.${code}.todo`));
  }

  backupRows(): Locator {
    return this.page.locator('tr[data-backup]');
  }

  async restore(admin: { readonly badge: string; readonly pin: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: this.t('recovery.backups') });
    await form.locator('input[name=badge]').fill(admin.badge);
    await form.locator('input[name=pin]').fill(admin.pin);
    await form.getByRole('button', { name: this.t('recovery.restore') }).click();
  }
}
