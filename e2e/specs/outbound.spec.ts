import { trackingNumber } from '../../shared/barcode/parcel';
import { runSentSchema } from '../../electron/demo-central/test-controls';
import { unitGtinOf } from '../fixtures/demo';
import { expect, logInAndSync, siteOfTwo, test } from '../fixtures/site';
import { DispatchPage } from '../pages/DispatchPage';
import type { Person } from '../pages/LoginPage';
import { PackPage } from '../pages/PackPage';
import { PickPage } from '../pages/PickPage';
import { SyncPage } from '../pages/SyncPage';

const lead: Person = { name: 'Léa Bernard', badge: 'BADGE-LEAD01', pin: '9753' };

type CentreEvent = { eventId: string; type: string; status: string; stationId: string };

/** One order at the pack station: opened, each line scanned to its quantity, a box M, its weight, the carrier's label; the SSCC sealed. */
async function packOrder(pack: PackPage, orderId: string, label: string): Promise<string> {
  await pack.openOrder(orderId);
  const rows = pack.page.locator('.pack-lines tr[data-sku]');
  const lines: { sku: string; quantity: number }[] = [];
  for (const row of await rows.all())
    lines.push({ sku: (await row.getAttribute('data-sku')) ?? '', quantity: Number(await row.getAttribute('data-quantity')) });
  for (const [index, { sku, quantity }] of lines.entries()) {
    await pack.scanItem(unitGtinOf(sku), quantity);
    // The last line complete, the screen goes on to the box.
    if (index < lines.length - 1) await pack.expectLine(sku, quantity);
  }
  await pack.chooseBox('M');
  await pack.enterWeight('850');
  await pack.scanLabel(label);
  return pack.expectSealed();
}

/**
 * DOMAIN scenario 3, issue #13: a 20-order run picked on the trolley with its network cut before
 * the first scan, then packed at the office's pack station while that station is cut off in turn;
 * the centre cancels one of the orders meanwhile. Both reconnect: the parcel of the cancelled order
 * is refused at dispatch, the others leave on the carrier's trailer. The centre has every pick,
 * pack and dispatch exactly once, and each station's stock matches the centre's.
 */
test('a 20-order run picked and packed offline on two stations, dispatched once back online: every event once at the centre, a cancelled order’s parcel pulled back', async ({
  site,
}) => {
  test.setTimeout(600_000);
  await siteOfTwo(site, [{ ...lead, role: 'shift_lead' }]);
  const sent = runSentSchema.parse(await site.centre.call('POST', '/v1/test/send-run', { orders: 20, carrier: 'colissimo' }));
  expect(sent.orders).toHaveLength(20);

  // The trolley hears of the run, then loses its network before the first scan and picks it whole.
  const { shell: shellB, sync: syncB } = await logInAndSync(site.b, lead);
  site.b.network.cut();
  await shellB.openArea('pick');
  const pick = new PickPage(site.b.page);
  await pick.takeNext();
  const picked = await pick.pickWholeRun(unitGtinOf);
  await pick.expectStep('done');
  await shellB.openArea('sync');
  await syncB.syncNow();
  await expect(syncB.badge()).not.toHaveAttribute('data-sync-pending', '0');
  site.b.network.restore();
  await syncB.syncNow();
  await syncB.expectBadge('idle', 0);

  // The pack station has the picks; then its own network goes, and it packs the 20 orders.
  const { shell: shellA, sync: syncA } = await logInAndSync(site.a, lead);
  site.a.network.cut();
  await shellA.openArea('pack');
  const pack = new PackPage(site.a.page);
  await expect(pack.ordersToPack()).toHaveCount(20);
  const parcels = new Map<string, { sscc: string; tracking: string }>();
  for (const [index, orderId] of sent.orders.entries()) {
    const tracking = trackingNumber('colissimo', 70_000 + index);
    parcels.set(orderId, { sscc: await packOrder(pack, orderId, tracking), tracking });
  }
  expect(new Set([...parcels.values()].map((parcel) => parcel.sscc)).size).toBe(20);

  // Meanwhile the centre cancels one of them: the station cannot hear it.
  const cancelled = sent.orders[7] as string;
  expect(await site.centre.call('POST', '/v1/test/cancel-order', { orderId: cancelled })).toBeTruthy();

  // Back online: the station pushes its parcels and hears of the cancel.
  site.a.network.restore();
  await shellA.openArea('sync');
  await syncA.syncNow();
  await syncA.expectBadge('idle', 0);

  // The outbound dock: every parcel scanned onto the carrier's trailer; the cancelled order's is refused and pulled back.
  await shellA.openArea('dispatch');
  const dispatch = new DispatchPage(site.a.page);
  await dispatch.openTrailer('colissimo', 'GE-482-KT');
  for (const [orderId, parcel] of parcels) {
    if (orderId === cancelled) continue;
    const loaded = await dispatch.loadedCount();
    await dispatch.scanParcel(parcel.sscc);
    await expect(dispatch.page.locator('.dispatch-figures')).toHaveAttribute('data-loaded', String(loaded + 1));
  }
  const refused = parcels.get(cancelled) as { sscc: string; tracking: string };
  await dispatch.scanParcel(refused.tracking);
  await dispatch.expectFeedback('error', 'errors.PARCEL_ORDER_CANCELLED', { orderId: cancelled, sscc: refused.sscc });
  expect(await dispatch.loadedCount()).toBe(19);
  // The demo site's other Colissimo orders ship on a later trailer: the shift lead names them and closes.
  await dispatch.closeConfirmingMissing('next collection');
  const manifest = await dispatch.manifestRows();
  expect(manifest).toHaveLength(19);
  expect(manifest.map((row) => row.orderId).sort()).toEqual(sent.orders.filter((orderId) => orderId !== cancelled).sort());

  // Both stations synced: the centre has each pick, pack and dispatch once.
  await shellA.openArea('sync');
  await syncA.syncNow();
  await syncA.expectBadge('idle', 0);
  await syncB.syncNow();
  await syncB.expectBadge('idle', 0);
  const { events } = await site.centre.call<{ events: CentreEvent[] }>('GET', '/v1/test/events?site=1');
  expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);
  expect(events.filter((event) => event.type === 'run.picked')).toHaveLength(picked);
  expect(events.filter((event) => event.type === 'parcel.packed')).toHaveLength(20);
  expect(events.filter((event) => event.type === 'parcel.loaded')).toHaveLength(19);
  expect(events.filter((event) => event.type === 'trailer.closed')).toHaveLength(1);
  expect(events.filter((event) => event.status === 'rejected')).toEqual([]);
  const dispatched = await site.centre.call<{ parcels: { sscc: string; state: string }[] }>('GET', '/v1/test/dispatch');
  expect(dispatched.parcels.filter((parcel) => parcel.state === 'shipped')).toHaveLength(19);
  expect(dispatched.parcels.find((parcel) => parcel.sscc === refused.sscc)?.state).toBe('unpacked');

  // The stock of each station is the centre's.
  await expect(await new SyncPage(site.a.page).checkStock()).toHaveAttribute('data-reconcile-outcome', 'match');
  await expect(await syncB.checkStock()).toHaveAttribute('data-reconcile-outcome', 'match');
});
