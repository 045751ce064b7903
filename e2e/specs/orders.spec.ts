import { demoStation } from '../fixtures/demo';
import { admin } from '../fixtures/people';
import { expect, test } from '../fixtures/station';

// Issue #10: the orders list uses the height it has (it showed 8 rows even at 1920×1080), a scan
// filters it, and a row opens its detail.

test('the orders list fills the screen, a scanned order number filters it, and a row opens the order', async ({ station }) => {
  const { page } = station;
  await page.setViewportSize({ width: 1920, height: 1080 });
  const { login, shell } = await demoStation(station, []);
  await login.logIn(admin);
  await shell.openArea('orders');

  const rows = page.locator('.data-table tbody tr');
  await expect(rows.first().locator('code')).toBeVisible();
  // More than the old fixed 8, and the last row and the pager still on screen.
  await expect.poll(async () => rows.count()).toBeGreaterThan(8);
  const last = await rows.last().boundingBox();
  const pager = await page.locator('.data-table-pager').boundingBox();
  expect(last && pager, 'a full page of rows and its pager').toBeTruthy();
  if (!last || !pager) return;
  expect(pager.y + pager.height, 'the pager is on screen').toBeLessThanOrEqual(1080);
  // Filled: no room left for another row under the pager.
  expect(1080 - (pager.y + pager.height)).toBeLessThan(last.height + 48);

  const second = (await rows.nth(1).locator('code').textContent()) ?? '';
  await expect(page.locator('input[name=orders-filter]')).toBeFocused();
  await shell.scan(second);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(second);

  await rows.first().click();
  await expect(page.locator(`[data-order="${second}"]`)).toBeVisible();
  await expect(page.getByRole('heading', { name: shell.t('orders.detailTitle', { id: second }) })).toBeVisible();
  await expect(page.locator('.data-table tbody tr').first()).toBeVisible();
  await shell.button('orders.back').click();
  await expect(page.locator('[data-orders-filter]')).toBeVisible();
});
