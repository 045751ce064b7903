import { aPickFace, aStoredPallet, demoStation, dock, unitGtin } from '../fixtures/demo';
import { admin } from '../fixtures/people';
import { expect, test } from '../fixtures/station';
import { AdminPage } from '../pages/AdminPage';
import type { Person } from '../pages/LoginPage';
import { StockPage } from '../pages/StockPage';

const receiver: Person & { role: 'receiver' } = { name: 'Rita Moreau', badge: 'BADGE-RCV01', pin: '2468', role: 'receiver' };
const picker: Person & { role: 'picker' } = { name: 'Paul Dubois', badge: 'BADGE-PCK01', pin: '1357', role: 'picker' };
const lead: Person & { role: 'shift_lead' } = { name: 'Léa Bernard', badge: 'BADGE-LEAD01', pin: '9753', role: 'shift_lead' };

test('look up an item, a location and a pallet by scanning them, with their history', async ({ station }) => {
  const { login, shell } = await demoStation(station, [picker]);
  await login.logIn(picker);
  await shell.openArea('stock');
  const stock = new StockPage(station.page);
  const { loose, product } = aPickFace();

  await stock.lookUp(unitGtin(product));
  await expect(stock.header('product')).toContainText(product.sku);
  await expect(stock.header('product')).toContainText(product.description.fr);
  await expect(stock.lines().filter({ hasText: loose.locationCode })).toContainText(String(loose.quantity));

  await stock.lookUp(loose.locationCode);
  await expect(stock.header('location')).toContainText(loose.locationCode);
  await expect(stock.lines()).toHaveCount(1);
  await stock.page.getByRole('tab', { name: stock.t('stock.historyTab') }).click();
  await stock.button('stock.showHistory').click();
  await expect(stock.lines().first()).toContainText(stock.t('stock.movementKinds.opening'));

  const pallet = aStoredPallet();
  await stock.lookUp(pallet.sscc);
  await expect(stock.header('container')).toContainText(pallet.locationCode);

  // A GTIN with a wrong check digit: unknown, and said to look like an item's barcode.
  await stock.lookUp('4006381333932');
  await stock.expectFeedback('error', 'errors.UNKNOWN_BARCODE_LOOKS_LIKE', { code: '4006381333932', kind: stock.t('scanning.kinds.gtin') });
});

test('a receiver moves a whole pallet: its SSCC, the destination, and the SSCC again as the yes it needs', async ({ station }) => {
  const { login, shell } = await demoStation(station, [receiver]);
  await login.logIn(receiver);
  await shell.openArea('stock');
  const stock = new StockPage(station.page);
  const pallet = aStoredPallet();
  const units = pallet.lines.reduce((sum, line) => sum + line.quantity, 0);

  await stock.movePallet(pallet.sscc, dock());
  await stock.expectFeedback('ok', 'stock.moved', { quantity: units, from: pallet.sscc, to: dock() });

  await stock.lookUp(pallet.sscc);
  await expect(stock.header('container')).toContainText(dock());
  await stock.lookUp(pallet.locationCode);
  await expect(stock.page.getByText(stock.t('stock.empty'))).toBeVisible();
});

test('a count that does not match is recounted blind, then approved by a shift lead', async ({ station }) => {
  const { login, shell } = await demoStation(station, [picker, lead]);
  const { loose, product } = aPickFace();
  const gtin = unitGtin(product);

  await login.logIn(picker);
  await shell.openArea('stock');
  const stock = new StockPage(station.page);
  await stock.countLocation(loose.locationCode, [gtin, gtin]);
  await stock.expectFeedback('attention', 'stock.countRecount');
  await expect(stock.countSection()).toHaveAttribute('data-count-round', '2');
  await stock.countLocation(loose.locationCode, [gtin, gtin]);
  await stock.expectFeedback('attention', 'stock.countPending');
  await expect(stock.countSection()).toHaveAttribute('data-count-status', 'pending_approval');
  // A picker has no approvals tab, and main refuses the operation anyway.
  await expect(station.page.getByRole('tab', { name: stock.t('stock.tabs.approvals') })).toHaveCount(0);
  await shell.logOut();

  await login.logIn(lead);
  await shell.openArea('stock');
  await stock.openTab('approvals');
  const approval = station.page.locator(`[data-approval="${loose.locationCode}"]`);
  await expect(approval).toContainText(product.sku);
  await expect(approval).toContainText(String(2 - loose.quantity));
  await approval.locator('input').fill('recompté deux fois');
  await approval.getByRole('button', { name: stock.t('stock.approve') }).click();
  await stock.expectFeedback('ok', 'stock.approved', { location: loose.locationCode });

  await stock.lookUp(loose.locationCode);
  await expect(stock.lines().first()).toContainText('2');
});

test('a picker trying to adjust stock is refused in main, whatever the screen shows, and it is audited', async ({ station }) => {
  const { login, shell } = await demoStation(station, [picker]);
  const { loose, product } = aPickFace();
  await login.logIn(picker);
  const attempt = await shell.callOperation('stock:adjust', { location: loose.locationCode, gtin: unitGtin(product), delta: 100, reason: 'found more' });
  expect(attempt).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await shell.logOut();

  await login.logIn(admin);
  await shell.openArea('stock');
  const stock = new StockPage(station.page);
  await stock.lookUp(loose.locationCode);
  await expect(stock.lines().first()).toContainText(String(loose.quantity));
  await shell.openArea('admin');
  const refusals = await new AdminPage(station.page).showRefusals();
  await expect(refusals.filter({ has: station.page.locator('[data-action="stock:adjust"]') })).toContainText(picker.name);
});
