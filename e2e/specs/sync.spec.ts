import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { startCentralProcess, type CentralProcess } from '../fixtures/central';
import { aPickFace, unitGtin } from '../fixtures/demo';
import { admin } from '../fixtures/people';
import { expect, test, type Station } from '../fixtures/station';
import { AdminPage } from '../pages/AdminPage';
import { LoginPage, type Person } from '../pages/LoginPage';
import { demoSite, SetupPage } from '../pages/SetupPage';
import { ShellPage } from '../pages/ShellPage';
import { StockPage } from '../pages/StockPage';
import { SyncPage } from '../pages/SyncPage';

const lead: Person = { name: 'Léa Bernard', badge: 'BADGE-LEAD01', pin: '9753' };

type Row = { location: string; container: string | null; sku: string; lot: string | null; quantity: number };
const key = (row: Row): string => `${row.location}|${row.container ?? ''}|${row.sku}|${row.lot ?? ''}|${row.quantity}`;

/** What the station holds, read from its database beside the running host (read-only, WAL allows it). */
function stationFacts(station: Station): { stock: string[]; events: number } {
  const db = new BetterSqlite3(join(station.dataDir, 'quai.sqlite3'), { readonly: true });
  try {
    const stock = db
      .prepare(
        `SELECT l.code AS location, c.code AS container, p.sku, lot.code AS lot, b.quantity FROM stock_balance b
        JOIN product p ON p.id = b.product_id JOIN location l ON l.id = b.location_id
        LEFT JOIN lot ON lot.id = b.lot_id LEFT JOIN container c ON c.id = b.container_id`,
      )
      .all() as Row[];
    // The stock events (the setup's site and people events travel too, but are not what this test counts).
    const events = (db.prepare("SELECT count(*) AS n FROM outbox WHERE type LIKE 'stock.%'").get() as { n: number }).n;
    return { stock: stock.map(key).sort(), events };
  } finally {
    db.close();
  }
}

async function remoteStation(station: Station, central: CentralProcess) {
  await new SetupPage(station.page).createSite(demoSite, demoSite.admin.pin, { url: central.url, token: central.token });
  const login = new LoginPage(station.page);
  await login.logIn(admin);
  const shell = new ShellPage(station.page);
  await shell.openArea('admin');
  await new AdminPage(station.page).createUser({ ...lead, role: 'shift_lead' });
  await shell.logOut();
  await login.logIn(lead);
  return { login, shell };
}

test('moves and counts made while the centre is unreachable reach it exactly once when it is back (docs/domain.md scenario 3, stock)', async ({ station }) => {
  const central = await startCentralProcess('STATION-E2E');
  try {
    const { shell } = await remoteStation(station, central);
    const sync = new SyncPage(station.page);
    await sync.expectBadge('idle', 0);

    await central.stop(); // the network is gone
    const stock = new StockPage(station.page);
    await shell.openArea('stock');
    const { loose, product } = aPickFace();
    const gtin = unitGtin(product);
    await stock.moveUnits(loose.locationCode, gtin, 2, 'DOCK-01');
    await stock.expectFeedback('ok', 'stock.moved', { quantity: 2, from: loose.locationCode, to: 'DOCK-01' });
    await stock.countLocation(loose.locationCode, [gtin]);
    await stock.countLocation(loose.locationCode, [gtin]);
    await stock.openTab('approvals');
    const approval = station.page.locator(`[data-approval="${loose.locationCode}"]`);
    await approval.locator('input').fill('compté deux fois');
    await approval.getByRole('button', { name: stock.t('stock.approve') }).click();
    await stock.expectFeedback('ok', 'stock.approved', { location: loose.locationCode });

    await shell.openArea('sync');
    await sync.syncNow();
    await sync.expectBadge('failing', 2);

    await central.start(); // the network is back
    await sync.syncNow();
    await sync.expectBadge('idle', 0);

    const facts = stationFacts(station);
    expect(facts.events).toBe(2);
    const received = (await central.call<{ events: { eventId: string; type: string | null; status: string }[] }>('GET', '/v1/test/events')).events.filter(
      (event) => event.type?.startsWith('stock.'),
    );
    expect(received).toHaveLength(2);
    expect(new Set(received.map((event) => event.eventId)).size).toBe(2);
    const view = await central.call<{ rows: Row[] }>('GET', '/v1/test/stock');
    expect(
      view.rows
        .filter((row) => row.quantity !== 0)
        .map(key)
        .sort(),
    ).toEqual(facts.stock);
  } finally {
    await central.dispose();
  }
});

test('an order the centre cancels disappears from the next-day list after the next pull', async ({ station }) => {
  const central = await startCentralProcess('STATION-E2E');
  try {
    await remoteStation(station, central);
    const shell = new ShellPage(station.page);
    await shell.openArea('orders');
    const firstOrder = station.page.locator('.data-table tbody tr').first().locator('code');
    const orderId = (await firstOrder.textContent()) ?? '';
    expect(orderId).not.toBe('');
    await central.call('POST', '/v1/test/cancel-order', { orderId });

    await shell.openArea('sync');
    await new SyncPage(station.page).syncNow();
    await new SyncPage(station.page).expectBadge('idle', 0);
    await shell.openArea('orders');
    await expect(station.page.locator('.data-table')).toBeVisible();
    await expect(station.page.getByText(orderId, { exact: true })).toHaveCount(0);
  } finally {
    await central.dispose();
  }
});
