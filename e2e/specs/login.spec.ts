import { admin, picker, stationWithAdmin } from '../fixtures/people';
import { expect, test } from '../fixtures/station';

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

test('an unknown badge and a wrong PIN are told apart, in the station language', async ({ station }) => {
  const { login, shell } = await stationWithAdmin(station);
  await shell.logOut();

  await login.scanBadge('BADGE-NOBODY');
  await login.enterPin('1111');
  await login.expectFeedback('error', 'errors.BADGE_UNKNOWN');
  await login.expectScreen('login');

  await login.scanBadge(admin.badge);
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

  await login.scanBadge(admin.badge);
  await login.enterPin(admin.pin);
  await expect(login.feedback('error')).toContainText(lockedText);
  await login.expectScreen('login');
});
