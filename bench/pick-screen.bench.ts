import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarise, type Bench } from './harness';

const root = join(import.meta.dirname, '..');

/** What e2e/bench/pick-feedback.spec.ts measured: per repetition, 200 scans on the picking screen and on a bare page. */
type Measured = { readonly lines: number; readonly ours: number[][]; readonly baseline: number[][] };

/**
 * `outbound.scan-feedback` (issue #12): the picking screen of the web host in Debian's Chromium,
 * driven by Playwright (e2e/bench/), with a run of 500 lines: from a scanner burst's Enter to the
 * answer on screen, p50/p99 over 200 scans, repeated; against the same bursts into a bare page.
 */
export const benches: readonly Bench[] = [
  {
    name: 'outbound.scan-feedback',
    run: () => {
      if (!existsSync(join(root, 'out/main/host.js'))) {
        const built = spawnSync('npx', ['electron-vite', 'build', '-c', 'electron.config.ts'], { cwd: root, stdio: 'inherit' });
        if (built.status !== 0) throw new Error('outbound.scan-feedback needs a build: `npm run build` failed');
      }
      const folder = mkdtempSync(join(tmpdir(), 'quai-bench-pick-'));
      const out = join(folder, 'measured.json');
      try {
        const ran = spawnSync('node', ['e2e/support/ensure-chromium.mjs'], { cwd: root, stdio: 'inherit' });
        if (ran.status !== 0) throw new Error('outbound.scan-feedback needs Chromium (e2e/support/ensure-chromium.mjs failed)');
        const measured = spawnSync('npx', ['playwright', 'test', '-c', 'e2e/bench/playwright.config.ts'], {
          cwd: root,
          stdio: ['ignore', 'inherit', 'inherit'],
          env: { ...process.env, QUAI_BENCH_OUT: out },
        });
        if (measured.status !== 0 || !existsSync(out)) throw new Error('outbound.scan-feedback: the Playwright run failed (see above)');
        const { lines, ours, baseline } = JSON.parse(readFileSync(out, 'utf8')) as Measured;
        return [
          summarise(
            'outbound.scan-feedback',
            'ms',
            ours.map((samples, index) => ({ ours: samples, baseline: baseline[index] ?? [] })),
            { baseline: 'the same bursts into a bare field of a blank page', bound: { p99: 100 }, extra: { runLines: lines, scans: ours[0]?.length ?? 0 } },
          ),
        ];
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  },
];
