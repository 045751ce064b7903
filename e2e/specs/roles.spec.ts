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

/**
 * Issue #13: closing a trailer with parcels due missing, opening a sealed parcel and closing the day
 * are a shift lead's. A picker going around the screen to main is refused there, and each attempt
 * is audited for the admin to read.
 */
test('a picker cannot close a trailer with parcels due, unpack a parcel or close the day: refused in main, audited', async ({ station }) => {
  const { login, shell, admin: adminPage } = await stationWithAdmin(station);
  await shell.openArea('admin');
  await adminPage.createUser({ ...picker, role: 'picker' });
  await shell.logOut();
  await login.logIn(picker);

  // A picker may open a trailer at the dock; closing it with the day's orders not on it is not theirs.
  const opened = (await shell.callOperation('dispatch:open', { carrier: 'colissimo', label: 'TR-ROLES' })) as { ok: boolean; value?: { trailerId: string } };
  expect(opened).toMatchObject({ ok: true });
  const trailerId = opened.value?.trailerId ?? '';
  expect(await shell.callOperation('dispatch:close', { trailerId, missing: [{ orderId: 'ORD-ANY', reason: 'not packed' }] })).toMatchObject({
    ok: false,
    error: { code: 'TRAILER_MISSING_PARCELS' },
  });
  expect(await shell.callOperation('packing:unpack', { code: '030123450000000420', reason: 'wrong box' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await shell.callOperation('dashboard:close-day', { explained: [] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect((await shell.callOperation('dispatch:trailer', { trailerId })) as { value?: { state: string } }).toMatchObject({ ok: true, value: { state: 'open' } });

  await shell.logOut();
  await login.logIn({ name: 'Alice Martin', badge: 'BADGE-ADM01', pin: '4826' });
  await shell.openArea('admin');
  const refusals = await adminPage.showRefusals();
  for (const action of ['dispatch:close', 'packing:unpack', 'dashboard:close-day']) {
    const row = refusals.filter({ has: station.page.locator(`[data-action="${action}"]`) });
    await expect(row, action).toHaveCount(1);
    await expect(row, action).toContainText(picker.name);
  }
});
