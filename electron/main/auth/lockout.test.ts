import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { addUser, createSetUpStation } from '../testing/core';
import { lockout } from './service';

type Answer = { ok: boolean; error?: { code: string } };

/** Issue #9: the lockout is decided with the attempt, so parallel guesses get no more than five tries. */
describe('PIN lockout under parallel attempts', () => {
  it('never logs in after the fifth wrong PIN, with 100 wrong PINs and then the right one in flight at once', async () => {
    const station = await createSetUpStation();
    const paulId = await addUser(station, { name: 'Paul', badge: 'BADGE-P1', role: 'picker', pin: '1111' });
    await station.client.auth.logout();

    const wrong = Array.from({ length: 100 }, (_, i) => station.client.auth.login({ badge: 'BADGE-P1', pin: String(2000 + i) }));
    const right = station.client.auth.login({ badge: 'BADGE-P1', pin: '1111' });
    const answers = (await Promise.all([...wrong, right])) as Answer[];
    const codes = answers.map((answer) => (answer.ok ? 'OK' : answer.error?.code));
    const tally = Object.fromEntries([...new Set(codes)].map((code) => [code, codes.filter((c) => c === code).length]));

    expect(codes.at(-1), JSON.stringify(tally)).toBe('BADGE_LOCKED');
    expect(codes.filter((code) => code === 'WRONG_PIN').length, JSON.stringify(tally)).toBeLessThanOrEqual(lockout.maxFailures);
    expect(
      codes.every((code) => code === 'WRONG_PIN' || code === 'BADGE_LOCKED'),
      JSON.stringify(tally),
    ).toBe(true);
    // Afterwards, sequentially, the right PIN is refused too: the badge is locked.
    expect(await station.client.auth.login({ badge: 'BADGE-P1', pin: '1111' })).toMatchObject({ ok: false, error: { code: 'BADGE_LOCKED' } });
    expect(await station.client.auth.session()).toMatchObject({ ok: true, value: null });

    const audit = station.core.db.read.all<{ action: string; outcome: string; code: string | null }>(
      sql`SELECT action, outcome, detail ->> '$.code' AS code FROM audit WHERE user_id = ${paulId} AND action <> 'auth:create-user' ORDER BY id`,
    );
    expect(audit.filter((row) => row.action === 'auth:badge-locked')).toHaveLength(1);
    expect(audit.filter((row) => row.outcome === 'ok' && row.action !== 'auth:badge-locked')).toEqual([]);
    // Every attempt has its one row: the wrong PINs whose hash was checked (five at most), the refusals of a locked badge.
    expect(audit.filter((row) => row.action === 'auth:login' && row.outcome === 'refused')).toHaveLength(answers.length + 1);
    const checked = audit.filter((row) => row.code === 'WRONG_PIN').length;
    expect(checked).toBeLessThanOrEqual(lockout.maxFailures);
    expect(checked).toBeGreaterThanOrEqual(codes.filter((code) => code === 'WRONG_PIN').length);
    process.stdout.write(`parallel login: ${answers.length} attempts in flight → ${JSON.stringify(tally)}, ${checked} PIN hashes checked\n`);
  });

  it('does not let a right PIN that raced wrong ones wipe their count', async () => {
    const station = await createSetUpStation();
    await addUser(station, { name: 'Paul', badge: 'BADGE-P1', role: 'picker', pin: '1111' });
    await station.client.auth.logout();
    const answers = (await Promise.all([
      station.client.auth.login({ badge: 'BADGE-P1', pin: '9991' }),
      station.client.auth.login({ badge: 'BADGE-P1', pin: '9992' }),
      station.client.auth.login({ badge: 'BADGE-P1', pin: '1111' }),
      station.client.auth.login({ badge: 'BADGE-P1', pin: '9993' }),
    ])) as Answer[];
    expect(answers.map((answer) => answer.ok)).toEqual([false, false, true, false]);
    await station.client.auth.logout();
    // Three wrong PINs are still counted: two more lock the badge.
    expect(await station.client.auth.login({ badge: 'BADGE-P1', pin: '9994' })).toMatchObject({ error: { code: 'WRONG_PIN', details: { attemptsLeft: 1 } } });
    expect(await station.client.auth.login({ badge: 'BADGE-P1', pin: '9995' })).toMatchObject({ error: { code: 'BADGE_LOCKED' } });
  });

  it('holds for unlocking a locked session the same way', async () => {
    const station = await createSetUpStation();
    await station.client.auth.lock();
    const attempts = Array.from({ length: 100 }, (_, i) => station.client.auth.unlock({ pin: String(200000 + i) }));
    const answers = (await Promise.all([...attempts, station.client.auth.unlock({ pin: '123456' })])) as Answer[];
    const codes = answers.map((answer) => (answer.ok ? 'OK' : answer.error?.code));
    expect(codes.at(-1)).toBe('BADGE_LOCKED');
    expect(codes.filter((code) => code === 'WRONG_PIN').length).toBeLessThanOrEqual(lockout.maxFailures);
    expect(await station.client.auth.session()).toMatchObject({ value: { locked: true } });
  });
});
