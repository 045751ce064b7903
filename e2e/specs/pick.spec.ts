import { anEmptyLocation, unitGtinOf } from '../fixtures/demo';
import { picker } from '../fixtures/people';
import { expect, logInAndSync, siteOfTwo, test, type Site } from '../fixtures/site';
import { LoginPage, type Person } from '../pages/LoginPage';
import { PickPage } from '../pages/PickPage';
import { SyncPage } from '../pages/SyncPage';
import { TasksPage } from '../pages/TasksPage';
import { PlanningPage } from '../pages/PlanningPage';
import { ShellPage } from '../pages/ShellPage';
import { ExceptionsPage } from '../pages/ExceptionsPage';
import { StockPage } from '../pages/StockPage';

const lead: Person = { name: 'Léa Bernard', badge: 'BADGE-LEAD01', pin: '9753' };

/** The site of two with the lead and the picker; the lead, on A, releases the plan's first run. */
async function officeReleasesFirstRun(site: Site): Promise<{ shellA: ShellPage; planningA: PlanningPage }> {
  await siteOfTwo(site, [
    { ...lead, role: 'shift_lead' },
    { ...picker, role: 'picker' },
  ]);
  const shellA = new ShellPage(site.a.page);
  await new LoginPage(site.a.page).logIn(lead);
  await shellA.openArea('runs');
  const planningA = new PlanningPage(site.a.page);
  await planningA.expectPlan();
  await planningA.openRun(1);
  await planningA.releaseRun();
  return { shellA, planningA };
}

/** The trolley pulls what the office released (its shift lead syncs it), then its picker opens the pick screen. */
async function pickerOnTrolley(site: Site): Promise<{ shellB: ShellPage; pick: PickPage }> {
  const { shell: shellB } = await logInAndSync(site.b, lead);
  await shellB.logOut();
  await new LoginPage(site.b.page).logIn(picker);
  await shellB.openArea('pick');
  return { shellB, pick: new PickPage(site.b.page) };
}

/**
 * DOMAIN scenario 4, issue #12: a run built and released on one station is picked by scan on
 * another — refusals say why and record nothing, a short pick is recorded with its reason, and
 * the office sees the run picked after the trolley's sync, and the short pick among the site's
 * exceptions, where its shift lead asks for a recount of the bin.
 */
test('a run released in the office is picked by scan on the trolley, the office sees it picked and settles its short pick', async ({ site }) => {
  test.setTimeout(240_000);
  // The office releases the first run; the centre confirms it.
  const { shellA, planningA } = await officeReleasesFirstRun(site);
  await planningA.openReleased();
  await planningA.expectFirstReleased('released');

  // The trolley pulls it; its picker takes it.
  const { pick } = await pickerOnTrolley(site);
  await pick.expectStep('run');
  await expect(pick.runsToPick()).toHaveCount(1);
  // Taken by its pick list's barcode; a code that is no run's says what to scan and takes nothing.
  await pick.scan('A-01-01-1');
  await pick.expectFeedback('error', 'errors.NOT_A_RUN', { scanned: 'A-01-01-1' });
  await pick.expectStep('run');
  await pick.scanRunOf(0);
  await pick.expectStep('location');
  await pick.expectFeedback('ok', 'picking.pick.claimed');

  // The wrong location is refused with what to do; the right one leads to the item.
  let line = await pick.line();
  const wrong = line.location === 'A-01-01-1' ? 'A-01-01-2' : 'A-01-01-1';
  await pick.scan(wrong);
  await pick.expectFeedback('error', 'errors.WRONG_LOCATION', { scanned: wrong, expected: line.location });
  await pick.expectStep('location');
  await pick.scan(line.location);
  await pick.expectStep('item');
  await pick.expectFeedback('ok', 'picking.pick.locationOk', { location: line.location });
  // Too many units: refused, the line as it was.
  await pick.scanItem(unitGtinOf(line.sku), line.left + 1);
  await pick.expectFeedback('error', 'errors.OVER_PICK', { units: line.left + 1, left: line.left });
  expect((await pick.line()).left).toBe(line.left);

  // The first line picked with its count keyed; the next one short (the location is empty).
  await pick.scanItem(unitGtinOf(line.sku), line.left);
  await pick.expectFeedback('ok', 'picking.pick.picked', { units: line.left, sku: line.sku, slot: line.slot });
  await expect(pick.linesDone()).toHaveAttribute('data-lines-done', '1');
  line = await pick.line();
  const shortLine = line;
  await pick.shortPick('empty');
  await expect(pick.linesDone()).toHaveAttribute('data-lines-done', '2');
  await pick.expectFeedback('attention', 'picking.pick.shortRecorded', { units: line.left, sku: line.sku });

  // Every other line, location then item, until the run is picked.
  for (;;) {
    const step = await pick.screen().getAttribute('data-pick-step');
    if (step === 'done') break;
    const next = await pick.line();
    if (step === 'location') {
      await pick.scan(next.location);
      await pick.expectStep('item');
    }
    const done = Number(await pick.linesDone().getAttribute('data-lines-done'));
    await pick.scanItem(unitGtinOf(next.sku), next.left);
    await expect(
      pick
        .screen()
        .locator(`.pick-progress[data-lines-done="${done + 1}"], .step-flow[data-step="done"]`)
        .first(),
    ).toBeVisible();
  }
  await pick.expectStep('done');

  // The office, after both synced: the run is picked.
  await planningA.expectFirstReleased('picked', 90_000);

  // The short pick, raised on the trolley, is the site's: the office's shift lead asks for a recount of its bin.
  await shellA.openArea('exceptions');
  const exceptionsA = new ExceptionsPage(site.a.page);
  const subject = `${shortLine.sku}@${shortLine.location}`;
  const short = exceptionsA.exception('SHORT_PICK', subject);
  await expect(short).toHaveCount(1, { timeout: 30_000 });
  await expect(short).toContainText(picker.name);
  await exceptionsA.settle(short, 'recount', 'bin empty at the pick');
  await exceptionsA.expectFeedback('ok', 'exceptions.done.recount', { subject });
  await shellA.openArea('tasks');
  await new TasksPage(site.a.page).expectTask(shortLine.location, 'open');
});

