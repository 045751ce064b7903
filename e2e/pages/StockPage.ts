import { expect, type Locator, type Page } from '@playwright/test';
import { StationPage } from './StationPage';

export class StockPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  async openTab(tab: 'lookup' | 'move' | 'count' | 'approvals' | 'codes'): Promise<void> {
    await this.page.getByRole('tab', { name: this.t(`stock.tabs.${tab}`) }).click();
  }

  /** Scans into the field the current step shows (its `name`), the way a wedge scanner types. */
  async scanInto(field: string, code: string): Promise<void> {
    const input = this.page.locator(`input[name="${field}"]`);
    await expect(input).toBeFocused();
    await this.scan(code);
  }

  async lookUp(code: string): Promise<void> {
    await this.openTab('lookup');
    await this.scanInto('lookup', code);
  }

  lines(): Locator {
    return this.page.locator('.data-table tbody tr');
  }

  header(kind: 'product' | 'location' | 'container'): Locator {
    return this.page.locator(`[data-lookup="${kind}"]`);
  }

  /** A flow (`move`, `count`) of the step component, which names its current step. */
  flow(name: 'move' | 'count'): Locator {
    return this.page.locator(`[data-flow="${name}"]`);
  }

  async expectStep(name: 'move' | 'count', step: string): Promise<void> {
    await expect(this.flow(name)).toHaveAttribute('data-step', step);
  }

  /** A whole pallet: its SSCC, the destination, then the yes it needs (a second scan of the SSCC, or the button). */
  async movePallet(sscc: string, to: string, confirmBy: 'scan' | 'button' = 'scan'): Promise<void> {
    await this.openTab('move');
    await this.scanInto('move-from', sscc);
    await this.expectStep('move', 'item');
    await this.scanInto('move-item', to);
    await this.expectStep('move', 'confirm');
    if (confirmBy === 'scan') await this.scanInto('move-confirm', sscc);
    else await this.button('stock.move.confirm').click();
  }

  async enterQuantity(quantity: number): Promise<void> {
    const field = this.page.locator('input[name=quantity]');
    await expect(field).toBeFocused();
    await field.fill(String(quantity));
    await field.press('Enter');
  }

  async moveUnits(from: string, gtin: string, quantity: number, to: string): Promise<void> {
    await this.openTab('move');
    await this.scanInto('move-from', from);
    await this.expectStep('move', 'item');
    await this.scanInto('move-item', gtin);
    await this.expectStep('move', 'quantity');
    await this.enterQuantity(quantity);
    await this.expectStep('move', 'to');
    await this.scanInto('move-to', to);
  }

  countSection(): Locator {
    return this.page.locator('[data-count-status]');
  }

  async countLocation(location: string, scans: readonly string[]): Promise<void> {
    await this.openTab('count');
    const section = this.countSection();
    await expect(this.flow('count')).toBeVisible();
    if ((await section.getAttribute('data-count-status')) !== 'counting') {
      if ((await this.flow('count').getAttribute('data-step')) === 'closed') await this.button('stock.countAnother').click();
      await this.scanInto('count-location', location);
    }
    await expect(section).toHaveAttribute('data-count-status', 'counting');
    for (const code of scans) {
      const before = await section.locator('.big-number-value').first().textContent();
      await this.scanInto('count-item', code);
      await expect(section.locator('.big-number-value').first()).not.toHaveText(before ?? '');
    }
    await this.button('stock.finishCount').click();
  }
}
