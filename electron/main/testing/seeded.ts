import { onTestFailed } from 'vitest';

/**
 * A seeded random source for tests that draw (kill times, fault orders): the seed comes from
 * QUAI_TEST_SEED or is drawn, and is printed when the test fails, so a failure can be replayed.
 */
export function seededRandom(what: string): () => number {
  const seed = Number(process.env.QUAI_TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
  onTestFailed(() => {
    process.stderr.write(`\n${what}: replay with QUAI_TEST_SEED=${seed}\n`);
  });
  // mulberry32 (Tommy Ettinger): small, fast, good enough to spread kill times.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
