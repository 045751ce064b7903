import { describe, expect, it } from 'vitest';
import type { PickLine } from '../../../shared/picking';
import { sql } from '../../platform/db/sql';
import { expectConsistent, settle, type ConnectedStation } from '../testing/centre';
import { ok, picker, releasedSite, shown } from '../testing/picking';
import { findRun } from '../picking/runs';

/** The unit GTIN of a SKU, as the picker scans it. */
const unitGtin = (station: ConnectedStation, sku: string): string =>
  station.core.db.read.get<{ gtin: string }>(sql`
    SELECT g.gtin FROM gtin g JOIN product p ON p.id = g.product_id WHERE p.sku = ${sku} AND g.pack_quantity = 1 ORDER BY g.gtin LIMIT 1`)?.gtin ?? '';

// The site's exceptions (issue #12, the shift lead's exceptions screen): raised on one station, seen
// and settled on any, the first resolution at the centre wins.

const lead = { badge: 'BADGE-LEAD', pin: '2580' } as const;

describe("the site's exceptions", () => {
  it("a short pick on the trolley shows in the office with its actions; a recount asked there settles it on every station, and the trolley's later resolution is told who was first", async () => {
    const { office, trolley, runId } = await releasedSite();
    const view = ok(await trolley.client.picking.claim({ runId }));
    const line = view.line as PickLine;
    ok(await trolley.client.picking.short({ runId, shown: shown(line), reason: 'empty' }));

    // A picker neither sees nor settles them: refused in main, and audited.
    expect(await trolley.client.exceptions.list({ scope: 'open' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await trolley.client.exceptions.resolve({ exceptionId: 'SHORT_PICK:x', action: 'accept_short', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(trolley.core.db.read.all(sql`SELECT action FROM audit WHERE outcome = 'refused' AND action LIKE 'exceptions:%' ORDER BY id`)).toEqual([
      { action: 'exceptions:list' },
      { action: 'exceptions:resolve' },
    ]);

    await settle(trolley);
    await settle(office);
    const shortOnOffice = ok(await office.client.exceptions.list({ scope: 'open' })).filter((exception) => exception.kind === 'SHORT_PICK');
    expect(shortOnOffice).toEqual([
      expect.objectContaining({
        subject: `${line.sku}@${line.location}`,
        location: line.location,
        raisedBy: { name: picker.name, station: 'TROLLEY' },
        actions: ['rerun', 'accept_short', 'recount'],
        resolution: null,
        unconfirmed: false,
        detail: expect.objectContaining({ runId, orderId: line.orderId, lineNo: line.lineNo, reason: 'empty' }),
      }),
    ]);
    const { exceptionId } = shortOnOffice[0]!;

    // What does not settle it changes nothing.
    const outbox = () => office.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox`)?.n;
    const before = outbox();
    expect(await office.client.exceptions.resolve({ exceptionId, action: 'acknowledge', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'ACTION_NOT_ALLOWED' },
    });
    expect(await office.client.exceptions.resolve({ exceptionId: 'SHORT_PICK:none', action: 'accept_short', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'EXCEPTION_NOT_FOUND' },
    });
    expect(outbox()).toBe(before);

    // The trolley's shift lead, not yet synced, accepts it short: applied there at once, unconfirmed.
    expect(await trolley.client.auth.login(lead)).toMatchObject({ ok: true });
    const accepted = ok(await trolley.client.exceptions.resolve({ exceptionId, action: 'accept_short', note: 'nothing left in the bin' }));
    expect(accepted).toMatchObject({ resolution: { action: 'accept_short', station: 'TROLLEY' }, unconfirmed: true, actions: [] });
    expect(await trolley.client.exceptions.resolve({ exceptionId, action: 'recount', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'EXCEPTION_RESOLVED' },
    });

    // The office asks for a recount and reaches the centre first: a recount task of the location, on every station.
    const recounted = ok(await office.client.exceptions.resolve({ exceptionId, action: 'recount', note: 'count the bin' }));
    expect(recounted.resolution).toMatchObject({ action: 'recount', note: 'count the bin', station: 'OFFICE' });
    const taskId = recounted.resolution?.taskId ?? '';
    expect(ok(await office.client.tasks.list({ scope: 'open' }))).toEqual(
      expect.arrayContaining([expect.objectContaining({ taskId, kind: 'recount', location: line.location })]),
    );
    expect(ok(await office.client.exceptions.list({ scope: 'open' })).map((exception) => exception.exceptionId)).not.toContain(exceptionId);
    expect(office.core.db.read.all(sql`SELECT target, outcome FROM audit WHERE action = 'exceptions:resolve' ORDER BY id`)).toEqual([
      { target: `exception:${exceptionId}`, outcome: 'ok' },
    ]);
    await settle(office);
    await settle(trolley);
    const resolutions = (await trolley.centre.siteEvents()).filter((event) => event.type === 'exception.resolved');
    expect(resolutions.map((event) => [event.stationId, event.status, event.problem?.code])).toEqual([
      ['OFFICE', 'applied', undefined],
      ['TROLLEY', 'accepted_with_exception', 'EXCEPTION_RESOLVED'],
    ]);
    // Raised once for the site, by the station that found it.
    expect((await trolley.centre.siteEvents()).filter((event) => event.type === 'exception.raised').map((event) => event.stationId)).toEqual(['TROLLEY']);
    // The trolley now shows the centre's word: the office's recount, and its task.
    const settledOnTrolley = ok(await trolley.client.exceptions.list({ scope: 'resolved' })).find((exception) => exception.exceptionId === exceptionId);
    expect(settledOnTrolley).toMatchObject({ resolution: { action: 'recount', station: 'OFFICE', taskId }, unconfirmed: false });
    expect(ok(await trolley.client.tasks.list({ scope: 'open' })).map((task) => task.taskId)).toContain(taskId);
  }, 120_000);

  it('an order the centre cancels mid-pick is an exception of the site, raised by the centre, for the shift lead to acknowledge', async () => {
    const { office, trolley, runId } = await releasedSite();
    const view = ok(await trolley.client.picking.claim({ runId }));
    const line = view.line as PickLine;
    expect((await trolley.centre.control('cancel-order', { orderId: line.orderId })).status).toBe(200);
    await settle(office);
    const cancelled = ok(await office.client.exceptions.list({ scope: 'open' })).filter((exception) => exception.kind === 'ORDER_CANCELLED_IN_RUN');
    expect(cancelled).toEqual([
      expect.objectContaining({ subject: line.orderId, raisedBy: expect.objectContaining({ station: 'centre' }), actions: ['acknowledge'] }),
    ]);
    const seen = ok(await office.client.exceptions.resolve({ exceptionId: cancelled[0]!.exceptionId, action: 'acknowledge', note: 'return task done' }));
    expect(seen.resolution).toMatchObject({ action: 'acknowledge', station: 'OFFICE', taskId: null });
    await settle(office);
    const onCentre = (await office.centre.siteEvents()).find((event) => event.type === 'exception.resolved');
    expect(onCentre).toMatchObject({ stationId: 'OFFICE', status: 'applied' });
  }, 120_000);

  it('a short pick re-run from the office: the units it ended short are picked again from another place in a run of their own, on the trolley; without stock elsewhere the shift lead is told, and nothing changes', async () => {
    const { office, trolley, runId } = await releasedSite();
    const view = ok(await trolley.client.picking.claim({ runId }));
    const line = view.line as PickLine;
    ok(await trolley.client.picking.short({ runId, shown: shown(line), reason: 'empty' }));
    await settle(trolley);
    await settle(office);
    const [short] = ok(await office.client.exceptions.list({ scope: 'open' })).filter((exception) => exception.kind === 'SHORT_PICK');
    expect(short?.actions).toEqual(['rerun', 'accept_short', 'recount']);
    const exceptionId = short?.exceptionId ?? '';

    // The demo site keeps each product at one place: nowhere else to pick it from.
    const outbox = () => office.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox`)?.n;
    const before = outbox();
    expect(await office.client.exceptions.resolve({ exceptionId, action: 'rerun', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'RERUN_NO_STOCK', details: { quantity: line.left, sku: line.sku } },
    });
    expect(outbox()).toBe(before);

    // Reserve stock put in storage: the re-run picks it there, never at the place found short.
    const storage =
      office.core.db.read.get<{ code: string }>(sql`SELECT code FROM location WHERE type = 'storage' AND active = 1 ORDER BY walk_order LIMIT 1`)?.code ?? '';
    expect(storage).not.toBe('');
    expect(await office.client.stock.move({ from: line.location, to: storage, gtin: unitGtin(office, line.sku), quantity: line.left + 2 })).toMatchObject({
      ok: true,
    });
    const resolved = ok(await office.client.exceptions.resolve({ exceptionId, action: 'rerun', note: 'reserve stock' }));
    const rerunId = resolved.resolution?.runId ?? '';
    expect(resolved.resolution).toMatchObject({ action: 'rerun', taskId: null });
    expect(findRun(office.core.db.read, rerunId)?.data).toMatchObject({
      state: 'released',
      rerunOf: runId,
      orders: [{ orderId: line.orderId, toteSlot: 1 }],
      stops: [{ location: storage, lines: [{ orderId: line.orderId, lineNo: line.lineNo, sku: line.sku, quantity: line.left }] }],
    });
    expect(
      office.core.db.read.all(sql`SELECT action, target FROM audit WHERE action IN ('picking:rerun', 'exceptions:resolve') AND outcome = 'ok' ORDER BY id`),
    ).toEqual([
      { action: 'picking:rerun', target: rerunId },
      { action: 'exceptions:resolve', target: `exception:${exceptionId}` },
    ]);
    await settle(office);
    expect((await office.centre.siteEvents()).find((event) => event.type === 'run.rerun')).toMatchObject({ stationId: 'OFFICE', status: 'applied' });
    await settle(trolley);

    // The trolley's picker takes it and picks it at the storage place.
    ok(await trolley.client.picking.pause({ runId }));
    const taken = ok(await trolley.client.picking.claim({ runId: rerunId }));
    expect(taken.line).toMatchObject({ location: storage, sku: line.sku, left: line.left });
    ok(await trolley.client.picking.scanLocation({ runId: rerunId, shown: shown(taken.line as PickLine), code: storage }));
    const done = ok(
      await trolley.client.picking.pick({
        runId: rerunId,
        shown: shown(taken.line as PickLine),
        location: storage,
        code: unitGtin(trolley, line.sku),
        count: line.left,
      }),
    );
    expect(done).toMatchObject({ linesDone: 1, unitsPicked: line.left, line: null });
    await settle(trolley);
    await settle(office);
    expect(findRun(office.core.db.read, rerunId)?.data).toMatchObject({ state: 'picked' });
    await expectConsistent(trolley);
    await expectConsistent(office);
  }, 120_000);
});
