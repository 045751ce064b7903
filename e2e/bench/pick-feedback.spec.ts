import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { trackingNumber, type Carrier } from '../../shared/barcode/parcel';
import type { PickLine, PickRunPlan, PickView, RunToPick } from '../../shared/picking';
import { startCentralProcess } from '../fixtures/central';
import { unitGtinOf } from '../fixtures/demo';
import { admin } from '../fixtures/people';
import { expect, startWebHost, stopWebHost, test } from '../fixtures/station';
import { AdminPage } from '../pages/AdminPage';
import { LoginPage, type Person } from '../pages/LoginPage';
import { PackPage } from '../pages/PackPage';
import { PickPage } from '../pages/PickPage';
import { PlanningPage } from '../pages/PlanningPage';
import { SetupPage } from '../pages/SetupPage';
import { ShellPage } from '../pages/ShellPage';
import type { StationPage } from '../pages/StationPage';
import { sendAsScanner } from '../support/scanner-keys';

// Scan to answer on the floor screens of the web host, a 500-line run each, from the scanner
// burst's last key (its Enter) to the answer on screen (the next frame after the step's message is
// in the page), 200 scans a repetition. The baseline: the same bursts into a bare field of a blank
// page in the same browser, whose Enter writes a line.
// - outbound.scan-feedback (issue #12): the picking screen, location and item scans of the run.
// - outbound.pack-verify (issue #13): the pack screen, the run picked first through the operations;
//   each order opened by its id, then one item scan per unit (the samples), then boxed and sealed
//   with a carrier label (not measured), order after order.
// bench/pick-screen.bench.ts runs one of them by its title (`-g`).

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

const samplesFrom = async (page: Page, start: number): Promise<number[]> =>
  (await page.evaluate(() => (window as unknown as { timing: Timing }).timing.samples)).slice(start);

/**
 * Scans and waits for the answer's frame: the scan's sample. Scans not measured go through here
 * too, so that no answer's sample is still to come when the next scan is sent.
 */
async function scanAndWait(page: Page, code: string): Promise<number> {
  const before = await samplesSoFar(page);
  await sendAsScanner(page, [code, { press: 'Enter' }]);
  await page.waitForFunction((count) => (window as unknown as { timing: Timing }).timing.samples.length > count, before, { timeout: 15_000 });
  return (await samplesFrom(page, before))[0] ?? Number.NaN;
}

/** The same bursts, repetition by repetition, into a bare field of a blank page whose Enter writes a line: the samples of each. */
async function bareBaseline(browser: Browser, bench: string, bursts: readonly (readonly string[])[]): Promise<number[][]> {
  process.stderr.write(`${bench}: the same bursts on a bare page\n`);
  const context = await browser.newContext();
  const bare = await context.newPage();
  await bare.setContent(`<input data-scan autofocus><div id="answers"></div>
    <script>document.querySelector('[data-scan]').addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      const answer = document.createElement('p'); answer.className = 'answer'; answer.textContent = event.target.value; event.target.value = '';
      document.getElementById('answers').replaceChildren(answer);
    });</script>`);
  await bare.evaluate(timing, '.answer');
  await bare.locator('[data-scan]').focus();
  const baseline: number[][] = [];
  for (const [repetition, codes] of bursts.entries()) {
    const start = await samplesSoFar(bare);
    for (const code of codes) await scanAndWait(bare, code);
    baseline.push(await samplesFrom(bare, start));
    process.stderr.write(`${bench}: repetition ${repetition + 1} of ${bursts.length} on the bare page done\n`);
  }
  await context.close();
  return baseline;
}

