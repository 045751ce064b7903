import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from '../support/chromium.mjs';
import type { HostKind } from '../fixtures/station';

/**
 * Benches that need a browser (`npm run bench -- outbound.scan-feedback`, `-- outbound.pack-verify`; bench/pick-screen.bench.ts):
 * not tests, not part of `npm test`. One worker, so nothing else shares the two cores while it measures.
 */
export default defineConfig<unknown, { hostKind: HostKind }>({
  testDir: '.',
  outputDir: '../../test-results/bench',
  globalSetup: '../support/global-setup.ts',
  workers: 1,
  retries: 0,
  // A safety net, not a bound: alone it takes about 11 minutes, but on a machine busy with other
  // work (CI on the same two cores) it took over 20; what is slow is measured, never failed.
  timeout: 3_600_000,
  expect: { timeout: 30_000 },
  reporter: [['line']],
  use: { launchOptions: { executablePath: findChromium() ?? undefined, args: chromiumArgs }, hostKind: 'web', viewport: { width: 1024, height: 768 } },
});
