import { expect, type Locator, type Page } from '@playwright/test';
import { sendAsScanner } from '../support/scanner-keys';
import { StationPage } from './StationPage';

export type ScanSourceName = 'wedge' | 'camera' | 'image' | 'manual';

/** The scanner set-up page (admin): test scan, settings, camera, typed codes, and the scans received. */
export class ScannerPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  async expectOpen(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: this.t('scanning.title') })).toBeVisible();
  }

  field(name: string): Locator {
    return this.page.locator(`input[name="${name}"]`);
  }

  /** A row of "Scans received", found by the source and kind the app wrote on it. */
  received(source: ScanSourceName, kind: string): Locator {
    return this.page.locator(`tr[data-source="${source}"][data-kind="${kind}"]`);
  }

  allReceived(): Locator {
    return this.page.locator('tr[data-source]');
  }

  /** Starts the test scan and sends the test label as a scanner with GS as Ctrl+] and Enter would. */
  async testScan(before: string, after: string): Promise<void> {
    await this.button('scanning.test.start').click();
    await expect(this.button('scanning.test.waiting')).toBeDisabled();
    await sendAsScanner(this.page, [before, { press: 'GS' }, after, { press: 'Enter' }]);
  }

  finding(): Locator {
    return this.page.locator('.scanning-finding');
  }

  async startCamera(): Promise<void> {
    await this.button('scanning.camera.start').click();
    await expect(this.page.locator('[data-camera="on"]')).toBeVisible();
  }

  /** Drops a file on the window as a person drags it from the file manager. */
  async dropFile(name: string, type: string, bytes: Buffer): Promise<void> {
    await this.page.evaluate(
      ([fileName, mime, base64]) => {
        const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], fileName, { type: mime }));
        window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      [name, type, bytes.toString('base64')] as const,
    );
  }

  async typeCode(code: string): Promise<void> {
    const form = this.page.getByRole('form', { name: this.t('scanning.manual.title') });
    await form.locator('[name=manual-code]').fill(code);
    await form.getByRole('button', { name: this.t('scanning.manual.send') }).click();
  }
}
