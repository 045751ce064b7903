import { skipUnless } from '../support/skip';
import { admin, picker, stationWithAdmin } from '../fixtures/people';
import { expect, test } from '../fixtures/station';
import { LoginPage } from '../pages/LoginPage';

test('a badge scanned at scanner speed, then the PIN, logs the person in', async ({ station }) => {
  const { login, shell, admin: adminPage } = await stationWithAdmin(station);
  await shell.openArea('admin');
  await adminPage.createUser({ ...picker, role: 'picker' });
  await shell.logOut();

  await login.scanBadge(picker.badge);
  await login.enterPin(picker.pin);
  await login.expectScreen('ready');
  await shell.expectUser(picker.name, 'roles.picker');
  await login.expectFeedback('ok', 'login.welcome', { name: picker.name });
});

test('an unknown badge is refused, in words, before the PIN is asked; a wrong PIN is told apart', async ({ station }) => {
  const { login, shell } = await stationWithAdmin(station);
  await shell.logOut();

  await login.scanBadge('BADGE-NOBODY');
  await login.expectFeedback('error', 'errors.BADGE_UNKNOWN');
  await expect(station.page.locator('input[name=pin]')).toHaveCount(0);
  // The badge field stays, focused, for the next badge.
  await expect(station.page.locator('input[name=badge]')).toBeFocused();

  await login.scanBadge(admin.badge);
  await expect(station.page.getByText(login.t('login.pinFor', { name: admin.name }))).toBeVisible();
  await login.enterPin('0000');
  await login.expectFeedback('error', 'errors.WRONG_PIN', { attemptsLeft: 4 });
});

test('five wrong PINs lock the badge, even against the right PIN afterwards', async ({ station }) => {
  const { login, shell } = await stationWithAdmin(station);
  await shell.logOut();
  await login.scanBadge(admin.badge);
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await login.enterPin('0000');
    await login.expectFeedback('error', 'errors.WRONG_PIN', { attemptsLeft: 5 - attempt });
  }
  await login.enterPin('0000');
  const lockedText = login.t('errors.BADGE_LOCKED', { retryAt: '' }).split(' ').slice(0, 4).join(' ');
  await expect(login.feedback('error')).toContainText(lockedText);

  // A locked badge is refused when it is scanned: no PIN is asked for it.
  await login.scanBadge(admin.badge);
  await expect(login.feedback('error')).toContainText(lockedText);
  await expect(station.page.locator('input[name=pin]')).toHaveCount(0);
  await login.expectScreen('login');
});

test('the web address without its token, or with a wrong one, says to open the address the web host printed', async ({ station, browser }) => {
  skipUnless(test.info(), station.host === 'web', 'only the web host has a token in its address');
  const origin = new URL(station.page.url()).origin;
  for (const address of [`${origin}/`, `${origin}/#token=not-the-token-of-this-host-xxxxxx`]) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const login = new LoginPage(page);
      await page.goto(address);
      await login.expectScreen('unreachable');
      await expect(page.getByRole('alert')).toHaveText(login.t('app.openHostAddress'));
    } finally {
      await context.close();
    }
  }
});
