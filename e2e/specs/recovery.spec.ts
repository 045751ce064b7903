import { join } from 'node:path';
import { damage } from '../../electron/platform/testing/damage';
import { admin, stationWithAdmin } from '../fixtures/people';
import { expect, test } from '../fixtures/station';
import { LoginPage } from '../pages/LoginPage';
import { RecoveryPage } from '../pages/RecoveryPage';

test('a damaged database: the recovery screen says so, offers the backup, restores it, and the admin logs in (issue #9)', async ({ station }) => {
  const { shell, admin: adminPage } = await stationWithAdmin(station);
  await shell.openArea('admin');
  await adminPage.openTab('settings');
  await adminPage.button('settings.backupNow').click();
  // The words of this answer, not any ok banner (the welcome may still be there).
  await expect(adminPage.feedback('ok')).toContainText(adminPage.t('settings.backupDone', { file: '' }).trim());

  await station.restart(() => damage.truncate(join(station.dataDir, 'quai.sqlite3')));

  const recovery = new RecoveryPage(station.page);
  await recovery.expectProblem('DB_CORRUPT');
  await expect(recovery.backupRows()).toHaveCount(1);
  await expect(recovery.backupRows().first()).toContainText(recovery.t('recovery.integrityOk'));

  await recovery.restore({ badge: admin.badge, pin: '0000' });
  await recovery.expectFeedback('error', 'errors.WRONG_PIN', { attemptsLeft: 4 });
  await recovery.expectScreen('recovery');

  await recovery.restore(admin);
  await expect(recovery.feedback('ok')).toBeVisible();
  const login = new LoginPage(station.page);
  await login.logIn(admin);
  await shell.expectUser(admin.name, 'roles.admin');
  await shell.openArea('admin');
  await expect(station.page.locator('[data-notice="DB_RESTORED"]')).toBeVisible();
});