/**
 * DOMAIN scenario 4: the centre cancels an order while its run is half picked. The trolley's
 * picker is told at the next scan, a return-to-bin task appears on the other station, which puts
 * the units back, and the centre has the return.
 */
test('an order cancelled while its run is half picked: told at the next scan, its units put back by a task on the other station', async ({ site }) => {
  test.setTimeout(240_000);
  const { shellA } = await officeReleasesFirstRun(site);
  await new SyncPage(site.a.page).expectBadge('idle', 0);

  // A shift lead picks on the trolley here: the sync screen (to hear of the cancel now) is a shift lead's.
  const { shell: shellB, sync: syncB } = await logInAndSync(site.b, lead);
  await shellB.openArea('pick');
  const pick = new PickPage(site.b.page);
  await pick.takeNext();
  const first = await pick.line();
  await pick.scan(first.location);
  await pick.expectStep('item');
  await pick.scanItem(unitGtinOf(first.sku), first.left);
  await pick.expectFeedback('ok', 'picking.pick.picked', { units: first.left, sku: first.sku, slot: first.slot });

  // The centre cancels the order whose units are in the tote; the trolley hears of it at its next sync.
  await site.centre.call('POST', '/v1/test/cancel-order', { orderId: first.orderId });
  await shellB.openArea('sync');
  await syncB.syncNow();
  await syncB.expectBadge('idle', 0);
  await shellB.openArea('pick');
  const stale = await pick.line();
  const doneBefore = await pick.linesDone().getAttribute('data-lines-done');
  await pick.scan(stale.location);
  await pick.expectFeedback('error', 'errors.ORDER_WITHDRAWN', { orders: first.orderId, units: first.left, count: first.left, slots: first.slot });
  // The screen is at a line of another order now, at its location step; the order's lines count as done.
  await pick.expectStep('location');
  expect((await pick.line()).orderId).not.toBe(first.orderId);
  expect(Number(await pick.linesDone().getAttribute('data-lines-done'))).toBeGreaterThanOrEqual(Number(doneBefore));

  // The office: a task to put the units back, taken and done by scanning the bin.
  await shellA.openArea('sync');
  await new SyncPage(site.a.page).syncNow();
  await shellA.openArea('tasks');
  const tasks = new TasksPage(site.a.page);
  await tasks.expectTask(first.location, 'open');
  await tasks.claim(first.location);
  await tasks.scanReturn(first.location);
  await tasks.expectFeedback('ok', 'tasks.returned', { quantity: first.left, sku: first.sku, location: first.location });
  await expect(tasks.task(first.location)).toHaveCount(0);
  await new SyncPage(site.a.page).expectBadge('idle', 0);
  await expect
    .poll(async () =>
      (await site.centre.call<{ events: { type: string; status: string }[] }>('GET', '/v1/test/events?site=1')).events.filter(
        (event) => event.type === 'task.returned',
      ),
    )
    .toEqual([expect.objectContaining({ status: 'applied' })]);
});

