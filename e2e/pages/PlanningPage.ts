import { expect, type Locator, type Page } from '@playwright/test';
import { StationPage } from './StationPage';

/** The shift lead's planning screen (issue #12): tomorrow's runs, a run's stops, the orders that cannot be filled. */
export class PlanningPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  /** Waits for a plan on screen: the overview (or a run) of a ship date, no plan being built. */
  async expectPlan(): Promise<void> {
    await expect(this.page.locator('.planning-planned[data-load="ready"]')).toBeVisible();
    await expect(this.page.locator('main.planning[data-plan]')).toBeVisible();
  }

  /** A summary figure's value, by its label's key. */
  figure(labelKey: string): Locator {
    return this.page
      .locator('.planning-figures .big-number')
      .filter({ has: this.page.locator('.big-number-label', { hasText: this.t(labelKey) }) })
      .locator('.big-number-value');
  }

  runRows(): Locator {
    return this.page.locator('.planning-runs tbody tr');
  }

  async openRun(number: number): Promise<void> {
    await this.button('picking.openRun', { number }).click();
    await expect(this.page.locator(`main.planning[data-run="${number}"]`)).toBeVisible();
  }

  /** The open run's stop lines, in route order. */
  stopRows(): Locator {
    return this.page.locator('main.planning[data-run] tbody tr');
  }

  async backToRuns(): Promise<void> {
    await this.button('picking.back').click();
    await expect(this.page.locator('main.planning[data-plan]')).toBeVisible();
  }

  /** A tab of the overview, and the section it shows. Its label carries a count: found by its address instead. */
  private async openTab(tab: 'unfillable' | 'released', section: string): Promise<void> {
    await this.page.locator(`.tabs a[role=tab][href$="/runs/${tab}"]`).click();
    await expect(this.page.locator(section)).toBeVisible();
  }

  async openUnfillable(): Promise<void> {
    await this.openTab('unfillable', '.planning-unfillable');
  }

  unfillableRows(): Locator {
    return this.page.locator('.planning-unfillable tbody tr');
  }

  /** Sets the site's limits per run with the keyboard, as a shift lead does, and waits for the plan built with them. */
  async setLimits(limits: {
    readonly ordersPerRun: number;
    readonly toteSlots: number;
    readonly linesPerRun?: number;
    readonly unitsPerRun?: number;
  }): Promise<void> {
    await this.button('picking.changeLimits').click();
    const form = this.page.locator('.planning-limits-form');
    for (const [field, value] of Object.entries(limits)) {
      const input = form.getByLabel(this.t(`picking.limitFields.${field}`));
      await input.fill(String(value));
    }
    await form.getByLabel(this.t('picking.limitFields.toteSlots')).press('Enter');
    await expect(this.page.locator('.planning-limits[data-limits="site"]')).toBeVisible();
    await expect(form).toHaveCount(0);
  }

  /** Releases the open run and waits for the list to come back with the notice. */
  async releaseRun(): Promise<void> {
    await this.button('picking.release').click();
    await expect(this.page.locator('.planning-released[role=status]')).toBeVisible();
    await expect(this.page.locator('main.planning[data-plan]')).toBeVisible();
  }

  async openReleased(): Promise<void> {
    await this.openTab('released', '.planning-released-runs');
  }

  /** Gives the released run in row `index` of the Released tab to one person, by the name they pick under. */
  async giveRunTo(index: number, name: string): Promise<void> {
    const row = this.page.locator('.planning-released-runs tbody tr').nth(index);
    await row.locator('[data-assign-open]').click();
    const form = row.locator('[data-assign-run]');
    await form.getByRole('combobox', { name: this.t('picking.assign.to') }).selectOption({ label: `${name} — ${this.t('roles.picker')}` });
    await form.getByRole('button', { name: this.t('picking.assign.confirm'), exact: true }).click();
    await this.expectFeedback('ok', 'picking.assign.given', { name });
    await expect(row.locator(`[data-assignee="${name}"]`)).toBeVisible();
  }

  /** Plans again until the Released tab's first run is in `state` (the centre's answer comes with a sync). */
  async expectFirstReleased(state: 'released' | 'picked', timeout = 60_000): Promise<void> {
    await expect(async () => {
      await this.button('picking.refresh').click();
      await this.expectPlan();
      await expect(this.releasedStates().first()).toHaveAttribute('data-state', state, { timeout: 1_000 });
    }).toPass({ timeout });
  }

  /** The released runs' states, as the Released tab lists them. */
  releasedStates(): Locator {
    return this.page.locator('.planning-released-runs tbody [data-state]');
  }
}
