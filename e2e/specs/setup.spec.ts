import { expect, test } from '../fixtures/station';
import { LoginPage } from '../pages/LoginPage';
import { demoSite, SetupPage } from '../pages/SetupPage';
import { ShellPage } from '../pages/ShellPage';

test('first start shows only the setup screen, and nothing else answers before it is done', async ({ station }) => {
  const setup = new SetupPage(station.page);
  await setup.expectScreen('setup');
  const refused = await setup.callOperation('auth:login', { badge: demoSite.admin.badge, pin: demoSite.admin.pin });
  expect(refused).toMatchObject({ ok: false, error: { code: 'SETUP_REQUIRED' } });
});

test('setup checks its form, creates the site and its admin, who then logs in', async ({ station }) => {
  const setup = new SetupPage(station.page);
  await setup.createSite(demoSite, '0000');
  await expect(station.page.getByText(setup.t('forms.fields.pinAgain.custom'))).toBeVisible();
  await setup.expectScreen('setup');

  await station.page.locator('[name=pinAgain]').fill(demoSite.admin.pin);
  await setup.button('setup.submit').click();
  await setup.expectFeedback('ok', 'setup.done', { site: demoSite.siteName });

  const login = new LoginPage(station.page);
  await login.logIn(demoSite.admin);
  await new ShellPage(station.page).expectUser(demoSite.admin.name, 'roles.admin');
});
