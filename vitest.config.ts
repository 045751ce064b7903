import { defineConfig } from 'vitest/config';

// Unit and integration tests sit beside the code they test; e2e/ is Playwright's.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
    environment: 'node',
    // A deadline only catches a hang: on two busy cores a sound test may take several times its quiet time.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
