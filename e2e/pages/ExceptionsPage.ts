import { expect, type Locator, type Page } from '@playwright/test';
import type { ExceptionAction } from '../../shared/sync/status';
import { StationPage } from './StationPage';

/** The shift lead's exceptions of the site (issue #12): one card per open exception, its actions as buttons. */
export class ExceptionsPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  /** The open exception of `kind` about `subject` (`SKU@LOCATION`, an order id). */
  exception(kind: string, subject: string): Locator {
    return this.page.locator(`[data-exception-kind="${kind}"]`).filter({ has: this.page.locator('.exception-subject', { hasText: subject }) });
  }

  /** Settles it with a note: the card leaves the open list. */
  async settle(card: Locator, action: ExceptionAction, note: string): Promise<void> {
    await card.getByRole('textbox', { name: this.t('exceptions.note') }).fill(note);
    await card.locator(`[data-action="${action}"]`).click();
    await expect(card).toHaveCount(0);
  }
}
