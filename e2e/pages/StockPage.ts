import { expect, type Locator, type Page } from '@playwright/test';
import { StationPage } from './StationPage';

export class StockPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  async openTab(tab: 'lookup' | 'move' | 'count' | 'approvals'): Promise<void> {
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

  async movePallet(sscc: string, to: string): Promise<void> {
    await this.openTab('move');
    await this.scanInto('move-from', sscc);
    await this.scanInto('move-item', to);
  }

  async moveUnits(from: string, gtin: string, quantity: number, to: string): Promise<void> {
    await this.openTab('move');
    await this.scanInto('move-from', from);
    await this.scanInto('move-item', gtin);
    await this.page.locator('input[name=quantity]').fill(String(quantity));
    await this.page.locator('input[name=quantity]').press('Enter');
    await this.scanInto('move-to', to);
  }

  countSection(): Locator {
    return this.page.locator('section[data-count-status]');
  }

  async countLocation(location: string, scans: readonly string[]): Promise<void> {
    await this.openTab('count');
    const section = this.countSection();
    if (!(await section.isVisible())) await this.scanInto('count-location', location);
    await expect(section).toHaveAttribute('data-count-status', 'counting');
    for (const code of scans) {
      const before = await section.locator('.big-number-value').first().textContent();
      await this.scanInto('count-item', code);
      await expect(section.locator('.big-number-value').first()).not.toHaveText(before ?? '');
    }
    await this.button('stock.finishCount').click();
  }
}
