import { expect, type Locator, type Page } from '@playwright/test';
import type { Stage } from '../../shared/dashboard';
import { StationPage } from './StationPage';

export type Figure = 'due' | Stage;
export type ForecastStage = 'pick' | 'pack';

/** One carrier's truck on the dashboard: its figures and its forecast per stage. */
export class DashboardBoard {
  constructor(readonly root: Locator) {}

  /** Orders due, picked, packed or dispatched, as the board shows them (`data-value`, the number itself). */
  async figure(name: Figure): Promise<number> {
    const value = await this.root.locator(`[data-figure="${name}"]`).getAttribute('data-value');
    return Number(value);
  }

  async figures(): Promise<Readonly<Record<Figure, number>>> {
    return {
      due: await this.figure('due'),
      picked: await this.figure('picked'),
      packed: await this.figure('packed'),
      dispatched: await this.figure('dispatched'),
    };
  }

  /** The forecast's words ("At risk: 2 more people for packing"). */
  forecastText(stage: ForecastStage): Locator {
    return this.root.locator(`[data-forecast="${stage}"] [data-forecast-text]`);
  }

  /** done, on_track, at_risk, no_rate or late. */
  async verdict(stage: ForecastStage): Promise<string | null> {
    return this.root.locator(`[data-forecast="${stage}"]`).getAttribute('data-verdict');
  }
}

/** The shift lead's dashboard (issue #13): a board per carrier and cutoff, the day's chart, open exceptions, sync state. */
export class DashboardPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  screen(): Locator {
    return this.page.locator('main.dashboard');
  }

  /** Opens it from the navigation and waits for main's answer. */
  async open(): Promise<void> {
    await this.page
      .locator('.shell-nav')
      .getByRole('link', { name: this.t('shell.areas.dashboard') })
      .click();
    await this.expectReady();
  }

  async expectReady(): Promise<void> {
    await expect(this.screen()).toHaveAttribute('data-dashboard', 'ready');
  }

  /** The board of `carrier` (its code: `colissimo`, `dpd`), the one of `cutoff` (ISO instant) when it has several. */
  board(carrier: string, cutoff?: string): DashboardBoard {
    const selector = `[data-board-carrier="${carrier}"]${cutoff ? `[data-board-cutoff="${cutoff}"]` : ''}`;
    return new DashboardBoard(this.page.locator(selector).first());
  }

  boards(): Locator {
    return this.page.locator('[data-board-carrier]');
  }

  /** The chart of the day, by its accessible name. */
  chart(): Locator {
    return this.page.getByRole('region', { name: this.t('dashboard.chart.title') });
  }

  /** Waits for the chart drawn (recharts' picture, named by its summary), not only its table. */
  async expectChartVisible(): Promise<void> {
    await expect(this.chart()).toBeVisible();
    await expect(this.chart().getByRole('img')).toBeVisible();
  }

  /** The open-exceptions panel; its cards are the exceptions screen's (ExceptionsPage finds them the same way). */
  exceptions(): Locator {
    return this.page.locator('.dashboard-exceptions');
  }

  async openExceptionCount(): Promise<number> {
    const panel = this.exceptions();
    await expect(panel).toHaveAttribute('data-dashboard-exceptions', /\d+/);
    return Number(await panel.getAttribute('data-dashboard-exceptions'));
  }

  /** Events waiting to go to the centre, as the sync panel says. */
  async pendingEvents(): Promise<number> {
    return Number(await this.page.locator('.dashboard-sync [data-sync-pending]').getAttribute('data-sync-pending'));
  }
}
