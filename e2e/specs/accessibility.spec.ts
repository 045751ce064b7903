import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Locale } from '../../shared/locale';
import { aPickFace, demoStation, unitGtin } from '../fixtures/demo';
import { admin } from '../fixtures/people';
import { expect, test } from '../fixtures/station';
import { DispatchPage } from '../pages/DispatchPage';
import type { Person } from '../pages/LoginPage';
import { ShellPage } from '../pages/ShellPage';
import { StockPage } from '../pages/StockPage';

// Issue #10: every screen, in every language, passes axe's WCAG 2 A/AA rules with no serious or
// critical violation, and is readable at 2 m at 1366×768 (instruction, answer, quantities ≥ 48 px,
// table text ≥ 20 px, nothing acted on < 18 px; a long name never pushes Lock/Logout away).

/** 80 characters: the longest name a person may have. */
const longName = 'Léa-Marie Bernard-Lefebvre de la Tour d’Auvergne et des Marches du Rouergue Sud'.padEnd(80, 'x').slice(0, 80);
const lead: Person & { role: 'shift_lead' } = { name: longName, badge: 'BADGE-LEAD01', pin: '9753', role: 'shift_lead' };
const localeLabels: Readonly<Record<Locale, string>> = { fr: 'Français', en: 'English', 'zh-CN': '中文' };

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `${screen}: serious or critical accessibility violations`).toEqual([]);
}

/** The computed font size, in px, of every visible element a selector matches. */
async function fontSizes(page: Page, selector: string): Promise<{ text: string; size: number }[]> {
  return page
    .locator(selector)
    .evaluateAll((nodes) =>
      nodes
        .filter((node) => (node as HTMLElement).offsetParent !== null && node.getBoundingClientRect().width > 0)
        .map((node) => ({ text: (node.textContent ?? '').trim().slice(0, 40) || node.tagName, size: parseFloat(getComputedStyle(node).fontSize) })),
    );
}

async function expectAtLeast(page: Page, selector: string, px: number): Promise<void> {
  const sizes = await fontSizes(page, selector);
  expect(sizes.length, `${selector} is on screen`).toBeGreaterThan(0);
  expect(
    sizes.filter((found) => found.size < px),
    `${selector} at least ${px}px`,
  ).toEqual([]);
}

/** Nothing a person acts on (buttons, links, fields, tabs) below 18 px. */
const expectActionsReadable = (page: Page): Promise<void> =>
  expectAtLeast(page, 'button:not(.visually-hidden), a[href], input:not([type=file]):not([type=checkbox]):not([type=radio]), select, [role=tab]', 18);

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((to) => (window.location.hash = to), hash);
  await expect(page.locator('.shell-body main')).toBeVisible();
  await expect(page.locator('[data-load="loading"]')).toHaveCount(0);
}

for (const locale of ['fr', 'en', 'zh-CN'] as const) {
  test(`every screen in ${locale} passes axe (WCAG 2 AA) and is readable at 2 m at 1366×768`, async ({ station }) => {
    test.setTimeout(300_000);
    const { page } = station;
    await page.setViewportSize({ width: 1366, height: 768 });
    const { login, shell } = await demoStation(station, [lead]);
    const { loose, product } = aPickFace();

    // Login, in the language picked on it.
    await page.getByRole('button', { name: localeLabels[locale], exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expectAccessible(page, 'login');
    await expectActionsReadable(page);

    // The admin's screens.
    await login.logIn(admin);
    await shell.switchLanguage(locale);
    const stock = new StockPage(page);
    stock.locale = locale;
    for (const hash of [
      '#/home',
      '#/orders',
      '#/sync',
      '#/exceptions',
      '#/exceptions/resolved',
      '#/scanner',
      '#/stock/codes',
      '#/admin/people',
      '#/admin/settings',
      '#/admin/locations',
      '#/admin/audit',
    ]) {
      await go(page, hash);
      await expectAccessible(page, hash);
      await expectActionsReadable(page);
    }
    await go(page, '#/stock/lookup');
    await stock.scanInto('lookup', unitGtin(product));
    await expect(stock.header('product')).toContainText(product.sku);
    await expectAccessible(page, 'stock look-up');
    await expectAtLeast(page, '.lookup-header h2', 48);
    await expectAtLeast(page, '.data-table td', 20);
    await expectActionsReadable(page);
    await shell.logOut();

    // A shift lead with an 80-character name: move and count.
    await login.logIn(lead);
    const leadShell = new ShellPage(page);
    await leadShell.switchLanguage(locale);
    const name = page.locator('.shell-user-name');
    expect(await name.evaluate((node) => node.scrollWidth > node.clientWidth), 'the long name is cut with an ellipsis').toBe(true);
    for (const key of ['shell.lock', 'shell.logout']) {
      const box = await leadShell.button(key).boundingBox();
      expect(box, key).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0), `${key} stays on screen`).toBeLessThanOrEqual(1366);
    }
    await go(page, '#/stock/move');
    await expectAccessible(page, 'stock move');
    await expectAtLeast(page, '.step-prompt', 48);
    await expectAtLeast(page, '.scan-field-input', 48);
    await expectActionsReadable(page);
    await stock.scanInto('move-from', loose.locationCode);
    await stock.expectStep('move', 'item');
    await expectAccessible(page, 'stock move, item step');

    await go(page, '#/stock/count');
    await stock.scanInto('count-location', loose.locationCode);
    await expect(stock.countSection()).toHaveAttribute('data-count-status', 'counting');
    await expectAccessible(page, 'stock count');
    await expectAtLeast(page, '.step-prompt', 48);
    await expectAtLeast(page, '.big-number-value', 48);
    await expectActionsReadable(page);
    // A refused scan: the step's answer is big too, and on screen without scrolling.
    // The refusal itself: until main answers, the count's "started" answer is still on screen.
    await stock.scanInto('count-item', 'NOT-A-CODE-0000');
    await stock.expectFeedback('error', 'errors.UNKNOWN_BARCODE', { code: 'NOT-A-CODE-0000' });
    const answer = page.locator('.step-message-error');
    await expectAtLeast(page, '.step-message-error', 48);
    const box = await answer.boundingBox();
    expect((box?.y ?? 999) + (box?.height ?? 0), 'the answer to a scan is on screen without scrolling').toBeLessThanOrEqual(768);

    // Packing and dispatch (issue #13): the pack station's first step, the dock, a trailer being loaded.
    for (const hash of ['#/pack', '#/dispatch']) {
      await go(page, hash);
      await expectAccessible(page, hash);
      await expectAtLeast(page, '.step-prompt', 48);
      await expectActionsReadable(page);
    }
    const dispatch = new DispatchPage(page);
    dispatch.locale = locale;
    await dispatch.openTrailer((await page.locator('.dock-carrier').first().getAttribute('data-carrier')) ?? '', 'AB-123-CD');
    await expectAccessible(page, 'dispatch, a trailer being loaded');
    await expectAtLeast(page, '.dispatch-figures .big-number-value', 48);
    await expectAtLeast(page, '.data-table td', 20);
    await expectActionsReadable(page);
  });
}
