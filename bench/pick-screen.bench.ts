import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarise, type Bench } from './harness';

const root = join(import.meta.dirname, '..');

/** What a test of e2e/bench/pick-feedback.spec.ts measured: per repetition, 200 scans on the screen and on a bare page. */
type Measured = { readonly ours: number[][]; readonly baseline: number[][] };

/**
 * Runs the test of e2e/bench/pick-feedback.spec.ts named `bench` alone (Playwright's `-g`), in
 * Debian's Chromium against the web host, and answers what it wrote to QUAI_BENCH_OUT.
 */
function measureInBrowser<T extends Measured>(bench: string): T {
  if (!existsSync(join(root, 'out/main/host.js'))) {
    const built = spawnSync('npx', ['electron-vite', 'build', '-c', 'electron.config.ts'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error(`${bench} needs a build: \`npm run build\` failed`);
  }
  const folder = mkdtempSync(join(tmpdir(), 'quai-bench-screen-'));
  const out = join(folder, 'measured.json');
  try {
    const ran = spawnSync('node', ['e2e/support/ensure-chromium.mjs'], { cwd: root, stdio: 'inherit' });
    if (ran.status !== 0) throw new Error(`${bench} needs Chromium (e2e/support/ensure-chromium.mjs failed)`);
    const measured = spawnSync('npx', ['playwright', 'test', '-c', 'e2e/bench/playwright.config.ts', '-g', bench.replace(/[.]/g, '\\.')], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, QUAI_BENCH_OUT: out },
    });
    if (measured.status !== 0 || !existsSync(out)) throw new Error(`${bench}: the Playwright run failed (see above)`);
    return JSON.parse(readFileSync(out, 'utf8')) as T;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const repetitionsOf = ({ ours, baseline }: Measured) => ours.map((samples, index) => ({ ours: samples, baseline: baseline[index] ?? [] }));
const bareBaseline = 'the same bursts into a bare field of a blank page';

/**
 * Floor screens of the web host in Debian's Chromium, driven by Playwright (e2e/bench/), each with
 * a run of 500 lines: from a scanner burst's Enter to the answer on screen, p50/p99 over 200 scans,
 * repeated; against the same bursts into a bare page.
 * - `outbound.scan-feedback` (issue #12): the picking screen, location and item scans.
 * - `outbound.pack-verify` (issue #13): the pack screen, one item scan (one unit) at a time, the
 *   run picked first; orders opened, boxed and sealed between the scans, not measured.
 */
export const benches: readonly Bench[] = [
  {
    name: 'outbound.scan-feedback',
    run: () => {
      const measured = measureInBrowser<Measured & { readonly lines: number }>('outbound.scan-feedback');
      return [
        summarise('outbound.scan-feedback', 'ms', repetitionsOf(measured), {
          baseline: bareBaseline,
          bound: { p99: 100 },
          extra: { runLines: measured.lines, scans: measured.ours[0]?.length ?? 0 },
        }),
      ];
    },
  },
  {
    name: 'outbound.pack-verify',
    run: () => {
      const measured = measureInBrowser<Measured & { readonly orders: number }>('outbound.pack-verify');
      return [
        summarise('outbound.pack-verify', 'ms', repetitionsOf(measured), {
          baseline: bareBaseline,
          bound: { p99: 100 },
          extra: { scans: measured.ours[0]?.length ?? 0, ordersPacked: measured.orders },
        }),
      ];
    },
  },
];
