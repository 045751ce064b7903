import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './e2e/support/chromium.mjs';
import type { HostKind } from './e2e/fixtures/station';

const executablePath = findChromium() ?? undefined;

export default defineConfig<unknown, { hostKind: HostKind }>({
  testDir: './e2e/specs',
  outputDir: './test-results',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    launchOptions: { executablePath, args: chromiumArgs },
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'web', use: { hostKind: 'web' satisfies HostKind } },
    { name: 'electron', use: { hostKind: 'electron' satisfies HostKind } },
  ],
});
