import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { PickRunPlan } from '../../shared/picking';
import { startCentralProcess } from '../fixtures/central';
import { unitGtinOf } from '../fixtures/demo';
import { admin } from '../fixtures/people';
import { expect, startWebHost, stopWebHost, test } from '../fixtures/station';
import { AdminPage } from '../pages/AdminPage';
import { LoginPage, type Person } from '../pages/LoginPage';
import { SetupPage } from '../pages/SetupPage';
import { ShellPage } from '../pages/ShellPage';
import { PickPage } from '../pages/PickPage';
import { PlanningPage } from '../pages/PlanningPage';
import { sendAsScanner } from '../support/scanner-keys';

// outbound.scan-feedback (issue #12): the picking screen on the web host with a 500-line run, from
// the scanner burst's last key (its Enter) to the answer on screen (the next frame after the step's
// message is in the page), 200 scans a repetition. The baseline: the same bursts into a bare
// field of a blank page in the same browser, whose Enter writes a line.

const lead: Person & { role: 'shift_lead' } = { name: 'Léa Bernard', badge: 'BADGE-LEAD01', pin: '9753', role: 'shift_lead' };
const scansPerRepetition = Number(process.env['QUAI_BENCH_SCANS'] ?? 200);
const repetitions = Number(process.env['QUAI_BENCH_RUNS'] ?? 3);

type Timing = { readonly samples: number[]; at: number };

/** The time of each Enter, and of the frame after each new answer (`selector`) appears. */
function timing(answer: string): void {
  const seen: Timing = { samples: [], at: 0 };
  (window as unknown as { timing: Timing }).timing = seen;
  window.addEventListener('keydown', (event) => event.key === 'Enter' && (seen.at = performance.now()), { capture: true });
  new MutationObserver((mutations) => {
    const answered = mutations.some((mutation) => [...mutation.addedNodes].some((node) => node instanceof Element && node.matches(answer)));
    if (!answered || seen.at === 0) return;
    const from = seen.at;
    seen.at = 0;
    requestAnimationFrame(() => seen.samples.push(performance.now() - from));
  }).observe(document, { childList: true, subtree: true });
}

const samplesSoFar = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { timing: Timing }).timing.samples.length);

async function scanAndWait(page: Page, code: string): Promise<void> {
  const before = await samplesSoFar(page);
  await sendAsScanner(page, [code, { press: 'Enter' }]);
  await page.waitForFunction((count) => (window as unknown as { timing: Timing }).timing.samples.length > count, before, { timeout: 15_000 });
}

/** Orders of the plan's fullest carrier and cutoff, the ones with most lines first, that make `lines` lines together (or as near under as they come). */
function runOfLines(plan: PickRunPlan, lines: number): string[] {
  const groups = new Map<string, Map<string, number>>();
  for (const run of plan.runs) {
    const group = groups.get(`${run.carrier} ${run.cutoff}`) ?? new Map<string, number>();
    for (const line of run.stops.flatMap((stop) => stop.lines)) group.set(line.orderId, (group.get(line.orderId) ?? 0) + 1);
    groups.set(`${run.carrier} ${run.cutoff}`, group);
  }
  const fullest = [...groups.values()].sort((a, b) => [...b.values()].reduce((x, y) => x + y, 0) - [...a.values()].reduce((x, y) => x + y, 0))[0];
  const chosen: string[] = [];
  let total = 0;
  for (const [orderId, count] of [...(fullest ?? [])].sort((a, b) => b[1] - a[1])) {
    if (total + count > lines || chosen.length === plan.limits.ordersPerRun) continue;
    chosen.push(orderId);
    total += count;
  }
  return chosen;
}