/**
 * Issue #12, reassign: the office gives a released run to one picker. On the trolley the shift lead
 * has nothing to take; the picker it was given to finds it marked for them and takes it.
 */
test('a run the office gives to one picker is theirs alone on the trolley', async ({ site }) => {
  test.setTimeout(240_000);
  const { planningA } = await officeReleasesFirstRun(site);
  await planningA.openReleased();
  await planningA.expectFirstReleased('released');
  await planningA.giveRunTo(0, picker.name);
  await new SyncPage(site.a.page).expectBadge('idle', 0);

  const { shell: shellB } = await logInAndSync(site.b, lead);
  await shellB.openArea('pick');
  const pick = new PickPage(site.b.page);
  await expect(site.b.page.getByText(pick.t('picking.pick.noneToPick'))).toBeVisible();
  await expect(pick.runsToPick()).toHaveCount(0);
  await shellB.logOut();
  await new LoginPage(site.b.page).logIn(picker);
  await shellB.openArea('pick');
  await expect(pick.runsToPick()).toHaveCount(1);
  await expect(pick.runsToPick().first()).toContainText(pick.t('picking.pick.forYou'));
  await pick.takeNext();
  await pick.expectStep('location');
  await pick.expectFeedback('ok', 'picking.pick.claimed');
});

/**
 * Issue #12, the exceptions screen's re-run: a short pick on the trolley; the office finds reserve
 * stock, moves it to storage and re-runs the short units; the trolley's picker pauses the run, takes
 * the re-run and picks it at the storage place.
 */
test('a short pick re-run from reserve stock is picked at its new place on the trolley', async ({ site }) => {
  test.setTimeout(240_000);
  const { shellA, planningA } = await officeReleasesFirstRun(site);
  await planningA.openReleased();
  await planningA.expectFirstReleased('released');

  // The trolley: the picker takes the run; its first bin is empty.
  const { shellB, pick } = await pickerOnTrolley(site);
  await pick.takeNext();
  const short = await pick.line();
  await pick.shortPick('empty');
  await pick.expectFeedback('attention', 'picking.pick.shortRecorded', { units: short.left, sku: short.sku });

  // The office: reserve stock moved to storage, then the short pick re-run from there.
  const syncA = new SyncPage(site.a.page);
  const exceptionsA = new ExceptionsPage(site.a.page);
  const card = exceptionsA.exception('SHORT_PICK', `${short.sku}@${short.location}`);
  await expect(async () => {
    await shellA.openArea('sync');
    await syncA.syncNow();
    await shellA.openArea('exceptions');
    await expect(card).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const storage = anEmptyLocation();
  await shellA.openArea('stock');
  const stockA = new StockPage(site.a.page);
  await stockA.moveUnits(short.location, unitGtinOf(short.sku), short.left, storage);
  await stockA.expectFeedback('ok', 'stock.moved', { quantity: short.left, count: short.left, from: short.location, to: storage });
  await shellA.openArea('exceptions');
  await exceptionsA.settle(card, 'rerun', 'reserve stock in storage');
  await exceptionsA.expectFeedback('ok', 'exceptions.done.rerun', { subject: `${short.sku}@${short.location}` });
  await shellA.openArea('sync');
  await syncA.syncNow();
  await syncA.expectBadge('idle', 0);

  // The trolley's picker pauses the run and takes the re-run once pulled: one line, at the storage place.
  await pick.button('picking.pick.pause').click();
  await pick.expectStep('run');
  const rerun = pick.runsToPick().filter({ hasText: pick.t('picking.pick.linesLeft', { left: 1, lines: 1 }) });
  await expect(async () => {
    await shellB.openArea('home');
    await shellB.openArea('pick');
    await expect(rerun).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  await rerun.getByRole('button').click();
  await pick.expectStep('location');
  const line = await pick.line();
  expect(line).toMatchObject({ location: storage, sku: short.sku, left: short.left });
  await pick.scan(storage);
  await pick.expectStep('item');
  await pick.scanItem(unitGtinOf(short.sku), short.left);
  await pick.expectStep('done');
});
