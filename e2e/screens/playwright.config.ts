import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from '../support/chromium.mjs';
import type { HostKind } from '../fixtures/station';

/**
 * `npm run screenshots` (not part of `npm test`): every screen in fr, en and zh-CN at 1366×768 and
 * 1920×1080 (1024×768 for a trolley), written to docs/screens/ to be looked at (issue #10). Same web host, same fixtures.
 */
export default defineConfig<unknown, { hostKind: HostKind }>({
  testDir: '.',
  outputDir: '../../test-results/screens',
  globalSetup: '../support/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 240_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: { launchOptions: { executablePath: findChromium() ?? undefined, args: chromiumArgs }, hostKind: 'web' },
});
