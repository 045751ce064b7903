import { describe, expect, it } from 'vitest';
import type { PickLine } from '../../../shared/picking';
import { sql } from '../../platform/db/sql';
import { settle } from '../testing/centre';
import { ok, picker, releasedSite, shown } from '../testing/picking';

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
        actions: ['accept_short', 'recount'],
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
});
