import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { StationPage } from './StationPage';

export type DispatchStep = 'trailer' | 'load' | 'closed';

/** One parcel of a closed trailer's manifest, as the screen lists it. */
export type ManifestRow = { readonly tracking: string; readonly sscc: string; readonly orderId: string };

/** The outbound dock (issue #13): carriers and their trailers, parcels scanned onto one, its manifest. */
export class DispatchPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  screen(): Locator {
    return this.page.locator('main.dispatch-screen');
  }

  async expectStep(step: DispatchStep): Promise<void> {
    await expect(this.screen()).toHaveAttribute('data-dispatch-step', step);
  }

  /** A carrier's card at the dock (`chronopost`). */
  carrier(carrier: string): Locator {
    return this.page.locator(`.dock-carrier[data-carrier="${carrier}"]`);
  }

  /** Opens a new trailer for the carrier, named by what it reads (its plate), and waits to load it. */
  async openTrailer(carrier: string, label: string): Promise<void> {
    await this.expectStep('trailer');
    const card = this.carrier(carrier);
    await card.locator('form.dock-open input').fill(label);
    await card.getByRole('button', { name: this.t('dispatch.openTrailer'), exact: true }).click();
    await this.expectStep('load');
  }

  /** Chooses a trailer of the dock by its label: an open one to load, a closed one for its manifest. */
  async chooseTrailer(label: string): Promise<void> {
    await this.expectStep('trailer');
    await this.page.locator(`.dock-trailer[data-label="${label}"] button`).click();
    await expect(this.screen()).toHaveAttribute('data-dispatch-step', /^(load|closed)$/);
  }

  /** Scans a parcel's label (its SSCC or tracking number) onto the trailer. */
  async scanParcel(code: string): Promise<void> {
    await this.scan(code);
  }

  private async figure(name: 'data-loaded' | 'data-due'): Promise<number> {
    const figures = this.page.locator('.dispatch-figures');
    await expect(figures).toBeVisible();
    return Number(await figures.getAttribute(name));
  }

  /** Parcels on the trailer on screen. */
  loadedCount(): Promise<number> {
    return this.figure('data-loaded');
  }

  /** The carrier's orders due and on no trailer yet. */
  dueCount(): Promise<number> {
    return this.figure('data-due');
  }

  /** Asks to close the trailer: closed at once when nothing is due; otherwise main's refusal (a picker) or the confirmation (a shift lead). */
  async close(): Promise<void> {
    await this.page.locator('[data-close-trailer]').click();
  }

  /** A shift lead closes with the orders due missing, one reason for all, and waits for the manifest. */
  async closeConfirmingMissing(reason: string): Promise<void> {
    await this.close();
    const form = this.page.locator('form.dispatch-close');
    await form.getByLabel(this.t('dispatch.reasonAll')).fill(reason);
    await form.locator('[data-confirm-close]').click();
    await this.expectStep('closed');
  }

  /** The parcels of the manifest on screen, in its order. */
  async manifestRows(): Promise<readonly ManifestRow[]> {
    await this.expectStep('closed');
    const rows = this.page.locator('.manifest-parcels tbody tr[data-tracking]');
    const count = await rows.count();
    const found: ManifestRow[] = [];
    for (let index = 0; index < count; index += 1) {
      const row = rows.nth(index);
      found.push({
        tracking: (await row.getAttribute('data-tracking')) ?? '',
        sscc: (await row.getAttribute('data-sscc')) ?? '',
        orderId: (await row.getAttribute('data-order')) ?? '',
      });
    }
    return found;
  }

  /** The missing orders the manifest names, with their reasons. */
  manifestMissing(): Locator {
    return this.page.locator('.manifest-missing tbody tr');
  }

  /** Exports the manifest: the file the browser saved, by Playwright's download event, with its name. */
  async exportCsvFile(): Promise<{ readonly fileName: string; readonly text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.locator('[data-export-csv]').click()]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** The exported manifest's text. */
  async exportCsv(): Promise<string> {
    return (await this.exportCsvFile()).text;
  }
}
