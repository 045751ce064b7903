import { expect, type Locator, type Page } from '@playwright/test';
import { runBarcode } from '../../shared/picking';
import { StationPage } from './StationPage';

/** The line the picking screen is at, as it shows it. */
export type ShownLine = { readonly orderId: string; readonly location: string; readonly sku: string; readonly left: number; readonly slot: number };

/** Picking by scan (issue #12): the runs to take, then a line's location and item. */
export class PickPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  screen(): Locator {
    return this.page.locator('main.pick-screen');
  }

  async expectStep(step: 'run' | 'location' | 'item' | 'done'): Promise<void> {
    await expect(this.screen()).toHaveAttribute('data-pick-step', step);
  }

  runsToPick(): Locator {
    return this.page.locator('.runs-to-pick .run-to-pick');
  }

  async takeNext(): Promise<void> {
    await this.button('picking.pick.takeNext').click();
  }

  /** Scans the barcode the run's pick list carries, as a picker does with the list in hand. */
  async scanRunOf(index: number): Promise<void> {
    const runId = await this.runsToPick().nth(index).getAttribute('data-run');
    await this.scan(runBarcode(runId ?? ''));
  }

  private figure(labelKey: string): Locator {
    return this.page
      .locator('.pick-figures .big-number')
      .filter({ has: this.page.locator('.big-number-label', { hasText: this.t(labelKey) }) })
      .locator('.big-number-value');
  }

  /** Order, location, SKU, units left and tote slot of the line on screen, read as the picker reads them. */
  async line(): Promise<ShownLine> {
    await expect(this.page.locator('.pick-line')).toBeVisible();
    const orderId = ((await this.page.locator('.pick-line').getAttribute('data-line')) ?? '').split('/')[0] ?? '';
    const location = (await this.figure('picking.pick.location').textContent()) ?? '';
    const sku = (await this.page.locator('.pick-product code').textContent()) ?? '';
    const left = Number(await this.figure('picking.pick.toPickNow').textContent());
    const slot = Number(await this.figure('picking.pick.toteSlot').textContent());
    return { orderId, location, sku, left, slot };
  }

  /** Keys how many units the next scan stands for, then scans. */
  async scanItem(code: string, count?: number): Promise<void> {
    if (count !== undefined) await this.page.getByLabel(this.t('picking.pick.perScan')).fill(String(count));
    await this.scan(code);
  }

  /** Every line of the taken run on screen, location then item (`gtinOf` a SKU's unit barcode), until the run is picked: how many picks it took. */
  async pickWholeRun(gtinOf: (sku: string) => string): Promise<number> {
    for (let picks = 0; ; picks += 1) {
      // Read once the screen is at a step of the run: just taken, it may still show the runs.
      await expect(this.screen()).toHaveAttribute('data-pick-step', /^(location|item|done)$/);
      const step = await this.screen().getAttribute('data-pick-step');
      if (step === 'done') return picks;
      const next = await this.line();
      if (step === 'location') {
        await this.scan(next.location);
        await this.expectStep('item');
      }
      const done = Number(await this.linesDone().getAttribute('data-lines-done'));
      await this.scanItem(gtinOf(next.sku), next.left);
      await expect(
        this.screen()
          .locator(`.pick-progress[data-lines-done="${done + 1}"], .step-flow[data-step="done"]`)
          .first(),
      ).toBeVisible();
    }
  }

  async shortPick(reason: 'empty' | 'not_enough' | 'damaged' | 'not_found'): Promise<void> {
    await this.button('picking.pick.short').click();
    await this.page.locator(`.pick-short button[data-reason="${reason}"]`).click();
  }

  linesDone(): Locator {
    return this.page.locator('.pick-progress');
  }
}
