import { readFile } from 'node:fs/promises';
import { runSentSchema } from '../../electron/demo-central/test-controls';
import { unitGtinOf } from '../fixtures/demo';
import { expect, logInAndSync, siteOfTwo, test } from '../fixtures/site';
import { DashboardPage } from '../pages/DashboardPage';
import type { Person } from '../pages/LoginPage';
import { PickPage } from '../pages/PickPage';

const lead: Person = { name: 'Léa Bernard', badge: 'BADGE-LEAD01', pin: '9753' };

/**
 * The shift lead's day (issue #13) on two stations of one site: the office's dashboard follows a run
 * picked on the trolley without being opened again (main's events, from the office's own pull), then
 * the shift lead closes the day — every order on no trailer named with a reason — and takes the
 * report as CSV.
 */
test('the office’s dashboard follows the trolley’s picks as they reach it, and the day closes with a reason per order left, its report on screen and as CSV', async ({
  site,
}) => {
  test.setTimeout(300_000);
  await siteOfTwo(site, [{ ...lead, role: 'shift_lead' }]);
  const sent = runSentSchema.parse(await site.centre.call('POST', '/v1/test/send-run', { orders: 4, carrier: 'dpd' }));

  const { shell: shellA } = await logInAndSync(site.a, lead);
  await shellA.openArea('dashboard');
  const dashboard = new DashboardPage(site.a.page);
  await dashboard.expectReady();
  const pickedOfDpd = async (): Promise<number> => {
    let sum = 0;
    for (const board of await site.a.page.locator('[data-board-carrier="dpd"]').all())
      sum += Number(await board.locator('[data-figure="picked"]').getAttribute('data-value'));
    return sum;
  };
  const before = await pickedOfDpd();

  // The trolley picks the run and pushes it; the office hears of it at its next pull, the dashboard still open.
  const { shell: shellB, sync: syncB } = await logInAndSync(site.b, lead);
  await shellB.openArea('pick');
  const pick = new PickPage(site.b.page);
  await pick.takeNext();
  await pick.pickWholeRun(unitGtinOf);
  await shellB.openArea('sync');
  await syncB.syncNow();
  await syncB.expectBadge('idle', 0);
  // The office's scheduled pull comes within its interval (30 s); nothing on the page is reloaded or clicked.
  await expect.poll(pickedOfDpd, { timeout: 90_000, intervals: [1000] }).toBe(before + sent.orders.length);
  await expect(dashboard.screen()).toHaveAttribute('data-dashboard', 'ready');

  // The close of day: nothing left unpushed here, every order of the date on no trailer (none was dispatched) named.
  await dashboard.button('dashboard.close.open').click();
  const panel = site.a.page.locator('.close-day');
  await expect(panel).toHaveAttribute('data-close-day-step', 'explain');
  const left = Number(await panel.locator('form.close-day-explain').getAttribute('data-missing'));
  expect(left).toBeGreaterThanOrEqual(sent.orders.length);
  for (const orderId of sent.orders) await expect(panel.locator(`tr[data-order="${orderId}"]`)).toHaveCount(1);
  await panel.getByLabel(dashboard.t('dispatch.reasonAll')).fill('carried over to tomorrow');
  await panel.locator('[data-confirm-close]').click();

  const report = site.a.page.locator('.day-report');
  await expect(report).toHaveAttribute('data-day-closed', /^\d{4}-\d{2}-\d{2}$/);
  await expect(report.locator('tr[data-order]')).toHaveCount(left);
  await expect(site.a.page.locator('[data-close-day]')).toHaveCount(0);
  const [download] = await Promise.all([site.a.page.waitForEvent('download'), report.locator('[data-export-day-report]').click()]);
  const shipDate = (await report.getAttribute('data-day-closed')) ?? '';
  expect(download.suggestedFilename()).toBe(`day-report-${shipDate}.csv`);
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  const rows = csv.trim().split(/\r?\n/);
  expect(rows[0]).toBe('ship_date,closed_at,closed_by');
  expect(rows[1]?.startsWith(`${shipDate},`)).toBe(true);
  expect(rows.filter((row) => row.endsWith(',carried over to tomorrow'))).toHaveLength(left);
  for (const orderId of sent.orders) expect(csv).toContain(`${orderId},dpd,not_packed,carried over to tomorrow`);
});
