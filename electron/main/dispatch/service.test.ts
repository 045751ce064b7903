import { describe, expect, it } from 'vitest';
import type { TrailerView } from '../../../shared/packing';
import { sql } from '../../platform/db/sql';
import { expectSiteConsistent, settle, type ConnectedStation } from '../testing/centre';
import { lastAudit, packOrder, pickedSite } from '../testing/packing';
import { ok } from '../testing/picking';

// Dispatch at the outbound dock (issue #13): parcels scanned onto a carrier's trailer, the trailer closed and handed over.

const footprint = (station: ConnectedStation) => ({
  movements: station.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM movement`)?.n,
  outbox: station.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox`)?.n,
  parcels: station.core.db.read.all(sql`SELECT sscc, state, trailer_id FROM site_parcel ORDER BY sscc`),
  trailers: station.core.db.read.all(sql`SELECT trailer_id, state, data FROM site_trailer ORDER BY trailer_id`),
});

describe('dispatching parcels onto a trailer', () => {
  it('loads its carrier’s sealed parcels, refuses every other scan with nothing recorded, and a picker cannot close it with parcels due missing', async () => {
    const { office, trolley, run } = await pickedSite();
    const orders = run.orders.map((order) => order.orderId);
    const parcels = [];
    for (const [index, orderId] of orders.slice(0, 3).entries()) parcels.push(await packOrder(office, orderId, 100 + index));
    const [p1, p2, p3] = parcels as [(typeof parcels)[number], (typeof parcels)[number], (typeof parcels)[number]];
    // The third one opened again by the shift lead: not sealed any more.
    ok(await office.client.packing.unpack({ code: p3.sscc, reason: 'box torn' }));
    await settle(office);
    await settle(trolley);

    // The trolley's picker works the dock: the office's parcels are the site's.
    const dock = ok(await trolley.client.dispatch.dock());
    const mine = dock.find((carrier) => carrier.carrier === run.carrier);
    expect(mine).toMatchObject({ loaded: 0, shipped: 0, trailers: [] });
    const trailer = ok(await trolley.client.dispatch.open({ carrier: run.carrier, label: 'AB-123-CD' }));
    expect(trailer).toMatchObject({ state: 'open', parcels: [] });
    expect(trailer.due.map((due) => due.orderId)).toEqual(expect.arrayContaining(orders));
    const other = dock.find((carrier) => carrier.carrier !== run.carrier);
    const otherTrailer = other ? ok(await trolley.client.dispatch.open({ carrier: other.carrier, label: 'ZZ-999-ZZ' })) : null;

    let loaded: TrailerView = ok(await trolley.client.dispatch.load({ trailerId: trailer.trailerId, code: p1.sscc }));
    expect(loaded.parcels.map((parcel) => parcel.sscc)).toEqual([p1.sscc]);
    expect(loaded.due.some((due) => due.orderId === p1.orderId)).toBe(false);

    const before = footprint(trolley);
    const load = (code: string, trailerId = trailer.trailerId) => trolley.client.dispatch.load({ trailerId, code });
    expect(await load(p1.tracking)).toMatchObject({ ok: false, error: { code: 'PARCEL_ON_TRAILER', details: { trailer: 'AB-123-CD' } } });
    expect(await load(p3.sscc)).toMatchObject({ ok: false, error: { code: 'PARCEL_NOT_SEALED' } });
    expect(await load('00030123459999999998')).toMatchObject({ ok: false, error: { code: 'PARCEL_NOT_FOUND' } });
    if (otherTrailer) expect(await load(p2.sscc, otherTrailer.trailerId)).toMatchObject({ ok: false, error: { code: 'PARCEL_WRONG_CARRIER' } });
    expect(footprint(trolley)).toEqual(before);

    loaded = ok(await load(`00${p2.sscc}`));
    expect(loaded.parcels).toHaveLength(2);

    // Parcels due are missing: a picker may not close, whatever the screen offers; refused in main and audited.
    // Due: every open order of the carrier's ship date, not only the run's, less the two on the trailer.
    const dueNow = loaded.due.map((due) => due.orderId);
    expect(dueNow).toHaveLength(trailer.due.length - 2);
    expect(dueNow).toEqual(expect.arrayContaining(orders.slice(2)));
    expect(await trolley.client.dispatch.close({ trailerId: trailer.trailerId, missing: [] })).toMatchObject({
      ok: false,
      error: { code: 'TRAILER_MISSING_PARCELS', details: { count: dueNow.length } },
    });
    expect(lastAudit(trolley, 'dispatch:close')?.outcome).toBe('refused');
    expect(
      await trolley.client.dispatch.close({ trailerId: trailer.trailerId, missing: dueNow.map((orderId) => ({ orderId, reason: 'not packed yet' })) }),
    ).toMatchObject({ ok: false, error: { code: 'TRAILER_MISSING_PARCELS' } });
    expect(ok(await trolley.client.dispatch.trailer({ trailerId: trailer.trailerId })).state).toBe('open');

    // The shift lead in the office closes it, naming what is missing: the manifest is fixed, the units leave the site.
    await settle(trolley);
    await settle(office);
    const unnamed = await office.client.dispatch.close({ trailerId: trailer.trailerId, missing: [{ orderId: orders[2] as string, reason: 'box torn' }] });
    expect(unnamed).toMatchObject({ ok: false, error: { code: 'TRAILER_MISSING_PARCELS' } });
    const closed = ok(
      await office.client.dispatch.close({ trailerId: trailer.trailerId, missing: dueNow.map((orderId) => ({ orderId, reason: 'tomorrow’s truck' })) }),
    );
    expect(closed.state).toBe('closed');
    expect(closed.manifest).toMatchObject({
      carrier: run.carrier,
      trailer: 'AB-123-CD',
      count: 2,
      totalGrams: 1600,
      parcels: [
        { sscc: p1.sscc, tracking: p1.tracking, weightGrams: 800 },
        { sscc: p2.sscc, tracking: p2.tracking, weightGrams: 800 },
      ],
    });
    expect(closed.manifest?.missing.map((missing) => missing.orderId).sort()).toEqual([...dueNow].sort());
    expect(closed.manifest?.closedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(closed.parcels.every((parcel) => parcel.state === 'shipped')).toBe(true);
    expect(lastAudit(office, 'dispatch:close')?.outcome).toBe('ok');
    expect(await office.client.dispatch.load({ trailerId: trailer.trailerId, code: p3.sscc })).toMatchObject({ ok: false, error: { code: 'TRAILER_CLOSED' } });

    // The centre has every event once, and the site's stock is one: the shipped units are gone everywhere.
    await expectSiteConsistent([office, trolley]);
    const shippedUnits = office.core.db.read.get<{ n: number }>(sql`SELECT coalesce(sum(quantity), 0) AS n FROM movement WHERE kind = 'ship'`)?.n;
    expect(shippedUnits).toBe(p1.units + p2.units);
    const trailerAtTrolley = ok(await trolley.client.dispatch.trailer({ trailerId: trailer.trailerId }));
    expect(trailerAtTrolley.manifest?.count).toBe(2);
  });

  it('pulls back the parcel of an order the centre cancelled after it was packed: refused at the dock, opened again for the centre’s return-to-bin tasks', async () => {
    const { office, run } = await pickedSite();
    const orderId = run.orders[0]?.orderId as string;
    const parcel = await packOrder(office, orderId, 200);
    await settle(office);
    expect((await office.centre.control('cancel-order', { orderId })).status).toBe(200);
    await settle(office);

    const trailer = ok(await office.client.dispatch.open({ carrier: run.carrier, label: 'TR-1' }));
    expect(await office.client.dispatch.load({ trailerId: trailer.trailerId, code: parcel.tracking })).toMatchObject({
      ok: false,
      error: { code: 'PARCEL_ORDER_CANCELLED', details: { orderId, sscc: parcel.sscc } },
    });
    expect(ok(await office.client.dispatch.trailer({ trailerId: trailer.trailerId })).parcels).toHaveLength(0);
    expect(office.core.db.read.get<{ state: string }>(sql`SELECT state FROM site_parcel WHERE sscc = ${parcel.sscc}`)?.state).toBe('unpacked');
    // The centre's tasks put every unit of the order back; the units they take are loose at the pack station again.
    const returns = office.core.db.read.all<{ data: string }>(sql`SELECT data FROM task WHERE kind = 'return_to_bin' AND state = 'open'`);
    const goods = returns
      .map((row) => (JSON.parse(row.data) as { goods: { quantity: number; orderId: string } | null }).goods)
      .filter((held) => held?.orderId === orderId);
    expect(goods.reduce((sum, held) => sum + (held?.quantity ?? 0), 0)).toBe(parcel.units);
    const loose = office.core.db.read.get<{ n: number }>(sql`
      SELECT coalesce(sum(b.quantity), 0) AS n FROM stock_balance b JOIN location l ON l.id = b.location_id WHERE l.type = 'pack_station' AND b.container_id = 0`)?.n;
    expect(loose).toBeGreaterThanOrEqual(parcel.units);
    // Scanned again: refused again, no second set of tasks.
    const count = office.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM task`)?.n;
    expect(await office.client.dispatch.load({ trailerId: trailer.trailerId, code: parcel.sscc })).toMatchObject({
      ok: false,
      error: { code: 'PARCEL_ORDER_CANCELLED' },
    });
    expect(office.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM task`)?.n).toBe(count);
    await expectSiteConsistent([office]);
  });
});
