import { admin, stationWithAdmin } from '../fixtures/people';
import { expect, test } from '../fixtures/station';

test('the language switches at once and is remembered per user', async ({ station }) => {
  const { login, shell } = await stationWithAdmin(station);
  await expect(station.page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(shell.button('shell.logout')).toBeVisible();

  await shell.switchLanguage('en');
  await expect(shell.button('shell.logout')).toBeVisible();
  await expect(station.page.getByRole('heading', { name: shell.t('home.title', { name: admin.name }) })).toBeVisible();

  await shell.switchLanguage('zh-CN');
  await shell.expectUser(admin.name, 'roles.admin');

  // Logged out, the station speaks its own language; logged back in, the user's.
  await shell.logOut();
  login.locale = 'fr';
  await expect(station.page.getByText(login.t('login.scanBadge'))).toBeVisible();
  await login.logIn(admin);
  shell.locale = 'zh-CN';
  await expect(shell.button('shell.logout')).toBeVisible();
});
