import { describe, expect, it } from 'vitest';
import { runBarcode, type PickLine, type PickView } from '../../../shared/picking';
import { runSentSchema } from '../../demo-central/test-controls';
import { sql } from '../../platform/db/sql';
import { connectedStation, expectConsistent, settle, sortRows, stationStock, type ConnectedStation } from '../testing/centre';
import { ok, picker, pickLine, planOf, releasedSite, shown, siteWithPicker, unitGtin } from '../testing/picking';
import { linesLeft, placeKey, type RunData } from '../../../shared/sync/site-runs';
import { applyPulledRun, findRun, heldByRuns } from './runs';

// Picking a released run by scan (issue #12, ADR 0009): taken through the centre, picked on any station.

const looseAt = (station: ConnectedStation, location: string, sku: string): number =>
  station.core.db.read.get<{ n: number }>(sql`
    SELECT coalesce(sum(b.quantity), 0) AS n FROM stock_balance b JOIN location l ON l.id = b.location_id JOIN product p ON p.id = b.product_id
    WHERE l.code = ${location} AND p.sku = ${sku} AND b.container_id = 0`)?.n ?? 0;

/** What a refusal must leave as it was: movements, the outbox, the run. */
const footprint = (station: ConnectedStation) => ({
  movements: station.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM movement`)?.n,
  outbox: station.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox`)?.n,
  runs: station.core.db.read.all(sql`SELECT run_id, data FROM pick_run ORDER BY run_id`),
});

