import { unitGtinOf } from '../fixtures/demo';
import { picker } from '../fixtures/people';
import { expect, logInAndSync, siteOfTwo, test } from '../fixtures/site';
import { LoginPage, type Person } from '../pages/LoginPage';
import { PickPage } from '../pages/PickPage';
import { PlanningPage } from '../pages/PlanningPage';
import { ShellPage } from '../pages/ShellPage';

const lead: Person = { name: 'Léa Bernard', badge: 'BADGE-LEAD01', pin: '9753' };

/**
 * DOMAIN scenario 4, issue #12: a run built and released on one station is picked by scan on
 * another — refusals say why and record nothing, a short pick is recorded with its reason, and
 * the office sees the run picked after the trolley's sync.
 */
test('a run released in the office is picked by scan on the trolley, and the office sees it picked', async ({ site }) => {
  test.setTimeout(240_000);
  await siteOfTwo(site, [
    { ...lead, role: 'shift_lead' },
    { ...picker, role: 'picker' },
  ]);

  // The office releases the first run; the centre confirms it.
  const loginA = new LoginPage(site.a.page);
  const shellA = new ShellPage(site.a.page);
  await loginA.logIn(lead);
  await shellA.openArea('runs');
  const planningA = new PlanningPage(site.a.page);
  await planningA.expectPlan();
  await planningA.openRun(1);
  await planningA.releaseRun();
  await planningA.openReleased();
  await expect(async () => {
    await planningA.button('picking.refresh').click();
    await planningA.expectPlan();
    await expect(planningA.releasedStates().first()).toHaveAttribute('data-state', 'released', { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });

  // The trolley pulls it; its picker takes it.
  const { shell: shellB } = await logInAndSync(site.b, lead);
  await shellB.logOut();
  await new LoginPage(site.b.page).logIn(picker);
  await shellB.openArea('pick');
  const pick = new PickPage(site.b.page);
  await pick.expectStep('run');
  await expect(pick.runsToPick()).toHaveCount(1);
  await pick.takeNext();
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
  await expect(async () => {
    await planningA.button('picking.refresh').click();
    await planningA.expectPlan();
    await expect(planningA.releasedStates().first()).toHaveAttribute('data-state', 'picked', { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
});
