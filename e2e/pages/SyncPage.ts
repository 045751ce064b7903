import { expect, type Locator, type Page } from '@playwright/test';
import { StationPage } from './StationPage';

export class SyncPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  badge(): Locator {
    return this.page.locator('.shell-header .sync-badge');
  }

  /** Waits for the header badge to show a state (and, if given, how many events wait). */
  async expectBadge(state: 'idle' | 'syncing' | 'offline' | 'failing', pending?: number): Promise<void> {
    await expect(this.badge()).toHaveAttribute('data-sync-state', state);
    if (pending !== undefined) await expect(this.badge()).toHaveAttribute('data-sync-pending', String(pending));
  }

  async syncNow(): Promise<void> {
    await this.button('sync.now').click();
  }

  /** "Check stock against the centre"; resolves when the report names its outcome. */
  async checkStock(): Promise<Locator> {
    await this.button('sync.reconcile.check').click();
    const report = this.page.locator('[data-reconcile-outcome]');
    await expect(report).toBeVisible();
    return report;
  }
}
