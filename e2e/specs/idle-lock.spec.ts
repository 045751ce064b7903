import { admin, receiver, stationWithAdmin } from '../fixtures/people';
import { expect, test } from '../fixtures/station';
import { LockPage } from '../pages/LoginPage';

test('a station left alone locks itself; the PIN unlocks it', async ({ station }) => {
  const { shell, admin: adminPage } = await stationWithAdmin(station);
  await shell.openArea('admin');
  await adminPage.setIdleLockSeconds(5);

  // Main locks it and tells the page; the lock screen is the app's own event, waited for here.
  const lock = new LockPage(station.page);
  // Five idle seconds and main's next check: on a busy machine that may take a while, never forever.
  await expect(station.page.locator('.app[data-screen="locked"]')).toBeVisible({ timeout: 30_000 });
  await expect(station.page.getByText(lock.t('lock.who', { name: admin.name }))).toBeVisible();

  await lock.unlock('0000');
  await lock.expectFeedback('error', 'errors.WRONG_PIN', { attemptsLeft: 4 });
  await lock.unlock(admin.pin);
  await lock.expectScreen('ready');
});

test('a different badge on a locked station switches user', async ({ station }) => {
  const { shell, admin: adminPage, login } = await stationWithAdmin(station);
  await shell.openArea('admin');
  await adminPage.createUser({ ...receiver, role: 'receiver' });
  await shell.lock();

  const lock = new LockPage(station.page);
  await lock.button('lock.otherUser').click();
  await expect(station.page.locator('input[name=badge]')).toBeFocused();
  await lock.scan(receiver.badge);
  await login.enterPin(receiver.pin);
  await lock.expectScreen('ready');
  await shell.expectUser(receiver.name, 'roles.receiver');
  await expect(shell.areaButtons().filter({ hasText: shell.t('shell.areas.admin') })).toHaveCount(0);
});
