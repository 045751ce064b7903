import { aPickFace, aStoredPallet, anEmptyLocation, unitGtin } from '../fixtures/demo';
import { admin, picker, receiver } from '../fixtures/people';
import { expect, logInAndSync, test } from '../fixtures/site';
import { AdminPage } from '../pages/AdminPage';
import { LoginPage, type Person } from '../pages/LoginPage';
import { SetupPage } from '../pages/SetupPage';
import { ShellPage } from '../pages/ShellPage';
import { StockPage } from '../pages/StockPage';
import { SyncPage } from '../pages/SyncPage';
import { TasksPage } from '../pages/TasksPage';

const lead: Person = { name: 'Léa Bernard', badge: 'BADGE-LEAD01', pin: '9753' };

/**
 * One site, many stations (issue #11, ADR 0007): two web hosts share one demo centre. Station A is
 * the site's first station; station B joins it and its people log in there with their own badge.
 */
test('a pallet moved on one station is in its new place on the other, and a recount asked on one is counted on the other', async ({ site }) => {
  // Two hosts, two bootstraps, five people's logins and six syncs: 20-40 s here, more on a busy machine.
  test.setTimeout(180_000);
  const setupB = new SetupPage(site.b.page);
  // Before any station has named the site, there is nothing to join: said in words.
  await setupB.joinDemoSite();
  await setupB.expectFeedback('error', 'errors.SITE_NOT_SET_UP');

  // Station A: the first station of the site, its admin creates the site's people.
  const setupA = new SetupPage(site.a.page);
  await setupA.choose('first');
  await setupA.createSite();
  const loginA = new LoginPage(site.a.page);
  const shellA = new ShellPage(site.a.page);
  const syncA = new SyncPage(site.a.page);
  await loginA.logIn(admin);
  await shellA.openArea('admin');
  const adminA = new AdminPage(site.a.page);
  for (const person of [
    { ...receiver, role: 'receiver' as const },
    { ...picker, role: 'picker' as const },
    { ...lead, role: 'shift_lead' as const },
  ])
    await adminA.createUser(person);
  await syncA.expectBadge('idle', 0);
  await shellA.logOut();

  // Station B joins: the site's layout, people and stock come from the centre, then the login.
  await setupB.joinDemoSite();
  await setupB.expectScreen('login');

  // A receiver on A moves a pallet.
  const pallet = aStoredPallet();
  const to = anEmptyLocation();
  await loginA.logIn(receiver);
  await shellA.openArea('stock');
  const stockA = new StockPage(site.a.page);
  await stockA.movePallet(pallet.sscc, to);
  await stockA.expectFeedback('ok', 'stock.moved', { quantity: pallet.lines.reduce((sum, line) => sum + line.quantity, 0), from: pallet.sscc, to });
  await syncA.expectBadge('idle', 0);
  await shellA.logOut();

  // A shift lead on A asks for a recount of a pick face.
  const { loose, product } = aPickFace();
  await loginA.logIn(lead);
  await shellA.openArea('tasks');
  const tasksA = new TasksPage(site.a.page);
  await tasksA.requestRecount(loose.locationCode);
  await tasksA.expectTask(loose.locationCode, 'open');
  await syncA.expectBadge('idle', 0);

  // On B, a shift lead of the site (created on A) logs in with their own badge, syncs: the pallet is where A put it.
  const { login: loginB, shell: shellB, sync: syncB } = await logInAndSync(site.b, lead);
  // Nothing waits on either side: B's stock is the centre's, zone by zone.
  await expect(await syncB.checkStock()).toHaveAttribute('data-reconcile-outcome', 'match');
  await shellB.openArea('stock');
  const stockB = new StockPage(site.b.page);
  await stockB.lookUp(pallet.sscc);
  await expect(stockB.header('container')).toContainText(to);
  await shellB.logOut();

  // A picker on B takes the recount and counts it blind on B.
  await loginB.logIn(picker);
  await shellB.openArea('tasks');
  const tasksB = new TasksPage(site.b.page);
  await tasksB.expectTask(loose.locationCode, 'open');
  await tasksB.claim(loose.locationCode);
  await tasksB.startCount(loose.locationCode);
  await tasksB.countUnits(unitGtin(product), loose.quantity);
  await expect(site.b.page.locator('[data-count-outcome]')).toHaveAttribute('data-count-outcome', 'matched');
  await tasksB.backToTasks();
  await tasksB.expectTask(loose.locationCode, 'completed', 'matched');
  await syncB.expectBadge('idle', 0);

  // A sees the result after its next pull, and its shift lead closes the task.
  await shellA.openArea('sync');
  await syncA.syncNow();
  await syncA.expectBadge('idle', 0);
  await shellA.openArea('tasks');
  await tasksA.expectTask(loose.locationCode, 'completed', 'matched');
  await expect(tasksA.task(loose.locationCode)).toContainText(tasksA.t('tasks.state.matched'));
  await tasksA.decide(loose.locationCode, 'close', 'recompté conforme');
  await tasksA.expectFeedback('ok', 'tasks.decided.approve', { location: loose.locationCode });
  await expect(tasksA.task(loose.locationCode)).toHaveCount(0);
});
