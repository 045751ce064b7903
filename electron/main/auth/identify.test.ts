import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { addUser, adminBadge, createSetUpStation } from '../testing/core';
import { lockout } from './service';

/** Issue #10: unknown or locked badges are refused before the PIN is asked. */
describe('identifying a badge before the PIN', () => {
  it("answers the holder's name and language, and nothing about the PIN", async () => {
    const station = await createSetUpStation();
    await addUser(station, { name: 'Paul', badge: 'BADGE-P1', role: 'picker', pin: '1111' });
    await station.client.auth.logout();
    await station.client.auth.login({ badge: 'BADGE-P1', pin: '9999' });
    const answer = await station.client.auth.identify({ badge: 'badge-p1' });
    expect(answer).toEqual({ ok: true, value: { name: 'Paul', locale: 'fr' } });
  });

  it('refuses an unknown, a disabled and a locked badge, and audits each refusal', async () => {
    const station = await createSetUpStation();
    const paul = await addUser(station, { name: 'Paul', badge: 'BADGE-P1', role: 'picker', pin: '1111' });
    const rita = await addUser(station, { name: 'Rita', badge: 'BADGE-R1', role: 'receiver', pin: '2222' });
    await station.client.auth.setDisabled({ userId: rita, disabled: true });
    await station.client.auth.logout();
    for (let i = 0; i < lockout.maxFailures; i += 1) await station.client.auth.login({ badge: 'BADGE-P1', pin: '9999' });

    expect(await station.client.auth.identify({ badge: 'BADGE-NOBODY' })).toMatchObject({ ok: false, error: { code: 'BADGE_UNKNOWN' } });
    expect(await station.client.auth.identify({ badge: 'BADGE-R1' })).toMatchObject({ ok: false, error: { code: 'USER_DISABLED' } });
    const locked = await station.client.auth.identify({ badge: 'BADGE-P1' });
    expect(locked).toMatchObject({ ok: false, error: { code: 'BADGE_LOCKED', details: { retryAt: expect.any(String) } } });
    expect(JSON.stringify(locked)).not.toMatch(/attempts|failures|Paul/);

    const refusals = station.core.db.read.all<{ user_id: number | null; code: string }>(
      sql`SELECT user_id, detail ->> '$.code' AS code FROM audit WHERE action = 'auth:identify' ORDER BY id`,
    );
    expect(refusals).toEqual([
      { user_id: null, code: 'BADGE_UNKNOWN' },
      { user_id: rita, code: 'USER_DISABLED' },
      { user_id: paul, code: 'BADGE_LOCKED' },
    ]);
  });

  it('is no PIN attempt: asking a hundred times neither counts towards the lockout nor resets it', async () => {
    const station = await createSetUpStation();
    await station.client.auth.logout();
    for (let i = 0; i < lockout.maxFailures - 1; i += 1) await station.client.auth.login({ badge: adminBadge, pin: '000000' });
    await Promise.all(Array.from({ length: 100 }, () => station.client.auth.identify({ badge: adminBadge })));
    expect(await station.client.auth.login({ badge: adminBadge, pin: '000000' })).toMatchObject({ error: { code: 'BADGE_LOCKED' } });
    const failures = station.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit WHERE action = 'auth:identify'`);
    expect(failures?.n).toBe(0);
  });
});
