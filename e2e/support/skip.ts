import type { TestInfo } from '@playwright/test';

/** Skips a test where it cannot run, and says why in the run's output, not only in its annotations. */
export function skipUnless(testInfo: TestInfo, runs: boolean, reason: string): void {
  if (runs) return;
  process.stdout.write(`skipped [${testInfo.project.name}] ${testInfo.title}: ${reason}\n`);
  testInfo.skip(true, reason);
}
