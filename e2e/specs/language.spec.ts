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

test('Chinese and Latin text are drawn with the faces the app ships, never a system face', async ({ station }) => {
  const { shell } = await stationWithAdmin(station);
  const { page } = station;
  await shell.switchLanguage('zh-CN');
  // The home heading mixes both scripts: Chinese words around the admin's Latin name.
  const heading = page.getByRole('heading', { name: shell.t('home.title', { name: admin.name }) });
  await expect(heading).toBeVisible();
  const chinese = shell.t('home.title', { name: '' }).replaceAll(/[\s\p{P}]/gu, '');
  expect(chinese).toMatch(/\p{Script=Han}/u);

  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"?Noto Sans"?,\s*"?Noto Sans SC"?,/);
  // Loading the faces for the heading's Chinese finds shipped ones (none would be found without them).
  const loaded = await page.evaluate((text) => document.fonts.load('20px "Noto Sans SC"', text).then((faces) => faces.map((face) => face.status)), chinese);
  expect(loaded.length).toBeGreaterThan(0);
  expect(loaded.every((status) => status === 'loaded')).toBe(true);
  expect(await page.evaluate((text) => document.fonts.check('20px "Noto Sans SC"', text), chinese)).toBe(true);

  // What Chromium actually drew the heading with: Noto Sans for the name, Noto Sans SC for the Chinese,
  // both web fonts (isCustomFont); the CJK file's own name table says "Noto Sans SC Thin" (its variable master).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'main h1' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  expect(fonts.map((font) => ({ family: font.familyName, shipped: font.isCustomFont })).sort((a, b) => a.family.localeCompare(b.family))).toEqual([
    { family: 'Noto Sans', shipped: true },
    { family: expect.stringMatching(/^Noto Sans SC\b/), shipped: true },
  ]);
});

test('the home’s role reads whole at 1366×768 and 1920×1080, never cut inside the word ("Administrat|eur")', async ({ station }) => {
  const { shell } = await stationWithAdmin(station);
  const { page } = station;
  for (const locale of ['fr', 'en'] as const) {
    await shell.switchLanguage(locale);
    const role = page.locator('.big-number', { hasText: shell.t('home.role') }).locator('.big-number-value');
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await expect(role).toHaveText(shell.t('roles.admin'));
      await page.evaluate(() => document.fonts.ready);
      // One word on one line: the value's box is one line high and no wider than its card.
      const lines = await role.evaluate((node) => Math.round(node.getBoundingClientRect().height / parseFloat(getComputedStyle(node).lineHeight)));
      const fits = await role.evaluate((node) => node.scrollWidth <= node.clientWidth);
      expect([locale, size.width, lines, fits]).toEqual([locale, size.width, 1, true]);
    }
  }
});
