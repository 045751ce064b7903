import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { applyPulledPerson, personOfUser } from '../site/people';
import {
  connectedStation,
  expectSiteConsistent,
  movableStock,
  settle,
  sortRows,
  startSmallCentral,
  stationStock,
  type ConnectedStation,
} from '../testing/centre';

// One site, many stations (issue #11): each station its own data folder and core, one demo centre.
// Every second station stores the centre's pages on its mirror writer's thread, as a real station does.

async function stations(count: number): Promise<{ centre: Awaited<ReturnType<typeof startSmallCentral>>; all: ConnectedStation[] }> {
  const centre = await startSmallCentral();
  const all: ConnectedStation[] = [];
  for (let i = 0; i < count; i += 1) all.push(await connectedStation(centre, { stationId: `S${i + 1}`, mirrorWriter: i % 2 === 1 }));
  return { centre, all };
}

const quantityAt = (station: ConnectedStation, location: string, gtin: string): number =>
  station.core.db.read.get<{ quantity: number }>(sql`
    SELECT coalesce(sum(b.quantity), 0) AS quantity FROM stock_balance b JOIN location l ON l.id = b.location_id JOIN gtin g ON g.product_id = b.product_id
    WHERE l.code = ${location} AND g.gtin = ${gtin} AND b.container_id = 0`)?.quantity ?? 0;

