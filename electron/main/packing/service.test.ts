import { describe, expect, it } from 'vitest';
import { isValidSscc } from '../../../shared/barcode';
import type { PackView } from '../../../shared/packing';
import { sql } from '../../platform/db/sql';
import { connectedStation, settle, type ConnectedStation } from '../testing/centre';
import { labelFor, lastAudit, packOrder, pickedSite, verifiedOf, verifyAll } from '../testing/packing';
import { ok, unitGtin } from '../testing/picking';

// Packing at a pack station (issue #13): verification scan by scan in main, the seal in one transaction.

/** What a refusal must leave as it was. */
const footprint = (station: ConnectedStation) => ({
  movements: station.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM movement`)?.n,
  outbox: station.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox`)?.n,
  parcels: station.core.db.read.all(sql`SELECT sscc, state FROM site_parcel ORDER BY sscc`),
  blocks: station.core.db.read.all(sql`SELECT id, next FROM sscc_block ORDER BY id`),
});

const inParcel = (station: ConnectedStation, sscc: string): number =>
  station.core.db.read.get<{ n: number }>(sql`
    SELECT coalesce(sum(b.quantity), 0) AS n FROM stock_balance b JOIN container c ON c.id = b.container_id WHERE c.code = ${sscc}`)?.n ?? 0;

const refusal = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