/** What the bench of bench/pick-screen.bench.ts reads back: per repetition, our samples and the bare page's. */
function writeMeasured(measured: { readonly ours: readonly number[][]; readonly baseline: readonly number[][] } & Readonly<Record<string, unknown>>): void {
  const out = process.env['QUAI_BENCH_OUT'];
  if (out) writeFileSync(out, JSON.stringify(measured));
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

type Station = Awaited<ReturnType<typeof stationOfBigDay>>;

/** Both benches, each alone on a station of its own. */
for (const [bench, measure] of [
  ['outbound.scan-feedback', measurePicking],
  ['outbound.pack-verify', measurePacking],
] as const) {
  test(bench, async ({ browser }) => {
    const station = await stationOfBigDay(browser, 1_200);
    try {
      await measure(station, browser);
    } finally {
      await station.close();
    }
  });
}

/** The shift lead logs in and releases a run of 500 lines, put together by hand as a shift lead may: the orders of one carrier and cutoff, most lines first. */
async function releaseRunOf500(station: Station): Promise<{ readonly plan: PickRunPlan; readonly orders: readonly string[] }> {
  const { login, shell } = station;
  await login.logIn(lead);
  await shell.openArea('runs');
  const planning = new PlanningPage(station.page);
  await planning.expectPlan();
  await planning.setLimits({ ordersPerRun: 200, toteSlots: 200, linesPerRun: 500, unitsPerRun: 5_000 });
  const plan = ((await planning.callOperation('picking:plan', {})) as unknown as { value: PickRunPlan }).value;
  const orders = runOfLines(plan, 500);
  const released = await planning.callOperation('picking:release', { shipDate: plan.shipDate, orders });
  expect(released.error?.code ?? 'released').toBe('released');
  return { plan, orders };
}

async function measurePicking(station: Station, browser: Browser): Promise<void> {
  const { shell } = station;
  const { plan } = await releaseRunOf500(station);

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
    ours.push(await samplesFrom(station.page, start));
    process.stderr.write(`outbound.scan-feedback: repetition ${repetition + 1} of ${repetitions} on the picking screen done\n`);
  }
  await expect(pick.feedback('error')).toHaveCount(0);

  const gtin = unitGtinOf(plan.runs[0]?.stops[0]?.lines[0]?.sku ?? '');
  const bursts = Array.from({ length: repetitions }, () => Array.from({ length: scansPerRepetition }, (_, scan) => (scan % 2 === 0 ? 'A-01-02-1' : gtin)));
  const baseline = await bareBaseline(browser, 'outbound.scan-feedback', bursts);
  writeMeasured({ lines, ours, baseline });
}

type Answer<T> = { readonly ok: boolean; readonly value?: T; readonly error?: { readonly code: string; readonly message?: string } };

/** An operation called as the screens call it (StationPage.callOperation): its value, or a failure naming main's refusal. */
async function operation<T>(on: StationPage, channel: string, input: unknown): Promise<T> {
  const answer = (await on.callOperation(channel, input)) as Answer<T>;
  if (!answer.ok) throw new Error(`${channel}: ${answer.error?.code ?? '?'} ${answer.error?.message ?? ''}`);
  return answer.value as T;
}

/** The line as the picking screen shows it, sent with each scan (electron/main/testing/picking.ts `shown`). */
const shownOf = (line: PickLine, view: PickView) => ({
  orderId: line.orderId,
  lineNo: line.lineNo,
  location: line.location,
  withdrawn: view.withdrawn,
  amended: view.amended,
});

/** Takes the run and picks it all through the operations, quickly: each line's location, then its unit GTIN keyed with the count left. */
async function pickAllOfRun(on: StationPage): Promise<PickView> {
  let runs: readonly RunToPick[] = [];
  await expect
    .poll(async () => (runs = await operation<readonly RunToPick[]>(on, 'picking:to-pick', {})).length, { timeout: 60_000, intervals: [250] })
    .toBeGreaterThan(0);
  await operation<PickView>(on, 'picking:claim', { runId: runs[0]?.runId });
  let view = await operation<PickView | null>(on, 'picking:current', {});
  if (!view) throw new Error('the run claimed is not this person’s');
  while (view.line) {
    const line: PickLine = view.line;
    const shown = shownOf(line, view);
    await operation<PickView>(on, 'picking:scan-location', { runId: view.runId, shown, code: line.location });
    view = await operation<PickView>(on, 'picking:pick', { runId: view.runId, shown, location: line.location, code: unitGtinOf(line.sku), count: line.left });
  }
  return view;
}

/** The step's answer says no (wrong item, one too many, no SSCC left…): the bench stops, saying what the screen said. */
async function expectNoError(pack: PackPage, what: string): Promise<void> {
  const error = pack.feedback('error');
  if ((await error.count()) > 0) throw new Error(`${what}: the pack screen answered ${await error.first().textContent()}`);
}

