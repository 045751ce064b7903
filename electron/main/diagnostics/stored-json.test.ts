import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { connectedStation, movableStock, startSmallCentral } from '../testing/centre';
import { adminBadge, adminPin, createSetUpStation, createTestStation, type TestStation } from '../testing/core';

/**
 * Issue #8: a corrupt settings row stopped the core from starting. Every JSON document the station
 * reads back from its database (settings, scanner settings, the sync state's last error, outbox
 * payloads, audit details) is read without ever throwing; the admin is told where it matters.
 */
async function withStored(update: (station: TestStation) => void): Promise<TestStation> {
  const first = await createSetUpStation();
  await first.client.settings.update({ idleLockSeconds: 600, defaultLocale: 'en' });
  update(first);
  await first.core.close();
  const station = createTestStation({ dataDir: first.dataDir, clock: first.clock });
  const login = await station.client.auth.login({ badge: adminBadge, pin: adminPin });
  if (!login.ok) throw new Error(login.error.code);
  return station;
}

describe('damaged JSON read back from the database', () => {
  it('station settings that are not JSON: the station starts on the defaults and the admin is told until they save', async () => {
    const station = await withStored((s) => s.core.db.write((tx) => tx.run(sql`UPDATE setting SET value = '{"idleLockSeconds": 6' WHERE key = 'station'`)));
    expect(await station.client.settings.get()).toMatchObject({ ok: true, value: { idleLockSeconds: 300, defaultLocale: 'fr', minPinLength: 4 } });
    expect(await station.client.diagnostics.notices()).toMatchObject({ ok: true, value: [{ code: 'SETTINGS_UNREADABLE', details: { subject: 'station' } }] });
    await station.client.settings.update({ idleLockSeconds: 600 });
    expect(await station.client.diagnostics.notices()).toEqual({ ok: true, value: [] });
  });

  it('station settings with one bad field keep the good ones', async () => {
    const station = await withStored((s) =>
      s.core.db.write((tx) => tx.run(sql`UPDATE setting SET value = '{"idleLockSeconds": "soon", "defaultLocale": "en"}' WHERE key = 'station'`)),
    );
    expect(await station.client.settings.get()).toMatchObject({ ok: true, value: { idleLockSeconds: 300, defaultLocale: 'en' } });
    expect(await station.client.diagnostics.notices()).toMatchObject({ ok: true, value: [{ code: 'SETTINGS_UNREADABLE' }] });
  });

  it('scanner settings that are not JSON: defaults, and the admin is told', async () => {
    const station = await withStored((s) => s.core.db.write((tx) => tx.run(sql`INSERT INTO setting (key, value) VALUES ('scanner', 'not json')`)));
    expect(await station.client.scanner.getSettings()).toMatchObject({ ok: true, value: { suffix: 'enter' } });
    expect(await station.client.diagnostics.notices()).toMatchObject({ ok: true, value: [{ code: 'SETTINGS_UNREADABLE', details: { subject: 'scanner' } }] });
  });

  it("a sync state's last error and an audit detail that are not JSON: the sync screen and the audit log still answer", async () => {
    const station = await withStored((s) =>
      s.core.db.write((tx) => {
        tx.run(sql`UPDATE sync_state SET last_error = 'oops{', failing_since = 1 WHERE id = 1`);
        tx.run(sql`INSERT INTO audit (at, user_id, action, outcome, detail) VALUES (1, 1, 'settings:update', 'ok', '{broken')`);
      }),
    );
    expect(await station.client.sync.status()).toMatchObject({ ok: true, value: { lastError: { message: 'oops{' } } });
    const audit = await station.client.audit.list({ offset: 0, limit: 50 });
    expect(audit.ok && audit.value.entries.find((entry) => entry.at === new Date(1).toISOString())?.detail).toEqual({ unreadable: '{broken' });
  });

  it('an outbox payload that is not JSON: what comes before it is pushed, sync says which event, the export still has it', async () => {
    const centre = await startSmallCentral();
    const station = await connectedStation(centre);
    const { gtin, from, to } = movableStock(station.core.db);
    for (let i = 0; i < 3; i += 1) {
      const moved = await station.client.stock.move({ from: i % 2 === 0 ? from : to, to: i % 2 === 0 ? to : from, gtin, quantity: 1 });
      if (!moved.ok) throw new Error(moved.error.code);
    }
    const seqs = station.core.db.read.all<{ seq: number }>(sql`SELECT seq FROM outbox WHERE state = 'pending' ORDER BY seq`).map((row) => row.seq);
    station.core.db.write((tx) => tx.run(sql`UPDATE outbox SET payload = '{"movements": [' WHERE seq = ${seqs[1] ?? 0}`));
    const status = await station.core.sync.syncNow();
    expect(status).toMatchObject({
      state: 'failing',
      pending: 2,
      lastError: { kind: 'protocol', message: expect.stringContaining(`outbox event ${seqs[1]} is damaged`) },
    });
    const exported = await station.client.sync.exportUnsynced();
    expect(exported).toMatchObject({ ok: true, value: { count: 2 } });
  });
});