describe('packing an order', () => {
  it('checks each item against the order, refuses another order’s item or one unit too many with nothing recorded, and seals with a label of the order’s carrier', async () => {
    const { office, run } = await pickedSite();
    const toPack = ok(await office.client.packing.toPack());
    expect(toPack.map((order) => order.orderId).sort()).toEqual(run.orders.map((order) => order.orderId).sort());
    const [first, second] = run.orders.map((order) => order.orderId) as [string, string];

    const view: PackView = ok(await office.client.packing.open({ code: first }));
    expect(view).toMatchObject({ orderId: first, carrier: run.carrier, complete: false });
    expect(view.lines.every((line) => line.picked === line.quantity && line.verified === 0)).toBe(true);
    const before = footprint(office);

    // An item of another order of the run: refused, naming the order and its tote slot.
    const mine = new Set(view.lines.map((line) => line.sku));
    const otherView = ok(await office.client.packing.open({ code: second }));
    let foreign: { orderId: string; sku: string } | undefined;
    for (const order of run.orders.filter((candidate) => candidate.orderId !== first)) {
      const lines = order.orderId === second ? otherView.lines : ok(await office.client.packing.open({ code: order.orderId })).lines;
      const sku = lines.find((candidate) => !mine.has(candidate.sku))?.sku;
      if (sku) {
        foreign = { orderId: order.orderId, sku };
        break;
      }
    }
    expect(foreign, 'the run has an order with a SKU the first order lacks').toBeDefined();
    const wrong = await office.client.packing.verify({ orderId: first, verified: [], code: unitGtin(office, foreign?.sku ?? '') });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'ITEM_OF_OTHER_ORDER' } });
    const named = wrong.ok ? '' : String(wrong.error.details?.['orderId']);
    expect(run.orders.map((order) => order.orderId).filter((orderId) => orderId !== first)).toContain(named);
    // One unit more than the line asks.
    const line = view.lines[0] as PackView['lines'][number];
    expect(await office.client.packing.verify({ orderId: first, verified: [], code: unitGtin(office, line.sku), count: line.quantity + 1 })).toMatchObject({
      ok: false,
      error: { code: 'EXTRA_UNIT', details: { sku: line.sku } },
    });
    // Not a product at all.
    expect(refusal(await office.client.packing.verify({ orderId: first, verified: [], code: 'A-01-01-1' }))).not.toBe('ok');
    expect(footprint(office)).toEqual(before);

    // Verified whole; a label of another carrier and one with a wrong check character are refused.
    const verified = await verifyAll(office, view);
    expect(verified.complete).toBe(true);
    const otherCarrier = run.carrier === 'dpd' ? 'colissimo' : 'dpd';
    const seal = (label: string) =>
      office.client.packing.seal({ orderId: first, verified: verifiedOf(verified), box: 'S', weightGrams: 640, label, short: false });
    expect(await seal(labelFor(otherCarrier, 11))).toMatchObject({ ok: false, error: { code: 'TRACKING_WRONG_CARRIER' } });
    const good = labelFor(run.carrier, 12);
    const broken = run.carrier === 'dpd' ? `${good.slice(0, 14)}${good.endsWith('A') ? 'B' : 'A'}` : `${good.slice(0, 10)}${(Number(good[10]) + 1) % 10}FR`;
    expect(await seal(broken)).toMatchObject({ ok: false, error: { code: 'TRACKING_CHECK' } });
    expect(footprint(office)).toEqual(before);

    // Sealed: an SSCC of the station's block, the units moved into it, one event for the centre.
    const parcel = ok(await seal(good));
    expect(isValidSscc(parcel.sscc)).toBe(true);
    expect(parcel).toMatchObject({
      orderId: first,
      carrier: run.carrier,
      box: 'S',
      weightGrams: 640,
      state: 'sealed',
      units: verified.lines.reduce((sum, held) => sum + held.quantity, 0),
      short: 0,
    });
    expect(inParcel(office, parcel.sscc)).toBe(parcel.units);
    const packed = office.core.db.read.all<{ type: string; payload: string }>(sql`SELECT type, payload FROM outbox WHERE type = 'parcel.packed'`);
    expect(packed).toHaveLength(1);
    expect(JSON.parse(packed[0]?.payload ?? '{}')).toMatchObject({
      sscc: parcel.sscc,
      orderId: first,
      movements: expect.arrayContaining([expect.objectContaining({ kind: 'pack' })]),
    });

    // The order is packed; the label cannot go on a second parcel.
    expect(await office.client.packing.open({ code: first })).toMatchObject({ ok: false, error: { code: 'ORDER_PACKED', details: { sscc: parcel.sscc } } });
    const secondVerified = await verifyAll(office, otherView);
    expect(
      await office.client.packing.seal({ orderId: second, verified: verifiedOf(secondVerified), box: 'M', weightGrams: null, label: good, short: false }),
    ).toMatchObject({ ok: false, error: { code: 'TRACKING_USED', details: { orderId: first } } });

    // The centre and the site's other stations learn the parcel.
    await settle(office);
    expect(ok(await office.client.packing.toPack()).some((order) => order.orderId === first)).toBe(false);
  });

  it('packs short only with a shift lead: a picker is refused (audited), a shift lead records the missing units', async () => {
    const { office, trolley, run } = await pickedSite();
    await settle(trolley);
    const orderId = run.orders[0]?.orderId as string;
    const view = ok(await trolley.client.packing.open({ code: orderId }));
    const line = view.lines[0] as PackView['lines'][number];
    const partial = ok(await trolley.client.packing.verify({ orderId, verified: [], code: unitGtin(trolley, line.sku) }));
    const tryShort = (station: ConnectedStation, serial: number) =>
      station.client.packing.seal({ orderId, verified: verifiedOf(partial), box: 'XS', weightGrams: null, label: labelFor(run.carrier, serial), short: true });
    // The trolley's picker is logged in there.
    expect(await tryShort(trolley, 21)).toMatchObject({ ok: false, error: { code: 'PACK_INCOMPLETE' } });
    expect(lastAudit(trolley, 'packing:seal')?.outcome).toBe('refused');
    expect(trolley.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM site_parcel`)?.n).toBe(0);

    // The office's shift lead packs it short.
    const missing = view.lines.reduce((sum, held) => sum + held.quantity, 0) - 1;
    const parcel = ok(await tryShort(office, 22));
    expect(parcel).toMatchObject({ units: 1, short: missing });
  });

  it('an unpack is a shift lead’s, with a reason: the units are loose again and the order can be packed again', async () => {
    const { office, trolley, run } = await pickedSite();
    const orderId = run.orders[0]?.orderId as string;
    const parcel = await packOrder(office, orderId, 31);
    await settle(office);
    await settle(trolley);
    // The picker on the trolley: refused in main, audited.
    expect(await trolley.client.packing.unpack({ code: parcel.sscc, reason: 'wrong box' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(lastAudit(trolley, 'packing:unpack')?.outcome).toBe('refused');
    const opened = ok(await office.client.packing.unpack({ code: labelFor(run.carrier, 31), reason: 'wrong box' }));
    expect(opened).toMatchObject({ sscc: parcel.sscc, state: 'unpacked' });
    expect(inParcel(office, parcel.sscc)).toBe(0);
    const again = await packOrder(office, orderId, 32);
    expect(again.sscc).not.toBe(parcel.sscc);
    await settle(office);
  });
});

describe('SSCCs of the site’s parcels', () => {
  it('are never given twice: not after a restart, not by two stations of the site', async () => {
    const { office, trolley, run, centre } = await pickedSite();
    const [a, b, c] = run.orders.map((order) => order.orderId) as [string, string, string];
    const dock = await connectedStation(centre, { stationId: 'DOCK' });
    await settle(dock);
    const first = await packOrder(office, a, 41);
    const restarted = await office.restart();
    await settle(restarted);
    const second = await packOrder(restarted, b, 42);
    await settle(trolley);
    const third = await packOrder(dock, c, 43);
    const ssccs = [first.sscc, second.sscc, third.sscc];
    expect(new Set(ssccs).size).toBe(3);
    expect(ssccs.every(isValidSscc)).toBe(true);
    // The two stations' blocks do not overlap.
    const blocks = (station: ConnectedStation) => station.core.db.read.all<{ first: number; last: number }>(sql`SELECT first, last FROM sscc_block`);
    for (const mineBlock of blocks(restarted))
      for (const theirs of blocks(dock)) expect(mineBlock.last < theirs.first || theirs.last < mineBlock.first).toBe(true);
  });
});
