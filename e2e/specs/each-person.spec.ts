import { aPickFace, aStoredPallet, demoStation, dock, unitGtin } from '../fixtures/demo';
import { expect, test } from '../fixtures/station';
import { LockPage, type Person } from '../pages/LoginPage';
import { StockPage } from '../pages/StockPage';

// Issue #10, "each person starts clean", and issue #8, "the lock overlays the screen".
const receiver: Person & { role: 'receiver' } = { name: 'Rita Moreau', badge: 'BADGE-RCV01', pin: '2468', role: 'receiver' };
const lead: Person & { role: 'shift_lead' } = { name: 'Léa Bernard', badge: 'BADGE-LEAD01', pin: '9753', role: 'shift_lead' };

test('locked mid-move after two steps, the same person unlocks on the same screen at the same step', async ({ station }) => {
  const { login, shell } = await demoStation(station, [receiver]);
  await login.logIn(receiver);
  await shell.openArea('stock');
  const stock = new StockPage(station.page);
  const { loose, product } = aPickFace();
  await stock.openTab('move');
  await stock.scanInto('move-from', loose.locationCode);
  await stock.expectStep('move', 'item');
  await stock.scanInto('move-item', unitGtin(product));
  await stock.expectStep('move', 'quantity');
  const address = new URL(station.page.url()).hash;
  expect(address).toBe('#/stock/move');

  await shell.lock();
  // The lock lies over the screen: nothing under it can be reached, and its scan field is not live.
  await expect(station.page.locator('.app-work')).toHaveAttribute('inert', '');
  await new LockPage(station.page).unlock(receiver.pin);
  await stock.expectScreen('ready');

  expect(new URL(station.page.url()).hash).toBe(address);
  await stock.expectStep('move', 'quantity');
  await expect(station.page.locator('[data-step-id="from"]')).toContainText(loose.locationCode);
  await expect(station.page.locator('[data-step-id="item"]')).toContainText(product.sku);
  await stock.enterQuantity(1);
  await stock.expectStep('move', 'to');
});

test("a receiver's half-move does not carry over: the shift lead starts at step 1 and history never names them for it", async ({ station }) => {
  const { login, shell } = await demoStation(station, [receiver, lead]);
  const pallet = aStoredPallet();
  const line = pallet.lines[0];
  if (!line) throw new Error('the demo pallet has a line');

  await login.logIn(receiver);
  await shell.openArea('stock');
  const stock = new StockPage(station.page);
  await stock.lookUp(pallet.locationCode);
  await expect(stock.header('location')).toContainText(pallet.locationCode);
  await stock.openTab('move');
  await stock.scanInto('move-from', pallet.sscc);
  await stock.expectStep('move', 'item');
  await stock.scanInto('move-item', line.gtin.slice(1));
  await stock.expectStep('move', 'quantity');
  await shell.logOut();

  await login.logIn(lead);
  await shell.expectUser(lead.name, 'roles.shift_lead');
  // The next person starts on their role's first screen (a shift lead's: the dashboard), not on the last one's.
  expect(new URL(station.page.url()).hash).toBe('#/dashboard');
  await shell.openArea('stock');
  // The receiver's look-up is gone.
  await expect(stock.header('location')).toHaveCount(0);
  await stock.openTab('move');
  await stock.expectStep('move', 'from');
  await expect(station.page.locator('[data-step-id="from"]')).not.toContainText(pallet.sscc);
  // What the receiver meant as step 3 is step 1 here: an origin, not the end of their move.
  await stock.scanInto('move-from', dock());
  await stock.expectFeedback('error', 'errors.ORIGIN_EMPTY', { code: dock() });
  await stock.expectStep('move', 'from');

  const history = (await stock.callOperation('stock:history', { subject: { kind: 'container', code: pallet.sscc } })) as {
    ok: boolean;
    value?: { movements: { kind: string; user: string | null }[] };
  };
  expect(history.ok).toBe(true);
  expect(history.value?.movements.filter((movement) => movement.kind !== 'opening')).toEqual([]);
});

test('a different badge at the lock screen is a new person: home, and nothing of the last one', async ({ station }) => {
  const { login, shell } = await demoStation(station, [receiver, lead]);
  const { loose } = aPickFace();
  await login.logIn(receiver);
  await shell.openArea('stock');
  const stock = new StockPage(station.page);
  await stock.openTab('move');
  await stock.scanInto('move-from', loose.locationCode);
  await stock.expectStep('move', 'item');
  await shell.lock();

  const lock = new LockPage(station.page);
  await lock.button('lock.otherUser').click();
  await expect(station.page.locator('input[name=badge]')).toBeFocused();
  await lock.scan(lead.badge);
  await login.enterPin(lead.pin);
  await lock.expectScreen('ready');
  await shell.expectUser(lead.name, 'roles.shift_lead');
  expect(new URL(station.page.url()).hash).toBe('#/dashboard');
  await shell.openArea('stock');
  await stock.openTab('move');
  await stock.expectStep('move', 'from');
  await expect(station.page.locator('[data-step-id="from"]')).not.toContainText(loose.locationCode);
});

test('a count shows its state after approval, on the screen it was counted on', async ({ station }) => {
  const { login, shell } = await demoStation(station, [lead]);
  const { loose, product } = aPickFace();
  const gtin = unitGtin(product);
  await login.logIn(lead);
  await shell.openArea('stock');
  const stock = new StockPage(station.page);
  await stock.countLocation(loose.locationCode, [gtin]);
  await expect(stock.countSection()).toHaveAttribute('data-count-round', '2');
  await stock.countLocation(loose.locationCode, [gtin]);
  await expect(stock.countSection()).toHaveAttribute('data-count-status', 'pending_approval');

  await stock.openTab('approvals');
  const approval = station.page.locator(`[data-approval="${loose.locationCode}"]`);
  await approval.locator('input').fill('recompté deux fois');
  await approval.getByRole('button', { name: stock.t('stock.approve') }).click();
  await stock.expectFeedback('ok', 'stock.approved', { location: loose.locationCode });
  await expect(station.page.getByText(stock.t('stock.noApprovals'))).toBeVisible();

  await stock.openTab('count');
  await expect(stock.countSection()).toHaveAttribute('data-count-status', 'approved');
  await expect(station.page.locator('[data-count-outcome]')).toContainText(stock.t('stock.countStatus.approved'));
});
