import { admin, stationWithAdmin } from '../fixtures/people';
import { expect, test } from '../fixtures/station';

// Issue #10: a banner never moves the screen, never outlives a language switch, and the field a
// person types into keeps the focus whatever they clicked.

test('an error banner lies over the screen: the badge field does not move when it comes', async ({ station }) => {
  const { login, shell } = await stationWithAdmin(station);
  await shell.logOut();
  const field = station.page.locator('input[name=badge]');
  await expect(field).toBeFocused();
  const before = await field.boundingBox();

  await login.scanBadge('BADGE-NOBODY');
  await login.expectFeedback('error', 'errors.BADGE_UNKNOWN');
  expect(await field.boundingBox()).toEqual(before);
  // Read from 2 m: the banner's words are at least 48 px.
  const size = await login
    .feedback('error')
    .locator('.feedback-text')
    .evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
  expect(size).toBeGreaterThanOrEqual(48);
});

test('an error stays until the next scan, and never survives a language switch', async ({ station }) => {
  const { login, shell } = await stationWithAdmin(station);
  await shell.logOut();
  await login.scanBadge('BADGE-NOBODY');
  await login.expectFeedback('error', 'errors.BADGE_UNKNOWN');

  await station.page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(login.feedback('error')).toHaveCount(0);
  login.locale = 'en';
  await expect(station.page.getByText(login.t('login.scanBadge'))).toBeVisible();

  await login.scanBadge('BADGE-NOBODY-2');
  await login.expectFeedback('error', 'errors.BADGE_UNKNOWN');
  await login.scanBadge(admin.badge);
  await expect(login.feedback('error')).toHaveCount(0);
});

test('the PIN typed right after a click on a language, and its Enter, are kept', async ({ station }) => {
  const { login, shell } = await stationWithAdmin(station);
  await shell.logOut();
  await login.scanBadge(admin.badge);
  await expect(station.page.locator('input[name=pin]')).toBeFocused();

  await station.page.getByRole('button', { name: 'English', exact: true }).click();
  // No wait on the focus here: a person types at once.
  await station.page.keyboard.type(admin.pin);
  await station.page.keyboard.press('Enter');
  await login.expectScreen('ready');
});

test('the language chosen in the header gives the focus back to the scan field', async ({ station }) => {
  const { shell } = await stationWithAdmin(station);
  await shell.openArea('stock');
  const field = station.page.locator('input[name=lookup]');
  await expect(field).toBeFocused();
  await station.page.getByRole('combobox', { name: shell.t('common.language') }).selectOption('en');
  await expect(field).toBeFocused();
});
