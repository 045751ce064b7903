import { expect, logInAndSync, siteOfTwo, test } from '../fixtures/site';
import { LoginPage, type Person } from '../pages/LoginPage';
import { PlanningPage } from '../pages/PlanningPage';
import { ShellPage } from '../pages/ShellPage';
import { SyncPage } from '../pages/SyncPage';

const lead: Person = { name: 'Léa Bernard', badge: 'BADGE-LEAD01', pin: '9753' };

/**
 * Issue #12, ADR 0009: a run released in the office is reserved at the centre and shown on every
 * station of the site; its orders are planned nowhere again.
 */
test('a run released on one station is released on the other after its sync, and is planned on neither again', async ({ site }) => {
  test.setTimeout(180_000);
  await siteOfTwo(site, [{ ...lead, role: 'shift_lead' }]);
  const loginA = new LoginPage(site.a.page);
  const shellA = new ShellPage(site.a.page);
  const syncA = new SyncPage(site.a.page);

  // The shift lead on A previews the first run and releases it.
  await loginA.logIn(lead);
  await shellA.openArea('runs');
  const planningA = new PlanningPage(site.a.page);
  await planningA.expectPlan();
  const before = Number((await planningA.figure('picking.runs').textContent())?.replace(/\D/g, ''));
  await planningA.openRun(1);
  await planningA.releaseRun();
  await expect(planningA.figure('picking.runs')).toHaveText(String(before - 1));
  await planningA.openReleased();
  await expect(planningA.releasedStates()).toHaveCount(1);
  await expect(planningA.releasedStates().first()).toHaveAttribute('data-state', 'pending');
  // The station syncs by itself soon after; the centre's answer shows on the next plan.
  await planningA.expectFirstReleased('released');
  await syncA.expectBadge('idle', 0);

  // On B, after its sync: the same run released, and one run fewer to release.
  const { shell: shellB } = await logInAndSync(site.b, lead);
  await shellB.openArea('runs');
  const planningB = new PlanningPage(site.b.page);
  await planningB.expectPlan();
  await expect(planningB.figure('picking.runs')).toHaveText(String(before - 1));
  await planningB.openReleased();
  await expect(planningB.releasedStates()).toHaveCount(1);
  await expect(planningB.releasedStates().first()).toHaveAttribute('data-state', 'released');
});
