import { expect, type Locator, type Page } from '@playwright/test';
import { StationPage } from './StationPage';

/** The site's shared tasks (issue #11): each task card names its location, state and outcome in data attributes. */
export class TasksPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  task(location: string): Locator {
    return this.page.locator(`[data-task="${location}"]`);
  }

  async expectTask(location: string, state: 'open' | 'claimed' | 'completed', outcome?: 'matched' | 'mismatch'): Promise<void> {
    await expect(this.task(location)).toHaveAttribute('data-task-state', state);
    if (outcome) await expect(this.task(location)).toHaveAttribute('data-task-outcome', outcome);
  }

  /** A shift lead asks for a recount: the location scanned into the request's field. */
  async requestRecount(location: string): Promise<void> {
    const field = this.page.locator('input[name=recount-location]');
    await field.click();
    await this.scan(location);
    await this.expectFeedback('ok', 'tasks.requested', { location });
  }

  async claim(location: string): Promise<void> {
    await this.task(location)
      .getByRole('button', { name: this.t('tasks.claim'), exact: true })
      .click();
    await expect(this.task(location)).toHaveAttribute('data-task-mine', 'true');
  }

  /** Puts a claimed return-to-bin task's units back: its bin scanned into the task's field. */
  async scanReturn(location: string): Promise<void> {
    await this.task(location).locator('input[name=return-location]').click();
    await this.scan(location);
  }

  /** Opens the claimed task's blind count on the count steps, at the items step. */
  async startCount(location: string): Promise<void> {
    await this.task(location)
      .getByRole('button', { name: this.t('tasks.count'), exact: true })
      .click();
    await expect(this.page.locator('[data-flow="count"]')).toHaveAttribute('data-step', 'items');
  }

  /** Counts `quantity` units of one GTIN (keyed, then one scan) and finishes the count. */
  async countUnits(gtin: string, quantity: number): Promise<void> {
    const perScan = this.page.getByRole('textbox', { name: this.t('stock.count.perScan') });
    await perScan.fill(String(quantity));
    await this.page.locator('input[name=count-item]').focus();
    await this.scan(gtin);
    await expect(this.page.locator('[data-count-status] .big-number-value').first()).toHaveText(String(quantity));
    await this.button('stock.finishCount').click();
  }

  async backToTasks(): Promise<void> {
    await this.button('tasks.backToTasks').click();
    await expect(this.page.locator('[data-tasks-view="list"]')).toBeVisible();
  }

  /** A shift lead's word on a finished recount, with its reason. */
  async decide(location: string, decision: 'approve' | 'reject' | 'close' | 'cancel', reason: string): Promise<void> {
    const card = this.task(location);
    await card.locator('input[name=reason]').fill(reason);
    await card.getByRole('button', { name: this.t(`tasks.${decision}`), exact: true }).click();
  }
}