/** Opens the order by scanning its id (not measured): its units to scan, one unit GTIN each, line after line. */
async function openToPack(pack: PackPage, orderId: string): Promise<string[]> {
  await scanAndWait(pack.page, orderId);
  await expectNoError(pack, `order ${orderId} scanned`);
  await expect(pack.screen()).toHaveAttribute('data-order', orderId);
  await pack.expectStep('items');
  const lines = await pack.page
    .locator('.pack-lines tr[data-sku]')
    .evaluateAll((rows) => rows.map((row) => ({ sku: row.getAttribute('data-sku') ?? '', quantity: Number(row.getAttribute('data-quantity')) })));
  return lines.flatMap((line) => Array.from({ length: line.quantity }, () => unitGtinOf(line.sku)));
}

/** Finishes the order whose units are all in (not measured): box M, no weight, the carrier's label with a number of its own; waits for the parcel sealed. */
async function sealOrder(pack: PackPage, orderId: string, tracking: string): Promise<void> {
  await pack.chooseBox('M');
  await pack.button('packing.pack.toLabel').click();
  await pack.expectStep('label');
  await scanAndWait(pack.page, tracking);
  await expectNoError(pack, `the label ${tracking} of order ${orderId} scanned`);
  await pack.expectSealed(tracking);
}

const labelCarriers = ['colissimo', 'chronopost', 'dpd', 'ups'] as const satisfies readonly Exclude<Carrier, 'unknown-carrier'>[];

async function measurePacking(station: Station, browser: Browser): Promise<void> {
  const bench = 'outbound.pack-verify';
  const { shell, page } = station;
  const { plan, orders } = await releaseRunOf500(station);
  const carrierOf = new Map(plan.runs.flatMap((run) => run.orders.map((order) => [order.orderId, run.carrier] as const)));
  const chosen = new Set(orders);
  const units = plan.runs
    .flatMap((run) => run.stops.flatMap((stop) => stop.lines))
    .filter((line) => chosen.has(line.orderId))
    .reduce((sum, line) => sum + line.quantity, 0);
  if (units < scansPerRepetition * repetitions) throw new Error(`${bench}: the run has ${units} units, fewer than ${scansPerRepetition * repetitions} scans`);

  const pack = new PackPage(page);
  const picked = await pickAllOfRun(pack);
  expect({ state: picked.state, unitsShort: picked.unitsShort }).toEqual({ state: 'picked', unitsShort: 0 });
  process.stderr.write(`${bench}: a run of ${picked.lines} lines, ${picked.unitsPicked} units of ${orders.length} orders picked; packing\n`);

  await shell.openArea('pack');
  await pack.expectStep('order');
  const queue = [...orders];
  let open: { readonly orderId: string; readonly left: string[] } | null = null;
  let packed = 0;
  const ours: number[][] = [];
  const bursts: string[][] = [];
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    const samples: number[] = [];
    const codes: string[] = [];
    while (samples.length < scansPerRepetition) {
      if (!open) {
        const orderId = queue.shift();
        if (orderId === undefined) throw new Error(`${bench}: every order of the run is packed before ${scansPerRepetition * repetitions} scans`);
        open = { orderId, left: await openToPack(pack, orderId) };
      }
      const code = open.left.shift() ?? '';
      samples.push(await scanAndWait(page, code));
      codes.push(code);
      await expectNoError(pack, `item ${code} of order ${open.orderId} scanned`);
      if (open.left.length > 0) continue;
      const { orderId } = open;
      const carrier = labelCarriers.find((name) => name === carrierOf.get(orderId));
      if (!carrier) throw new Error(`${bench}: order ${orderId} ships with ${carrierOf.get(orderId)}, which has no label here`);
      packed += 1;
      await sealOrder(pack, orderId, trackingNumber(carrier, packed));
      open = null;
    }
    ours.push(samples);
    bursts.push(codes);
    process.stderr.write(`${bench}: repetition ${repetition + 1} of ${repetitions} on the pack screen done (${packed} orders packed)\n`);
  }

  const baseline = await bareBaseline(browser, bench, bursts);
  writeMeasured({ orders: packed, ours, baseline });
}
