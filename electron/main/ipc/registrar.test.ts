import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { addUser, adminBadge, adminPin, createSetUpStation, createTestStation, trustedCaller } from '../testing/core';

const auditRows = (station: { core: { db: { read: { all: <T>(q: ReturnType<typeof sql>) => T[] } } } }) =>
  station.core.db.read.all<{ action: string; outcome: string; user_id: number | null; detail: string }>(
    sql`SELECT action, outcome, user_id, detail FROM audit ORDER BY id`,
  );

describe('registrar', () => {
  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    const { core } = await createSetUpStation();
    const result = await core.dispatch('stock:teleport', {}, trustedCaller);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses a caller the host could not verify, before anything else', async () => {
    const { core } = await createSetUpStation();
    const result = await core.dispatch('auth:list-users', {}, { trusted: false, description: 'https://evil.example' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it('answers a bad payload with INVALID_INPUT naming the fields, never their values', async () => {
    const { core } = await createSetUpStation();
    const result = await core.dispatch('auth:create-user', { name: '', badge: 'B', role: 'boss', pin: '12a4' }, trustedCaller);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    const paths = (result.error.details?.['issues'] as Array<{ path: string }>).map((issue) => issue.path).sort();
    expect(paths).toEqual(['badge', 'name', 'pin', 'role']);
    expect(JSON.stringify(result.error)).not.toContain('12a4');
  });

  it('answers a non-object payload with INVALID_INPUT instead of crashing', async () => {
    const { core } = await createSetUpStation();
    for (const payload of ['x', 42, [1, 2], true]) {
      const result = await core.dispatch('auth:login', payload, trustedCaller);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('needs a session for session operations', async () => {
    const station = await createSetUpStation();
    await station.client.auth.logout();
    expect(await station.client.auth.listUsers()).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    expect(await station.client.settings.get()).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('audits an attempt to act without a session or on a locked station, but not a status poll (ADR 0006)', async () => {
    const station = await createSetUpStation();
    const before = auditRows(station).length;
    await station.client.auth.lock();
    expect(await station.client.auth.createUser({ name: 'X', badge: 'BADGE-X1', role: 'admin', pin: '1234' })).toMatchObject({
      error: { code: 'SESSION_LOCKED' },
    });
    expect(await station.client.settings.get()).toMatchObject({ error: { code: 'SESSION_LOCKED' } });
    await station.client.auth.logout();
    expect(await station.client.auth.setRole({ userId: 1, role: 'picker' })).toMatchObject({ error: { code: 'NOT_LOGGED_IN' } });
    expect(await station.client.sync.status()).toMatchObject({ error: { code: 'NOT_LOGGED_IN' } });
    const refusals = auditRows(station)
      .slice(before)
      .filter((row) => row.outcome === 'refused');
    expect(refusals.map((row): unknown[] => [row.action, row.user_id, JSON.parse(row.detail)])).toEqual([
      ['auth:create-user', null, { code: 'SESSION_LOCKED', lockedSession: 1 }],
      ['auth:set-role', null, { code: 'NOT_LOGGED_IN' }],
    ]);
  });

  it('refuses every operation but setup before the site exists', async () => {
    const station = createTestStation();
    expect(await station.client.auth.login({ badge: adminBadge, pin: adminPin })).toMatchObject({
      ok: false,
      error: { code: 'SETUP_REQUIRED' },
    });
    expect(await station.client.setup.status()).toMatchObject({ ok: true, value: { needsSetup: true } });
  });

  it('refuses a picker calling an admin operation with FORBIDDEN and writes an audit row', async () => {
    const station = await createSetUpStation();
    const pickerId = await addUser(station, { name: 'Paul Picker', badge: 'BADGE-P1', role: 'picker', pin: '1111' });
    await station.client.auth.login({ badge: 'BADGE-P1', pin: '1111' });

    const result = await station.client.auth.createUser({ name: 'Mallory', badge: 'BADGE-M', role: 'admin', pin: '9999' });

    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const refused = auditRows(station).filter((row) => row.outcome === 'refused');
    expect(refused).toEqual([
      { action: 'auth:create-user', outcome: 'refused', user_id: pickerId, detail: JSON.stringify({ code: 'FORBIDDEN', role: 'picker' }) },
    ]);
    expect(station.core.db.read.get(sql`SELECT id FROM app_user WHERE badge = 'BADGE-M'`)).toBeUndefined();
  });

  it('answers a handler crash with INTERNAL and keeps serving', async () => {
    const station = await createSetUpStation();
    station.core.db.raw.exec('DROP TABLE pin_failure'); // a broken database: the next wrong PIN fails in SQL
    const broken = await station.client.auth.login({ badge: adminBadge, pin: '000000' });
    expect(broken).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await station.client.setup.status()).toMatchObject({ ok: true });
  });
});