describe('picking a released run by scan', () => {
  it('on another station than the one that released it: refusals record nothing, every line moves its units to packing, and both stations and the centre agree', async () => {
    const { office, trolley, run, runId } = await releasedSite();
    const toPick = ok(await trolley.client.picking.toPick());
    expect(toPick).toEqual([expect.objectContaining({ runId, carrier: run.carrier, lines: run.lines, linesLeft: run.lines, holder: null })]);
    let view = ok(await trolley.client.picking.claim({ runId }));
    expect(view).toMatchObject({ runId, mine: true, linesDone: 0, lines: run.lines, line: { stop: 1, picked: 0 } });
    const first = view.line as PickLine;
    expect(first).toMatchObject({ location: run.stops[0]?.location, sku: run.stops[0]?.lines[0]?.sku, left: run.stops[0]?.lines[0]?.quantity });

    // Wrong location, wrong item, too many, a location for an item: refused, nothing recorded.
    const before = footprint(trolley);
    const elsewhere = run.stops.find((stop) => stop.location !== first.location)?.location ?? 'A-99-99-9';
    expect(await trolley.client.picking.scanLocation({ runId, shown: shown(first), code: elsewhere })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_LOCATION' },
    });
    expect(await trolley.client.picking.pick({ runId, shown: shown(first), location: elsewhere, code: unitGtin(trolley, first.sku) })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_LOCATION', details: { expected: first.location } },
    });
    const otherSku = run.stops.flatMap((stop) => stop.lines).find((line) => line.sku !== first.sku)?.sku as string;
    expect(await trolley.client.picking.pick({ runId, shown: shown(first), location: first.location, code: unitGtin(trolley, otherSku) })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_ITEM', details: { scanned: otherSku, expected: first.sku } },
    });
    expect(
      await trolley.client.picking.pick({ runId, shown: shown(first), location: first.location, code: unitGtin(trolley, first.sku), count: first.left + 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'OVER_PICK', details: { left: first.left } },
    });
    expect(await trolley.client.picking.pick({ runId, shown: shown(first), location: first.location, code: first.location })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AN_ITEM' },
    });
    expect(footprint(trolley)).toEqual(before);

    // One unit, then the rest of the line: the location gives them up, the line is done.
    const stockBefore = looseAt(trolley, first.location, first.sku);
    view = ok(await trolley.client.picking.pick({ runId, shown: shown(first), location: first.location, code: unitGtin(trolley, first.sku) }));
    if (first.left > 1) {
      expect(view.line).toMatchObject({ orderId: first.orderId, lineNo: first.lineNo, picked: 1, left: first.left - 1 });
      view = await pickLine(trolley, view);
    }
    expect(looseAt(trolley, first.location, first.sku)).toBe(stockBefore - first.left);
    expect(view).toMatchObject({ linesDone: 1, unitsPicked: first.left });
    while (view.line) view = await pickLine(trolley, view);
    expect(view).toMatchObject({ state: 'picked', linesDone: run.lines, unitsPicked: run.units, unitsShort: 0, mine: false });
    expect(ok(await trolley.client.picking.toPick())).toEqual([]);
    const packed = trolley.core.db.read.get<{ n: number }>(sql`
      SELECT coalesce(sum(b.quantity), 0) AS n FROM stock_balance b JOIN location l ON l.id = b.location_id WHERE l.type = 'pack_station'`)?.n;
    expect(packed).toBe(run.units);
    // One audit row per pick event, and one pick event per scan that picked (two for the first line when it had more than one unit).
    const picks = trolley.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE type = 'run.picked'`)?.n;
    expect(picks).toBe(run.lines + (first.left > 1 ? 1 : 0));
    expect(trolley.core.db.read.get(sql`SELECT count(*) AS n FROM audit WHERE action = 'picking:pick' AND outcome = 'ok'`)).toEqual({ n: picks });

    await settle(trolley);
    await expectConsistent(trolley);
    const received = await trolley.centre.events();
    expect(received.filter((event) => event.type?.startsWith('run.')).every((event) => event.status === 'applied')).toBe(true);
    // The office hears of it: the run is picked, and the stock the same as the trolley's.
    await settle(office);
    expect((await planOf(office)).released).toEqual([expect.objectContaining({ runId, state: 'picked' })]);
    expect(sortRows(stationStock(office.core.db))).toEqual(sortRows(stationStock(trolley.core.db)));
  }, 120_000);

  it("taken by scanning its pick list's barcode, in either case; a code that is no run's, or a run this site does not have, takes nothing", async () => {
    const { trolley, runId } = await releasedSite();
    const before = footprint(trolley);
    for (const [code, refusal] of [
      ['A-01-01-1', 'NOT_A_RUN'],
      [`RUN-${runId.slice(0, 8)}`, 'NOT_A_RUN'],
      [runId, 'NOT_A_RUN'],
      [runBarcode('0193a0c4-1f2e-7000-8000-00000000dead'), 'RUN_NOT_FOUND'],
    ] as const)
      expect(await trolley.client.picking.claimScanned({ code }), code).toMatchObject({ ok: false, error: { code: refusal } });
    expect(footprint(trolley)).toEqual(before);

    const view = ok(await trolley.client.picking.claimScanned({ code: runBarcode(runId).toLowerCase() }));
    expect(view).toMatchObject({ runId, mine: true, linesDone: 0, line: { stop: 1 } });
    expect(trolley.core.db.read.get(sql`SELECT target, outcome FROM audit WHERE action = 'picking:claim' ORDER BY id DESC LIMIT 1`)).toEqual({
      target: `run:${runId}`,
      outcome: 'ok',
    });
    // Scanning it again carries on: the same run at the same line, no second claim.
    expect(ok(await trolley.client.picking.claimScanned({ code: runBarcode(runId) }))).toMatchObject({ runId, line: view.line });
    expect(trolley.core.db.read.get(sql`SELECT count(*) AS n FROM outbox WHERE type = 'run.claimed'`)).toEqual({ n: 1 });
  }, 60_000);

  it('sent by the centre, which plans its waves itself: it arrives with the next pull, reserved, and is picked and reported like a run built at the site', async () => {
    const { centre, office } = await siteWithPicker();
    const answer = await office.centre.control('send-run', { orders: 6, carrier: 'colissimo' });
    expect(answer.status).toBe(200);
    const sent = runSentSchema.parse(answer.body);
    expect(sent).toMatchObject({ carrier: 'colissimo', orders: expect.arrayContaining([expect.any(String)]) });
    expect(sent.orders.length).toBeGreaterThan(0);
    expect(sent.orders.length).toBeLessThanOrEqual(6);

    // The office's next pull brings it: released by the centre, its orders no longer planned here.
    await settle(office);
    const plan = await planOf(office);
    expect(plan.released).toEqual([expect.objectContaining({ runId: sent.runId, state: 'released', releasedBy: { name: 'centre', station: 'centre' } })]);
    expect(plan.runs.flatMap((run) => run.orders.map((order) => order.orderId)).filter((orderId) => sent.orders.includes(orderId))).toEqual([]);

    // The trolley picks it by scan, line by line, as any other.
    const trolley = await connectedStation(centre, { stationId: 'TROLLEY' });
    expect(await trolley.client.auth.login(picker)).toMatchObject({ ok: true });
    expect(ok(await trolley.client.picking.toPick())).toEqual([expect.objectContaining({ runId: sent.runId, carrier: 'colissimo', lines: sent.lines })]);
    let view = ok(await trolley.client.picking.claimScanned({ code: runBarcode(sent.runId) }));
    while (view.line) view = await pickLine(trolley, view);
    expect(view).toMatchObject({ state: 'picked', linesDone: sent.lines, unitsShort: 0 });
    await settle(trolley);
    await expectConsistent(trolley);
    const received = (await trolley.centre.events()).filter((event) => event.type?.startsWith('run.'));
    expect(received.length).toBeGreaterThan(sent.lines);
    expect(received.every((event) => event.status === 'applied')).toBe(true);
    await settle(office);
    expect((await planOf(office)).released).toEqual([expect.objectContaining({ runId: sent.runId, state: 'picked' })]);

    // Nothing more to send of what it held; an impossible ask is refused with the reason.
    const again = runSentSchema.parse((await office.centre.control('send-run', { orders: 200 })).body);
    expect(again.orders.filter((orderId) => sent.orders.includes(orderId))).toEqual([]);
    expect((await office.centre.control('send-run', { orders: 0 })).status).toBe(400);
  }, 120_000);

  it('taken on two stations before either synced: the first claim at the centre wins, the other picker is told, and a paused run carries on elsewhere at the same line, after a restart too', async () => {
    const { office, trolley, runId } = await releasedSite();
    ok(await office.client.picking.claim({ runId }));
    ok(await trolley.client.picking.claim({ runId }));
    const lost: unknown[] = [];
    trolley.core.events.subscribe((name, payload) => {
      if (name === 'picking:claim-lost') lost.push(payload);
    });
    await settle(office);
    await settle(trolley);
    expect(lost).toEqual([{ runId, holder: 'Léa Lead' }]);
    expect(trolley.core.db.read.all(sql`SELECT kind, subject, json_extract(detail, '$.code') AS code FROM site_exception`)).toEqual([
      { kind: 'CLAIM_LOST', subject: runId, code: 'RUN_TAKEN' },
    ]);
    // The trolley's picker is now refused: the run is the lead's, at the office.
    expect(ok(await trolley.client.picking.current())).toBeNull();
    expect(ok(await trolley.client.picking.toPick())).toEqual([]);
    expect(
      await trolley.client.picking.scanLocation({
        runId,
        shown: { orderId: 'MP-1', lineNo: 1, location: 'A-01-01-1', withdrawn: 0, amended: 0 },
        code: 'A-01-01-1',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'RUN_TAKEN', details: { holder: 'Léa Lead' } },
    });

    // The lead picks a line and pauses; the picker takes it on the trolley, at the next line.
    let view = await pickLine(office, ok(await office.client.picking.current()) as PickView);
    const next = view.line as PickLine;
    view = ok(await office.client.picking.pause({ runId }));
    expect(view.mine).toBe(false);
    await settle(office);
    await settle(trolley);
    expect(ok(await trolley.client.picking.toPick())).toEqual([expect.objectContaining({ runId, holder: null })]);
    view = ok(await trolley.client.picking.claim({ runId }));
    expect(view).toMatchObject({ mine: true, linesDone: 1, line: { orderId: next.orderId, lineNo: next.lineNo, location: next.location } });

    // A crash and a restart: the same run, at the same line.
    const restarted = await trolley.restart();
    expect(await restarted.client.auth.login(picker)).toMatchObject({ ok: true });
    expect(ok(await restarted.client.picking.current())).toMatchObject({
      runId,
      mine: true,
      linesDone: 1,
      line: { orderId: next.orderId, lineNo: next.lineNo },
    });
    // Picked here, not yet pushed, when the centre's version of the run (without that pick) is pulled: the pick stays.
    const centreVersion = findRun(restarted.core.db.read, runId) as { data: RunData; version: number };
    await pickLine(restarted, ok(await restarted.client.picking.current()) as PickView);
    restarted.core.db.write((tx) => applyPulledRun(tx, centreVersion.data, centreVersion.version + 1, { generation: 0 }));
    expect(ok(await restarted.client.picking.current())).toMatchObject({ mine: true, linesDone: 2 });
    await settle(restarted);
    expect(ok(await restarted.client.picking.current())).toMatchObject({ linesDone: 2 });
    // The pick confirmed, then an older version of the run arrives (a pull brings its versions one by one): it stays picked.
    const latest = findRun(restarted.core.db.read, runId)?.version ?? 0;
    restarted.core.db.write((tx) => applyPulledRun(tx, centreVersion.data, latest + 1, { generation: 0 }));
    expect(ok(await restarted.client.picking.current())).toMatchObject({ linesDone: 2 });
    await settle(restarted);
    await expectConsistent(restarted);
  }, 120_000);

  it('short: the rest of the line ends short with its reason, an exception here and at the centre, and its units are no longer reserved', async () => {
    const { trolley, run, runId } = await releasedSite();
    const view = ok(await trolley.client.picking.claim({ runId }));
    const line = view.line as PickLine;
    expect(await trolley.client.picking.short({ runId, shown: shown(line), reason: 'broken' as never })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const reserved = (): number => heldByRuns(trolley.core.db.read).reserved.get(placeKey(line.location, line.sku)) ?? 0;
    const reservedBefore = reserved();
    expect(reservedBefore).toBeGreaterThanOrEqual(line.left);
    const after = ok(await trolley.client.picking.short({ runId, shown: shown(line), reason: 'empty' }));
    expect(reserved()).toBe(reservedBefore - line.left);
    expect(after).toMatchObject({ linesDone: 1, unitsShort: line.left, unitsPicked: 0 });
    expect(after.line).not.toMatchObject({ orderId: line.orderId, lineNo: line.lineNo, location: line.location });
    expect(trolley.core.db.read.all(sql`SELECT kind, subject, json_extract(detail, '$.reason') AS reason FROM site_exception`)).toEqual([
      { kind: 'SHORT_PICK', subject: `${line.sku}@${line.location}`, reason: 'empty' },
    ]);
    await settle(trolley);
    const short = (await trolley.centre.events()).find((event) => event.type === 'run.short');
    expect(short).toMatchObject({ status: 'accepted_with_exception', problem: { code: 'SHORT_PICK' } });
    // Not recorded twice on the station: it was at the short pick.
    expect(trolley.core.db.read.get(sql`SELECT count(*) AS n FROM site_exception`)).toEqual({ n: 1 });
    // The centre's version agrees: the line is short on every station that pulls it.
    await settle(trolley);
    expect(findRun(trolley.core.db.read, runId)?.data.picks).toEqual([
      expect.objectContaining({ orderId: line.orderId, lineNo: line.lineNo, quantity: line.left, short: 'empty' }),
    ]);
    expect(reserved()).toBe(reservedBefore - line.left);
    expect(run.orders.length).toBeGreaterThan(0);
  }, 120_000);

  it('an order the centre cancels mid-pick leaves the run: the picker is told at the next scan, its picked units become a return-to-bin task any station can do, and a pick scanned before the news is accepted with an exception', async () => {
    const { office, trolley, runId } = await releasedSite();
    let view = await pickLine(trolley, ok(await trolley.client.picking.claim({ runId })));
    const picked = findRun(trolley.core.db.read, runId)?.data.picks[0];
    if (!picked) throw new Error('no pick');
    const slotOf = (orderId: string) => findRun(trolley.core.db.read, runId)?.data.orders.find((order) => order.orderId === orderId)?.toteSlot;
    await settle(trolley);
    const reservedBefore = heldByRuns(trolley.core.db.read).reserved;
    expect((await trolley.centre.control('cancel-order', { orderId: picked.orderId })).status).toBe(200);
    await settle(trolley);

    // The screen still shows the line it had: its next scan is refused, saying which order left and what its slot holds.
    const stale = view.line as PickLine;
    const before = footprint(trolley);
    expect(await trolley.client.picking.scanLocation({ runId, shown: shown(stale, view.withdrawn), code: stale.location })).toMatchObject({
      ok: false,
      error: { code: 'ORDER_WITHDRAWN', details: { orders: picked.orderId, units: picked.quantity, slots: String(slotOf(picked.orderId)) } },
    });
    expect(footprint(trolley)).toEqual(before);
    view = ok(await trolley.client.picking.current()) as PickView;
    expect(view).toMatchObject({ withdrawn: 1, mine: true });
    expect(view.line?.orderId).not.toBe(picked.orderId);
    // Its lines left with what they reserved; the other orders' stay.
    const runLines = linesLeft({ ...(findRun(trolley.core.db.read, runId)?.data as RunData), withdrawn: [] });
    const ofCancelled = runLines.filter((line) => line.orderId === picked.orderId);
    const freed = new Map<string, number>();
    for (const line of ofCancelled) freed.set(placeKey(line.location, line.sku), (freed.get(placeKey(line.location, line.sku)) ?? 0) + line.left);
    const expected = new Map(
      [...reservedBefore].map(([key, units]): [string, number] => [key, units - (freed.get(key) ?? 0)]).filter(([, units]) => units > 0),
    );
    expect(heldByRuns(trolley.core.db.read).reserved).toEqual(expected);

    // The units already in the tote: a return-to-bin task, on every station of the site.
    await settle(office);
    const task = ok(await office.client.tasks.list({ scope: 'open' })).find((candidate) => candidate.kind === 'return_to_bin');
    expect(task).toMatchObject({
      location: picked.location,
      state: 'open',
      goods: { sku: ofCancelled.find((line) => line.lineNo === picked.lineNo)?.sku, quantity: picked.quantity, orderId: picked.orderId, runId },
    });
    if (!task) throw new Error('no return task');
    // Done on the office: taken, the wrong bin refused, the right one puts the units back from packing.
    ok(await office.client.tasks.claim({ taskId: task.taskId }));
    const elsewhere = runLines.find((line) => line.location !== picked.location)?.location ?? 'A-99-99-9';
    expect(await office.client.tasks.returnToBin({ taskId: task.taskId, location: elsewhere })).toMatchObject({ ok: false, error: { code: 'WRONG_LOCATION' } });
    expect(await office.client.tasks.startCount({ taskId: task.taskId })).toMatchObject({ ok: false, error: { code: 'TASK_KIND' } });
    const binBefore = looseAt(office, picked.location, task.goods?.sku ?? '');
    expect(ok(await office.client.tasks.returnToBin({ taskId: task.taskId, location: picked.location }))).toMatchObject({ state: 'closed' });
    expect(looseAt(office, picked.location, task.goods?.sku ?? '')).toBe(binBefore + picked.quantity);
    expect(office.core.db.read.get(sql`SELECT count(*) AS n FROM audit WHERE action = 'tasks:return' AND outcome = 'ok'`)).toEqual({ n: 1 });
    await settle(office);
    await expectConsistent(office);

    // Another order cancelled at the centre while the trolley picks it without having heard: the pick is a fact, accepted with an exception, and its units go back too.
    const next = view.line as PickLine;
    expect(next).toBeDefined();
    expect((await trolley.centre.control('cancel-order', { orderId: next.orderId })).status).toBe(200);
    await pickLine(trolley, view);
    await settle(trolley);
    const lastPick = (await trolley.centre.events()).filter((event) => event.type === 'run.picked').at(-1);
    expect(lastPick).toMatchObject({ status: 'accepted_with_exception', problem: { code: 'ORDER_CANCELLED' } });
    await settle(office);
    const returns = ok(await office.client.tasks.list({ scope: 'open' })).filter((candidate) => candidate.kind === 'return_to_bin');
    expect(returns).toEqual([
      expect.objectContaining({ location: next.location, goods: expect.objectContaining({ orderId: next.orderId, quantity: next.left }) }),
    ]);
    expect(ok(await trolley.client.picking.current())).toMatchObject({ withdrawn: 2 });
    await expectConsistent(trolley);
  }, 120_000);

  it('an order the centre changes mid-pick: a raised line is an extra pick at the same place, a cut one sends back what the tote holds beyond it; the picker is told at the next scan, the centre raises an exception each time', async () => {
    const { office, trolley, runId } = await releasedSite();
    let view = ok(await trolley.client.picking.claim({ runId }));
    const first = view.line as PickLine;
    view = await pickLine(trolley, view);
    await settle(trolley);
    const runNow = (): RunData => findRun(trolley.core.db.read, runId)?.data as RunData;
    const orderLines = (): { sku: string; quantity: number }[] => {
      const lines = new Map<number, { sku: string; quantity: number }>();
      for (const line of linesLeft(runNow()).filter((candidate) => candidate.orderId === first.orderId))
        lines.set(line.lineNo, { sku: line.sku, quantity: (lines.get(line.lineNo)?.quantity ?? 0) + line.quantity });
      return [...lines.entries()].sort(([a], [b]) => a - b).map(([, line]) => line);
    };
    const withLine = (quantity: number) => orderLines().map((line) => (line.sku === first.sku ? { ...line, quantity } : line));

    // One more unit of the line already picked: the run picks it at the same place, the picker is sent back there.
    const picked = first.quantity;
    const total = orderLines().find((line) => line.sku === first.sku)?.quantity ?? 0;
    expect((await trolley.centre.control('change-order', { orderId: first.orderId, lines: withLine(total + 1) })).status).toBe(200);
    await settle(trolley);
    const stale = view.line as PickLine;
    const before = footprint(trolley);
    expect(await trolley.client.picking.scanLocation({ runId, shown: shown(stale, view.withdrawn, view.amended), code: stale.location })).toMatchObject({
      ok: false,
      error: { code: 'ORDER_AMENDED', details: { orders: first.orderId, sku: first.sku, location: first.location, left: 1, back: 0 } },
    });
    expect(footprint(trolley)).toEqual(before);
    view = ok(await trolley.client.picking.current()) as PickView;
    expect(view).toMatchObject({ amended: 1, line: { orderId: first.orderId, lineNo: first.lineNo, location: first.location, quantity: picked + 1, left: 1 } });
    view = await pickLine(trolley, view);
    await settle(trolley);

    // Then the line is cut to one unit: what the tote holds beyond it goes back by task, on every station.
    expect((await trolley.centre.control('change-order', { orderId: first.orderId, lines: withLine(1) })).status).toBe(200);
    await settle(trolley);
    const next = view.line as PickLine;
    expect(await trolley.client.picking.scanLocation({ runId, shown: shown(next, view.withdrawn, view.amended), code: next.location })).toMatchObject({
      ok: false,
      error: { code: 'ORDER_AMENDED', details: { orders: first.orderId, back: picked } },
    });
    expect(ok(await trolley.client.picking.current())).toMatchObject({
      amended: 2,
      line: { orderId: next.orderId, lineNo: next.lineNo, location: next.location },
    });
    await settle(office);
    const returns = ok(await office.client.tasks.list({ scope: 'open' })).filter((candidate) => candidate.kind === 'return_to_bin');
    expect(returns).toEqual([
      expect.objectContaining({
        location: first.location,
        goods: expect.objectContaining({ sku: first.sku, quantity: picked, orderId: first.orderId, runId }),
      }),
    ]);
    // The centre's people see both changes; its reservations follow the run's new lines.
    expect((await trolley.centre.exceptions()).map((exception) => [exception.code, exception.orderId, exception.runId])).toEqual([
      ['ORDER_CHANGED_IN_RUN', first.orderId, runId],
      ['ORDER_CHANGED_IN_RUN', first.orderId, runId],
    ]);
    await expectConsistent(trolley);
  }, 120_000);

  it('a run a shift lead cancels while it is picked: its orders plan again, the picker is told at the next scan, its totes go back by task; a picker may not cancel', async () => {
    const { office, trolley, run, runId } = await releasedSite();
    const view = await pickLine(trolley, ok(await trolley.client.picking.claim({ runId })));
    const picked = findRun(trolley.core.db.read, runId)?.data.picks[0];
    if (!picked) throw new Error('no pick');
    await settle(trolley);
    expect(await trolley.client.picking.cancelRun({ runId, reason: 'truck late' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(trolley.core.db.read.all(sql`SELECT action FROM audit WHERE outcome = 'refused'`)).toEqual([{ action: 'picking:cancel-run' }]);

    await settle(office);
    expect(await office.client.picking.cancelRun({ runId, reason: 'no' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const plan = ok(await office.client.picking.cancelRun({ runId, reason: 'carrier strike' }));
    expect(plan.released).toEqual([expect.objectContaining({ runId, state: 'cancelled' })]);
    const planned = new Set(plan.runs.flatMap((candidate) => candidate.orders.map((order) => order.orderId)));
    // Its orders are free to plan again; what the tote holds goes back to the bin by task.
    expect(run.orders.filter((order) => order.orderId !== picked.orderId).every((order) => planned.has(order.orderId))).toBe(true);
    expect(await office.client.picking.cancelRun({ runId, reason: 'carrier strike' })).toMatchObject({ ok: false, error: { code: 'RUN_NOT_RELEASED' } });
    await settle(office);
    await settle(office);
    expect((await office.centre.events()).find((event) => event.type === 'run.cancelled')).toMatchObject({ status: 'applied' });
    expect(ok(await office.client.tasks.list({ scope: 'open' }))).toEqual([
      expect.objectContaining({
        kind: 'return_to_bin',
        location: picked.location,
        goods: expect.objectContaining({ orderId: picked.orderId, quantity: picked.quantity }),
      }),
    ]);

    // The trolley's picker, at the next scan after its sync.
    await settle(trolley);
    const line = view.line as PickLine;
    expect(await trolley.client.picking.scanLocation({ runId, shown: shown(line, view.withdrawn, view.amended), code: line.location })).toMatchObject({
      ok: false,
      error: { code: 'RUN_CANCELLED', details: { reason: 'carrier strike' } },
    });
    expect(ok(await trolley.client.picking.current())).toBeNull();
    expect(ok(await trolley.client.picking.toPick())).toEqual([]);
    await expectConsistent(trolley);
  }, 120_000);

  it('a run a shift lead gives to another picker mid-pick: only they may take it, on any station, where it stopped; the first picker is told at the next scan; a picker may not give runs', async () => {
    const { centre, office, trolley, runId } = await releasedSite();
    const second = { name: 'Zoé Picker', badge: 'BADGE-PCK2', pin: '2468' } as const;
    expect(await office.client.auth.login({ badge: 'BADGE-ADMIN', pin: '1234' })).toMatchObject({ ok: true });
    expect(await office.client.auth.createUser({ ...second, role: 'picker' })).toMatchObject({ ok: true });
    expect(await office.client.auth.login({ badge: 'BADGE-LEAD', pin: '2580' })).toMatchObject({ ok: true });
    await settle(office);
    const zoe = ok(await office.client.picking.pickers()).find((person) => person.name === second.name);
    if (!zoe) throw new Error('no second picker');
    expect(ok(await office.client.picking.pickers()).map((person) => person.role)).not.toContain('admin');

    // The first picker takes it on the trolley and picks a line; a picker may not give it away.
    const view = await pickLine(trolley, ok(await trolley.client.picking.claim({ runId })));
    await settle(trolley);
    expect(await trolley.client.picking.assignRun({ runId, personId: zoe.personId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(trolley.core.db.read.all(sql`SELECT action FROM audit WHERE outcome = 'refused'`)).toEqual([{ action: 'picking:assign-run' }]);

    // The office gives it to the second picker: refused for nobody of the site, then given, audited.
    expect(await office.client.picking.assignRun({ runId, personId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'PERSON_CANNOT_PICK' } });
    const plan = ok(await office.client.picking.assignRun({ runId, personId: zoe.personId }));
    expect(plan.released).toEqual([expect.objectContaining({ runId, assignee: { personId: zoe.personId, name: second.name } })]);
    expect(office.core.db.read.all(sql`SELECT action, outcome, detail FROM audit WHERE action = 'picking:assign-run'`)).toEqual([
      { action: 'picking:assign-run', outcome: 'ok', detail: JSON.stringify({ from: null, to: second.name, holder: null }) },
    ]);
    await settle(office);
    expect((await office.centre.events()).find((event) => event.type === 'run.assigned')).toMatchObject({ status: 'applied' });

    // The trolley's picker, at the next scan after its sync: told, nothing recorded, the run no longer theirs.
    await settle(trolley);
    const line = view.line as PickLine;
    const before = footprint(trolley);
    expect(await trolley.client.picking.scanLocation({ runId, shown: shown(line), code: line.location })).toMatchObject({
      ok: false,
      error: { code: 'RUN_REASSIGNED', details: { assignee: second.name } },
    });
    expect(footprint(trolley)).toEqual(before);
    expect(ok(await trolley.client.picking.current())).toBeNull();
    expect(ok(await trolley.client.picking.toPick())).toEqual([]);
    expect(await trolley.client.picking.claim({ runId })).toMatchObject({ ok: false, error: { code: 'RUN_ASSIGNED', details: { assignee: second.name } } });

    // The second picker takes it on another station, at the line after the one picked, and sees it given to them.
    const cart = await connectedStation(centre, { stationId: 'CART' });
    expect(await cart.client.auth.login(second)).toMatchObject({ ok: true });
    expect(ok(await cart.client.picking.toPick())).toEqual([expect.objectContaining({ runId, assignedToMe: true, holder: null })]);
    const taken = ok(await cart.client.picking.claim({ runId }));
    expect(taken).toMatchObject({ mine: true, linesDone: 1, unitsPicked: view.unitsPicked });
    await settle(cart);
    expect((await cart.centre.events()).find((event) => event.type === 'run.claimed')).toMatchObject({ status: 'applied' });
    await settle(office);
    expect((await planOf(office)).released).toEqual([expect.objectContaining({ runId, holder: { name: second.name, station: 'CART' } })]);
    await expectConsistent(cart);
  }, 120_000);

  it('is for pickers and shift leads only, in main, and a picker may not plan or release', async () => {
    const { office, trolley, plan, runId } = await releasedSite();
    expect(await trolley.client.picking.release({ shipDate: plan.shipDate, orders: [plan.runs[1]?.orders[0]?.orderId ?? ''] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await trolley.client.picking.setLimits({ ordersPerRun: 2, linesPerRun: 10, unitsPerRun: 10, toteSlots: 2 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(trolley.core.db.read.all(sql`SELECT action FROM audit WHERE outcome = 'refused' ORDER BY id`)).toEqual([
      { action: 'picking:release' },
      { action: 'picking:set-limits' },
    ]);
    expect(await office.client.auth.login({ badge: 'BADGE-ADMIN', pin: '1234' })).toMatchObject({ ok: true });
    expect(await office.client.picking.claim({ runId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await office.client.picking.claim({ runId: 'not-a-run' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await trolley.client.picking.claim({ runId: 'not-a-run' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await trolley.client.picking.claim({ runId: '0193a0c4-1f2e-7000-8000-00000000dead' })).toMatchObject({
      ok: false,
      error: { code: 'RUN_NOT_FOUND' },
    });
  }, 120_000);
});
