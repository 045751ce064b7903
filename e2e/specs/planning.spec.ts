import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { demoStation } from '../fixtures/demo';
import { picker } from '../fixtures/people';
import { expect, test } from '../fixtures/station';
import type { Person } from '../pages/LoginPage';
import { PlanningPage } from '../pages/PlanningPage';

// Issue #12: the shift lead previews tomorrow's pick runs on the demo site — runs, the walk saved
// against first come, a run's stops in route order, and the orders its stock cannot fill.

const lead: Person & { role: 'shift_lead' } = { name: 'Léa Bernard', badge: 'BADGE-LEAD01', pin: '9753', role: 'shift_lead' };

/** Screenshots to look at, when a folder is given (QUAI_SHOTS); nothing is written otherwise. */
async function shot(page: Page, name: string): Promise<void> {
  const folder = process.env['QUAI_SHOTS'];
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), animations: 'disabled' });
}

/** Nothing wider or taller than the window, no figure cut, table text readable at 2 m (>= 20 px), and axe finds nothing serious. */
async function expectReadable(page: Page): Promise<void> {
  const layout = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    below: Math.max(0, ...[...document.querySelectorAll('.data-table')].map((table) => table.getBoundingClientRect().bottom - window.innerHeight)),
    cut: [...document.querySelectorAll('.planning-figures .big-number-label, .planning-figures .big-number-value')]
      .filter((node) => node.scrollWidth > node.clientWidth)
      .map((node) => node.textContent),
    smallest: Math.min(...[...document.querySelectorAll('.data-table td, .data-table th')].map((cell) => parseFloat(getComputedStyle(cell).fontSize))),
  }));
  expect(layout.overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
  expect(layout.below, 'the table and its pager on screen').toBeLessThanOrEqual(0);
  expect(layout.cut, 'figures cut short').toEqual([]);
  expect(layout.smallest, 'table text size').toBeGreaterThanOrEqual(20);
  // As every screen (accessibility.spec.ts): no serious or critical WCAG 2 A/AA violation.
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, 'serious or critical accessibility violations').toEqual([]);
}

test('the shift lead sees tomorrow’s runs with the walk saved, a run’s stops in route order, and the orders that cannot be filled', async ({ station }) => {
  test.setTimeout(120_000);
  const { page } = station;
  const { login, shell } = await demoStation(station, [lead]);
  const planning = new PlanningPage(page);
  await login.logIn(lead);
  await shell.openArea('runs');
  await planning.expectPlan();

  const views = [
    { locale: 'fr', size: { width: 1366, height: 768 } },
    { locale: 'zh-CN', size: { width: 1366, height: 768 } },
    { locale: 'en', size: { width: 1024, height: 768 } },
  ] as const;
  for (const { locale, size } of views) {
    await page.setViewportSize(size);
    if (locale !== shell.locale) await shell.switchLanguage(locale);
    planning.locale = locale;
    const tag = `${size.width}x${size.height}-${locale}`;

    // The demo site's orders are mostly fillable: runs, and a walk shorter than first come's.
    await expect(planning.runRows().first()).toBeVisible();
    expect(await planning.runRows().count()).toBeGreaterThan(0);
    const runs = Number((await planning.figure('picking.runs').textContent())?.replace(/\D/g, ''));
    expect(runs).toBeGreaterThan(1);
    await expect(planning.figure('picking.saving')).toHaveText(/[1-9]\d?\s?%/);
    await expect(page.locator('.planning-baseline')).toBeVisible();
    await expectReadable(page);
    await shot(page, `${tag}-1-runs`);

    // A run opens on its stops, in route order, each with its location, SKU, quantity and tote slot.
    await planning.openRun(1);
    await expect(planning.stopRows().first()).toBeVisible();
    const first = planning.stopRows().first().locator('td');
    await expect(first.nth(0)).toHaveText('1');
    await expect(first.nth(1)).toHaveText(/^[A-Z]{1,3}-\d{2}-\d{2}-\d$/);
    await expect(first.nth(2)).not.toBeEmpty();
    await expect(first.nth(3)).toHaveText(/^\d+$/);
    await expect(first.nth(4)).toHaveText(/^\d+$/);
    const stops = (await planning.stopRows().locator('td:first-child').allTextContents()).map(Number);
    expect(stops, 'stop numbers in route order').toEqual([...stops].sort((a, b) => a - b));
    await expectReadable(page);
    await shot(page, `${tag}-2-run`);
    await planning.backToRuns();

    // A few orders ask for a product the site does not stock: flagged with what they lack.
    await planning.openUnfillable();
    await expect(planning.unfillableRows().first()).toBeVisible();
    const missing = planning.unfillableRows().first().locator('td');
    await expect(missing.nth(0)).toHaveText(/^MP-\d{6}-\d{7}$/);
    await expect(missing.nth(4)).toHaveText(/^\d+$/);
    await expectReadable(page);
    await shot(page, `${tag}-3-unfillable`);
    await page.locator('.tabs a[role=tab][href$="/runs/runs"]').click();
  }

  // Plan again: the runs come back, from main.
  await planning.button('picking.refresh').click();
  await planning.expectPlan();
  await expect(planning.runRows().first()).toBeVisible();

  // The site's own limits: smaller trolleys, more runs, none over four orders; the same after a reload.
  const before = Number((await planning.figure('picking.runs').textContent())?.replace(/\D/g, ''));
  await planning.setLimits({ ordersPerRun: 4, toteSlots: 4 });
  await expect(page.locator('.planning-limits')).toContainText(planning.t('picking.siteLimits', { orders: 4, lines: 150, units: 400, slots: 4 }));
  const after = Number((await planning.figure('picking.runs').textContent())?.replace(/\D/g, ''));
  expect(after).toBeGreaterThan(before);
  const ordersPerRun = (await planning.runRows().locator('td:nth-child(4)').allTextContents()).map(Number);
  expect(Math.max(...ordersPerRun)).toBeLessThanOrEqual(4);
  await expectReadable(page);
  await shot(page, 'site-limits');
  await page.reload();
  await planning.expectPlan();
  await expect(page.locator('.planning-limits[data-limits="site"]')).toBeVisible();
});

test('a picker has no pick runs area, and main refuses the plan to a picker', async ({ station }) => {
  const { login, shell } = await demoStation(station, [{ ...picker, role: 'picker' }]);
  await login.logIn(picker);
  await expect(shell.areaButtons().filter({ hasText: shell.t('shell.areas.home') })).toHaveCount(1);
  await expect(shell.areaButtons().filter({ hasText: shell.t('shell.areas.runs') })).toHaveCount(0);
  // Going around the screen, to the address or straight to the operation, does not plan either.
  await shell.page.evaluate(() => (window.location.hash = '#/runs'));
  await expect(shell.page).toHaveURL(/#\/home$/);
  await expect(shell.page.locator('main.planning')).toHaveCount(0);
  expect(await shell.callOperation('picking:plan', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
