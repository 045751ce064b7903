import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sql } from '../../platform/db/sql';
import { addUser, adminBadge, adminPin, createSetUpStation, createTestStation } from '../testing/core';
import { lockout } from './service';

describe('first-run setup', () => {
  it('creates the site and its first admin together, then refuses a second setup', async () => {
    const station = createTestStation();
    const created = await station.client.setup.createSite({
      siteCode: 'par-01',
      siteName: 'Paris Nord',
      locale: 'en',
      admin: { name: 'Alice', badge: 'badge-a1', pin: '4321' },
    });
    expect(created).toMatchObject({ ok: true, value: { code: 'PAR-01', name: 'Paris Nord' } });
    expect(await station.client.setup.status()).toMatchObject({ ok: true, value: { needsSetup: false, defaultLocale: 'en' } });
    // Badges are matched upper-case, so a scanner with caps lock still works.
    expect(await station.client.auth.login({ badge: 'BADGE-A1', pin: '4321' })).toMatchObject({
      ok: true,
      value: { user: { name: 'Alice', role: 'admin', locale: 'en' } },
    });
    const again = await station.client.setup.createSite({
      siteCode: 'X1',
      siteName: 'Other',
      locale: 'fr',
      admin: { name: 'Eve', badge: 'BADGE-E', pin: '1234' },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
  });
});

describe('login', () => {
  it('never stores or logs a PIN in clear', async () => {
    const station = await createSetUpStation({ logLevel: 'trace' });
    await station.client.auth.login({ badge: adminBadge, pin: '000000' });
    const stored = station.core.db.read.get<{ pin_hash: string }>(sql`SELECT pin_hash FROM app_user`);
    expect(stored?.pin_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored?.pin_hash).not.toContain(adminPin);
    const audit = JSON.stringify(station.core.db.read.all(sql`SELECT * FROM audit`));
    expect(audit).not.toContain(adminPin);
    const logFile = join(station.dataDir, 'logs', 'quai.log');
    // The log is written asynchronously: wait until the calls above are in it.
    await vi.waitFor(() => expect(readFileSync(logFile, 'utf8')).toContain('station core started'));
    expect(readFileSync(logFile, 'utf8')).not.toContain(adminPin);
  });

  it('answers an unknown badge and a wrong PIN with distinct codes and counts down attempts', async () => {
    const station = await createSetUpStation();
    expect(await station.client.auth.login({ badge: 'BADGE-NOBODY', pin: '1234' })).toMatchObject({
      ok: false,
      error: { code: 'BADGE_UNKNOWN' },
    });
    expect(await station.client.auth.login({ badge: adminBadge, pin: '000000' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PIN', details: { attemptsLeft: 4 } },
    });
  });

  it('locks a badge for 5 minutes after 5 wrong PINs within 10 minutes, and audits it', async () => {
    const station = await createSetUpStation();
    await addUser(station, { name: 'Paul', badge: 'BADGE-P1', role: 'picker', pin: '1111' });
    for (let i = 0; i < lockout.maxFailures - 1; i += 1) {
      station.clock.advance(60_000);
      expect(await station.client.auth.login({ badge: 'BADGE-P1', pin: '9999' })).toMatchObject({ error: { code: 'WRONG_PIN' } });
    }
    station.clock.advance(60_000);
    const fifth = await station.client.auth.login({ badge: 'BADGE-P1', pin: '9999' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'BADGE_LOCKED' } });
    // Even the right PIN is refused while locked.
    expect(await station.client.auth.login({ badge: 'BADGE-P1', pin: '1111' })).toMatchObject({ error: { code: 'BADGE_LOCKED' } });
    expect(station.core.db.read.all(sql`SELECT action FROM audit WHERE action = 'auth:badge-locked'`)).toHaveLength(1);

    station.clock.advance(lockout.lockMs);
    expect(await station.client.auth.login({ badge: 'BADGE-P1', pin: '1111' })).toMatchObject({ ok: true });
  });

  it('forgets wrong PINs older than 10 minutes', async () => {
    const station = await createSetUpStation();
    for (let i = 0; i < lockout.maxFailures - 1; i += 1) await station.client.auth.login({ badge: adminBadge, pin: '000000' });
    station.clock.advance(lockout.windowMs + 1);
    expect(await station.client.auth.login({ badge: adminBadge, pin: '000000' })).toMatchObject({
      error: { code: 'WRONG_PIN', details: { attemptsLeft: 4 } },
    });
  });

  it('refuses a disabled user', async () => {
    const station = await createSetUpStation();
    const id = await addUser(station, { name: 'Paul', badge: 'BADGE-P1', role: 'picker', pin: '1111' });
    await station.client.auth.setDisabled({ userId: id, disabled: true });
    expect(await station.client.auth.login({ badge: 'BADGE-P1', pin: '1111' })).toMatchObject({ error: { code: 'USER_DISABLED' } });
  });
});

describe('idle lock', () => {
  it('locks after the configured idle time; unlocking needs the PIN; activity keeps it open', async () => {
    const station = await createSetUpStation();
    await station.client.settings.update({ idleLockSeconds: 60 });
    station.clock.advance(50_000);
    await station.client.auth.keepAlive();
    station.clock.advance(50_000);
    expect(await station.client.auth.listUsers()).toMatchObject({ ok: true });
    station.clock.advance(61_000);
    await station.core.tick();
    expect(await station.client.auth.session()).toMatchObject({ ok: true, value: { locked: true } });
    expect(await station.client.auth.listUsers()).toMatchObject({ error: { code: 'SESSION_LOCKED' } });
    expect(await station.client.auth.unlock({ pin: '000000' })).toMatchObject({ error: { code: 'WRONG_PIN' } });
    expect(await station.client.auth.unlock({ pin: adminPin })).toMatchObject({ ok: true, value: { locked: false } });
    expect(await station.client.auth.listUsers()).toMatchObject({ ok: true });
  });

  it('locks on the next call even before the timer runs, and announces the lock', async () => {
    const station = await createSetUpStation();
    const seen: unknown[] = [];
    station.core.events.subscribe((name, payload) => seen.push({ name, payload }));
    station.clock.advance(301_000); // default: 300 s
    expect(await station.client.auth.listUsers()).toMatchObject({ error: { code: 'SESSION_LOCKED' } });
    expect(seen).toEqual([{ name: 'auth:session-changed', payload: expect.objectContaining({ locked: true }) }]);
  });

  it('lets a different badge take over a locked station', async () => {
    const station = await createSetUpStation();
    await addUser(station, { name: 'Rita', badge: 'BADGE-R1', role: 'receiver', pin: '2222' });
    await station.client.auth.lock();
    expect(await station.client.auth.login({ badge: 'BADGE-R1', pin: '2222' })).toMatchObject({
      ok: true,
      value: { locked: false, user: { name: 'Rita', role: 'receiver' } },
    });
    expect(station.core.db.read.all(sql`SELECT action FROM audit WHERE action = 'auth:switch-user'`)).toHaveLength(1);
  });
});

describe('people administration', () => {
  it('lists, creates, changes role, disables, and resets PINs, each audited', async () => {
    const station = await createSetUpStation();
    const id = await addUser(station, { name: 'Paul', badge: 'BADGE-P1', role: 'picker', pin: '1111' });
    expect(await station.client.auth.setRole({ userId: id, role: 'shift_lead' })).toMatchObject({ ok: true, value: { role: 'shift_lead' } });
    expect(await station.client.auth.resetPin({ userId: id, pin: '5555' })).toMatchObject({ ok: true });
    expect(await station.client.auth.setDisabled({ userId: id, disabled: true })).toMatchObject({ ok: true, value: { disabled: true } });
    const users = await station.client.auth.listUsers();
    expect(users.ok && users.value.map((u) => [u.name, u.role, u.disabled])).toEqual([
      ['Alice Admin', 'admin', false],
      ['Paul', 'shift_lead', true],
    ]);
    const actions = station.core.db.read.all<{ action: string }>(sql`SELECT action FROM audit WHERE target = ${`user:${id}`} ORDER BY id`);
    expect(actions.map((a) => a.action)).toEqual(['auth:create-user', 'auth:set-role', 'auth:reset-pin', 'auth:set-disabled']);
    await station.client.auth.setDisabled({ userId: id, disabled: false });
    expect(await station.client.auth.login({ badge: 'BADGE-P1', pin: '5555' })).toMatchObject({ ok: true });
  });

  it('requires the PIN length the admin chose whenever a PIN is set, and keeps older PINs working', async () => {
    const station = await createSetUpStation();
    const paul = await addUser(station, { name: 'Paul', badge: 'BADGE-P1', role: 'picker', pin: '1111' });
    expect(await station.client.settings.update({ minPinLength: 6 })).toMatchObject({ ok: true, value: { minPinLength: 6 } });
    expect(await station.client.auth.createUser({ name: 'Rita', badge: 'BADGE-R1', role: 'receiver', pin: '2222' })).toMatchObject({
      ok: false,
      error: { code: 'PIN_TOO_SHORT', details: { min: 6 } },
    });
    expect(await station.client.auth.resetPin({ userId: paul, pin: '3333' })).toMatchObject({ ok: false, error: { code: 'PIN_TOO_SHORT' } });
    expect(await station.client.auth.createUser({ name: 'Rita', badge: 'BADGE-R1', role: 'receiver', pin: '222222' })).toMatchObject({ ok: true });
    expect(await station.client.settings.update({ minPinLength: 5 as 4 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await station.client.auth.logout();
    expect(await station.client.auth.login({ badge: 'BADGE-P1', pin: '1111' })).toMatchObject({ ok: true });
  });

  it('refuses a taken badge', async () => {
    const station = await createSetUpStation();
    const result = await station.client.auth.createUser({ name: 'X', badge: adminBadge.toLowerCase(), role: 'picker', pin: '1234' });
    expect(result).toMatchObject({ error: { code: 'BADGE_TAKEN' } });
  });

  it('never leaves the station without an active admin', async () => {
    const station = await createSetUpStation();
    const me = (await station.client.auth.session()).ok ? 1 : 0;
    expect(await station.client.auth.setRole({ userId: me, role: 'picker' })).toMatchObject({ error: { code: 'OWN_ACCOUNT' } });
    const other = await addUser(station, { name: 'Bob', badge: 'BADGE-B', role: 'admin', pin: '3333' });
    await station.client.auth.login({ badge: 'BADGE-B', pin: '3333' });
    expect(await station.client.auth.setDisabled({ userId: me, disabled: true })).toMatchObject({ ok: true });
    expect(await station.client.auth.setRole({ userId: other, role: 'picker' })).toMatchObject({ error: { code: 'OWN_ACCOUNT' } });
  });

  it('remembers the language per user', async () => {
    const station = await createSetUpStation();
    await station.client.auth.setLocale({ locale: 'zh-CN' });
    await station.client.auth.logout();
    expect(await station.client.auth.login({ badge: adminBadge, pin: adminPin })).toMatchObject({
      value: { user: { locale: 'zh-CN' } },
    });
  });
});