/** A station of its own on a demo centre with a day of `orders`, set up with the shift lead; its page times every answer. */
async function stationOfBigDay(browser: Browser, orders: number) {
  const centre = await startCentralProcess('bench', { orders });
  const dataDir = mkdtempSync(join(tmpdir(), 'quai-bench-station-'));
  const host = await startWebHost(dataDir, ['--demo-centre', centre.url]);
  const context = await browser.newContext();
  const page = await context.newPage();
  // Before any script of the app, so its Enter is seen first.
  await page.addInitScript(timing, '.step-message');
  await page.goto(host.url);
  const setup = new SetupPage(page);
  await setup.choose('first');
  await setup.createSite();
  const login = new LoginPage(page);
  await login.logIn(admin);
  const shell = new ShellPage(page);
  await shell.openArea('admin');
  await new AdminPage(page).createUser(lead);
  await shell.logOut();
  const close = async (): Promise<void> => {
    await context.close();
    await stopWebHost(host.child);
    await centre.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { page, login, shell, close };
}

test('outbound.scan-feedback', async ({ browser }) => {
  const station = await stationOfBigDay(browser, 1_200);
  try {
    await measure(station, browser);
  } finally {
    await station.close();
  }
});

async function measure(station: Awaited<ReturnType<typeof stationOfBigDay>>, browser: Browser): Promise<void> {
  const { login, shell } = station;
  await login.logIn(lead);
  await shell.openArea('runs');
  const planning = new PlanningPage(station.page);
  await planning.expectPlan();
  await planning.setLimits({ ordersPerRun: 200, toteSlots: 200, linesPerRun: 500, unitsPerRun: 5_000 });
  const plan = ((await planning.callOperation('picking:plan', {})) as unknown as { value: PickRunPlan }).value;
  // A run of 500 lines, put together by hand as a shift lead may: the orders of one carrier and cutoff, most lines first.
  const orders = runOfLines(plan, 500);
  const released = await planning.callOperation('picking:release', { shipDate: plan.shipDate, orders });
  expect(released.error?.code ?? 'released').toBe('released');

  await shell.openArea('pick');
  const pick = new PickPage(station.page);
  await pick.expectStep('run');
  await pick.scanRunOf(0);
  await pick.expectStep('location');

  const lines = Number(await pick.linesDone().getAttribute('data-lines'));
  process.stderr.write(`outbound.scan-feedback: a run of ${lines} lines taken; scanning\n`);
  const ours: number[][] = [];
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    const start = await samplesSoFar(station.page);
    for (let scan = 0; scan < scansPerRepetition; scan += 1) {
      const step = await pick.screen().getAttribute('data-pick-step');
      const line = await pick.line();
      await scanAndWait(station.page, step === 'location' ? line.location : unitGtinOf(line.sku));
    }
    const samples = await station.page.evaluate(() => (window as unknown as { timing: Timing }).timing.samples);
    ours.push(samples.slice(start));
    process.stderr.write(`outbound.scan-feedback: repetition ${repetition + 1} of ${repetitions} on the picking screen done\n`);
  }
  await expect(pick.feedback('error')).toHaveCount(0);

  process.stderr.write('outbound.scan-feedback: the same bursts on a bare page\n');
  const bare = await (await browser.newContext()).newPage();
  await bare.setContent(`<input data-scan autofocus><div id="answers"></div>
    <script>document.querySelector('[data-scan]').addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      const answer = document.createElement('p'); answer.className = 'answer'; answer.textContent = event.target.value; event.target.value = '';
      document.getElementById('answers').replaceChildren(answer);
    });</script>`);
  await bare.evaluate(timing, '.answer');
  await bare.locator('[data-scan]').focus();
  const baseline: number[][] = [];
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    const start = await samplesSoFar(bare);
    for (let scan = 0; scan < scansPerRepetition; scan += 1)
      await scanAndWait(bare, scan % 2 === 0 ? 'A-01-02-1' : unitGtinOf(plan.runs[0]?.stops[0]?.lines[0]?.sku ?? ''));
    baseline.push((await bare.evaluate(() => (window as unknown as { timing: Timing }).timing.samples)).slice(start));
    process.stderr.write(`outbound.scan-feedback: repetition ${repetition + 1} of ${repetitions} on the bare page done\n`);
  }
  const out = process.env['QUAI_BENCH_OUT'];
  if (out) writeFileSync(out, JSON.stringify({ lines, ours, baseline }));
}
