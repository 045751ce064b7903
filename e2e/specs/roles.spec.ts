import { picker, stationWithAdmin } from '../fixtures/people';
import { expect, test } from '../fixtures/station';

test('a picker calling an admin operation is refused in main and the attempt is audited', async ({ station }) => {
  const { login, shell, admin: adminPage } = await stationWithAdmin(station);
  await shell.openArea('admin');
  await adminPage.createUser({ ...picker, role: 'picker' });
  await shell.logOut();
  await login.logIn(picker);

  // The screen offers nothing: no Administration area for a picker …
  await expect(shell.areaButtons().filter({ hasText: shell.t('shell.areas.admin') })).toHaveCount(0);
  // … and going around the screen, straight to the operation, is refused by main.
  const attempt = await shell.callOperation('auth:create-user', { name: 'Mallory', badge: 'BADGE-EVIL', role: 'admin', pin: '9999' });
  expect(attempt).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  await shell.logOut();
  await login.logIn({ name: 'Alice Martin', badge: 'BADGE-ADM01', pin: '4826' });
  await shell.openArea('admin');
  await expect(adminPage.userRow('Mallory')).toHaveCount(0);
  const refusals = await adminPage.showRefusals();
  const row = refusals.filter({ has: station.page.locator('[data-action="auth:create-user"]') });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(picker.name);
  // In words: what was refused and why, not the code.
  await expect(row).toContainText(adminPage.t('audit.actions.auth.create-user'));
  await expect(row).toContainText(adminPage.t('errors.FORBIDDEN'));
});