describe('one site, many stations', () => {
  it('a move made on one station is the stock of the three others after their next pull, never counted twice', async () => {
    const { all } = await stations(4);
    const [a, ...others] = all as [ConnectedStation, ...ConnectedStation[]];
    const { gtin, from, to } = movableStock(a.core.db);
    const before = quantityAt(a, to, gtin);
    const moved = await a.client.stock.move({ from, to, gtin, quantity: 3 });
    expect(moved.ok).toBe(true);
    await settle(a);
    // A's own event comes back in A's pull too: recognised by its id, not applied again.
    await settle(a);
    expect(quantityAt(a, to, gtin)).toBe(before + 3);
    for (const station of others) {
      await settle(station);
      expect(quantityAt(station, to, gtin)).toBe(before + 3);
    }
    await expectSiteConsistent(all);
  });

  it('people belong to the site: created on one station, they log in on another; disabled there, they are out everywhere', async () => {
    const { all } = await stations(2);
    const [a, b] = all as [ConnectedStation, ConnectedStation];
    await a.client.auth.login({ badge: 'BADGE-ADMIN', pin: '1234' });
    const created = await a.client.auth.createUser({ name: 'Paul Picker', badge: 'BADGE-PAUL', role: 'picker', pin: '4321' });
    expect(created.ok).toBe(true);
    await settle(a);
    await settle(b);
    const onB = await b.client.auth.login({ badge: 'BADGE-PAUL', pin: '4321' });
    expect(onB.ok && onB.value.user.name).toBe('Paul Picker');
    // B's audit names the station where Paul was created, and who did it there.
    await b.client.auth.login({ badge: 'BADGE-ADMIN', pin: '1234' });
    const audit = await b.client.audit.list({});
    const learnt = audit.ok ? audit.value.entries.find((entry) => entry.action === 'site:person-changed' && entry.detail.badge === 'BADGE-PAUL') : undefined;
    expect(learnt).toMatchObject({ station: 'S1', detail: { by: 'Admin', change: 'created', role: 'picker' } });
    expect(audit.ok && audit.value.entries.find((entry) => entry.action === 'auth:login')?.station).toBe('S2');
    await b.client.auth.login({ badge: 'BADGE-PAUL', pin: '4321' });
    // The PIN never travels: only its scrypt hash, the same on both stations.
    const hashes = all.map((s) => s.core.db.read.get<{ pin_hash: string }>(sql`SELECT pin_hash FROM app_user WHERE badge = 'BADGE-PAUL'`)?.pin_hash);
    expect(hashes[0]).toMatch(/^scrypt\$/);
    expect(hashes[1]).toBe(hashes[0]);

    if (!created.ok) return;
    await a.client.auth.setDisabled({ userId: created.value.id, disabled: true });
    await settle(a);
    await settle(b);
    const session = await b.client.auth.session();
    expect(session.ok && session.value).toBeNull();
    const again = await b.client.auth.login({ badge: 'BADGE-PAUL', pin: '4321' });
    expect(!again.ok && again.error.code).toBe('USER_DISABLED');
  });

  it("a pull that crosses a person's change not yet confirmed by the centre does not undo it (the language chosen stays)", async () => {
    const { all } = await stations(2);
    const [a, b] = all as [ConnectedStation, ConnectedStation];
    await a.client.auth.login({ badge: 'BADGE-ADMIN', pin: '1234' });
    const chosen = await a.client.auth.setLocale({ locale: 'zh-CN' });
    expect(chosen.ok).toBe(true);
    // The centre's older record of the admin arrives before A's change is pushed (at a version the centre gave since).
    const admin = a.core.db.read.get<{ id: number; version: number }>(sql`SELECT id, version FROM app_user WHERE badge = 'BADGE-ADMIN'`);
    if (!admin) throw new Error('no admin');
    a.core.db.write((tx) =>
      applyPulledPerson(
        tx,
        { ...personOfUser(tx, admin.id), locale: 'fr' },
        admin.version + 1,
        { at: Date.now(), generation: 0 },
        { stationId: 'S2', name: 'Admin' },
      ),
    );
    const localeOf = (station: ConnectedStation) =>
      station.core.db.read.get<{ locale: string }>(sql`SELECT locale FROM app_user WHERE badge = 'BADGE-ADMIN'`)?.locale;
    expect(localeOf(a)).toBe('zh-CN');
    await settle(a);
    await settle(b);
    expect([localeOf(a), localeOf(b)]).toEqual(['zh-CN', 'zh-CN']);
  });

  it('a joining station takes the site name and time zone from the centre', async () => {
    const { all } = await stations(2);
    const [, b] = all as [ConnectedStation, ConnectedStation];
    const status = await b.client.setup.status();
    expect(status.ok && status.value.site).toMatchObject({ name: 'Test site', timeZone: 'Europe/Paris' });
  });

  it('a recount asked on A is taken on B; C, which claimed it offline, loses with its reason; A sees the result and approves', async () => {
    const { all } = await stations(3);
    const [a, b, c] = all as [ConnectedStation, ConnectedStation, ConnectedStation];
    const { from: location } = movableStock(a.core.db);
    const asked = await a.client.tasks.requestRecount({ location });
    if (!asked.ok) throw new Error(asked.error.code);
    await settle(a);
    await settle(b);
    await settle(c);
    const { taskId } = asked.value;

    // C takes it first, but offline: its claim waits in its outbox.
    const claimedOnC = await c.client.tasks.claim({ taskId });
    expect(claimedOnC.ok && claimedOnC.value.claim?.mine).toBe(true);
    // B takes it and syncs: B's claim reaches the centre first and wins.
    const claimedOnB = await b.client.tasks.claim({ taskId });
    expect(claimedOnB.ok).toBe(true);
    await settle(b);

    const lost: unknown[] = [];
    const unsubscribe = c.core.events.subscribe((name, payload) => {
      if (name === 'tasks:claim-lost') lost.push(payload);
    });
    await settle(c);
    unsubscribe();
    expect(lost).toEqual([{ taskId, location, holder: 'Léa Lead' }]);
    const centreEvents = await c.centre.events();
    expect(centreEvents.find((event) => event.type === 'task.claimed')).toMatchObject({
      status: 'accepted_with_exception',
      problem: { code: 'ALREADY_CLAIMED' },
    });
    const onC = await c.client.tasks.list({ scope: 'open' });
    expect(onC.ok && onC.value.find((task) => task.taskId === taskId)?.claim).toMatchObject({ station: 'S2', mine: false });
    const exceptionsOnC = await c.client.exceptions.list({ scope: 'open' });
    expect(exceptionsOnC.ok && exceptionsOnC.value.map((e) => e.kind)).toContain('CLAIM_LOST');
    // The site's exception: the shift lead on A sees C's lost claim too.
    await settle(c);
    await settle(a);
    const exceptionsOnA = await a.client.exceptions.list({ scope: 'open' });
    expect(exceptionsOnA.ok && exceptionsOnA.value.find((e) => e.kind === 'CLAIM_LOST')?.raisedBy.station).toBe('S3');

    // B counts the location blind, one unit short, twice: the recount does not match.
    const expected = quantityAt(b, location, movableStock(b.core.db).gtin);
    const count = await b.client.tasks.startCount({ taskId });
    if (!count.ok) throw new Error(count.error.code);
    for (let round = 0; round < 2; round += 1) {
      await b.client.stock.countItem({ countId: count.value.id, gtin: movableStock(b.core.db).gtin, quantity: expected - 1 });
      await b.client.stock.finishCount({ countId: count.value.id });
    }
    // The task decides it, on any station: B's own approvals neither list it nor take a decision on it.
    const pendingOnB = await b.client.stock.listCounts({ status: 'pending_approval' });
    expect(pendingOnB.ok && pendingOnB.value.map((view) => view.id)).not.toContain(count.value.id);
    const approvedOnB = await b.client.stock.approveCount({ countId: count.value.id, reason: 'approved in stock' });
    expect(!approvedOnB.ok && approvedOnB.error.code).toBe('COUNT_DECIDED_ON_TASK');
    await settle(b);
    await settle(a);
    const onA = await a.client.tasks.list({ scope: 'open' });
    const seen = onA.ok ? onA.value.find((task) => task.taskId === taskId) : undefined;
    expect(seen?.state).toBe('completed');
    expect(seen?.result?.outcome).toBe('mismatch');

    const approved = await a.client.tasks.approve({ taskId, reason: 'recount confirmed one short' });
    expect(approved.ok && approved.value.state).toBe('closed');
    for (const station of all) await settle(station);
    for (const station of all) expect(quantityAt(station, location, movableStock(a.core.db).gtin)).toBe(expected - 1);
    // A's decision, pulled by B, closes B's count: the location can be counted there again.
    const countOnB = await b.client.stock.getCount({ countId: count.value.id });
    expect(countOnB.ok && countOnB.value.status).toBe('approved');
    const again = await b.client.stock.startCount({ location });
    expect(again.ok).toBe(true);
    await expectSiteConsistent(all);
  });

  it('two stations offline take the same last units: both events count once, the stock goes below zero as an exception naming both', async () => {
    const { all } = await stations(2);
    const [a, b] = all as [ConnectedStation, ConnectedStation];
    const { gtin, from, to, quantity } = movableStock(a.core.db);
    // Both offline (no sync): each moves every unit it sees.
    expect((await a.client.stock.move({ from, to, gtin, quantity })).ok).toBe(true);
    expect((await b.client.stock.move({ from, to, gtin, quantity })).ok).toBe(true);
    await settle(a);
    await settle(b);
    await settle(a);
    const events = await a.centre.siteEvents();
    const moves = events.filter((event) => event.type === 'stock.moved');
    expect(moves).toHaveLength(2);
    const negative = moves.find((event) => event.status === 'accepted_with_exception');
    expect(negative?.problem?.code).toBe('NEGATIVE_STOCK');
    expect(negative?.problem?.message).toContain(moves.find((event) => event !== negative)?.eventId);
    for (const station of all) expect(quantityAt(station, from, gtin)).toBe(-quantity);
    // One exception for the site, whichever station found it first: every station shows the same one.
    for (const station of all) await settle(station);
    for (const station of all) {
      const listed = await station.client.exceptions.list({ scope: 'open' });
      const found = listed.ok ? listed.value.filter((e) => e.kind === 'NEGATIVE_STOCK') : [];
      expect(found).toHaveLength(1);
      expect(found[0]?.actions).toEqual(['recount', 'acknowledge']);
    }
    await expectSiteConsistent(all);
  });

  it('a centre restored from a backup fans out again what it has: every station converges', async () => {
    const { all } = await stations(2);
    const [a, b] = all as [ConnectedStation, ConnectedStation];
    const { gtin, from, to } = movableStock(a.core.db);
    await a.client.stock.move({ from, to, gtin, quantity: 1 });
    await settle(a);
    await a.centre.control('backup');
    await a.client.stock.move({ from, to, gtin, quantity: 1 });
    await b.client.stock.move({ from: to, to: from, gtin, quantity: 1 });
    await settle(a);
    await settle(b);
    await a.centre.control('restore');
    for (let round = 0; round < 2; round += 1) for (const station of all) await settle(station);
    await expectSiteConsistent(all);
    expect(sortRows(stationStock(a.core.db))).toEqual(sortRows(stationStock(b.core.db)));
  });
});
