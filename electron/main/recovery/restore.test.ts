import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { damage } from '../../platform/testing/damage';
import { lockout } from '../auth/service';
import { stationFiles } from '../db/open';
import { addUser, adminBadge, adminPin, createSetUpStation, createTestStation, type TestStation } from '../testing/core';

/** Issue #9: restoring a backup from the recovery state, decided by an admin of that backup. */

async function damagedStation(): Promise<{ station: TestStation; backup: string; damagedBytes: Buffer }> {
  const first = await createSetUpStation();
  await addUser(first, { name: 'Paul Picker', badge: 'BADGE-P1', role: 'picker', pin: '1111' });
  const made = await first.client.settings.backupDatabase();
  if (!made.ok) throw new Error(made.error.code);
  // Made after the backup: a restore loses it, and says so by being a restore.
  await addUser(first, { name: 'Rita Late', badge: 'BADGE-R9', role: 'receiver', pin: '2222' });
  await first.core.close();
  damage.truncate(stationFiles(first.dataDir).database);
  const damagedBytes = readFileSync(stationFiles(first.dataDir).database);
  const station = createTestStation({ dataDir: first.dataDir, clock: first.clock });
  return { station, backup: made.value.file.split(/[\\/]/).at(-1) ?? '', damagedBytes };
}

describe('restoring a backup in recovery', () => {
  it('needs an admin of that backup with the right PIN; then the station carries on and the damaged file is kept aside', async () => {
    const { station, backup, damagedBytes } = await damagedStation();
    const { client } = station;
    expect(await client.recovery.restoreBackup({ backup, badge: 'BADGE-NOBODY', pin: '1234' })).toMatchObject({ error: { code: 'BADGE_UNKNOWN' } });
    expect(await client.recovery.restoreBackup({ backup, badge: adminBadge, pin: '000000' })).toMatchObject({
      error: { code: 'WRONG_PIN', details: { attemptsLeft: 4 } },
    });
    expect(await client.recovery.restoreBackup({ backup, badge: 'BADGE-P1', pin: '1111' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    // Someone created after the backup is no one in it.
    expect(await client.recovery.restoreBackup({ backup, badge: 'BADGE-R9', pin: '2222' })).toMatchObject({ error: { code: 'BADGE_UNKNOWN' } });
    expect(await client.recovery.restoreBackup({ backup: 'quai-nope.sqlite3', badge: adminBadge, pin: adminPin })).toMatchObject({
      error: { code: 'BACKUP_NOT_FOUND' },
    });
    expect(await client.recovery.restoreBackup({ backup: '../quai.sqlite3', badge: adminBadge, pin: adminPin })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    expect(await client.setup.status()).toMatchObject({ error: { code: 'DB_UNUSABLE' } });

    const restored = await client.recovery.restoreBackup({ backup, badge: adminBadge, pin: adminPin });
    expect(restored).toMatchObject({ ok: true, value: { restored: backup, damagedKeptIn: expect.any(String) } });
    if (!restored.ok || restored.value.damagedKeptIn === null) return;

    // The station is back: the same core answers, the admin logs in, the backup's people are there.
    expect(station.core.recovery()).toBeNull();
    expect(await client.setup.status()).toMatchObject({ ok: true, value: { needsSetup: false } });
    expect(await client.recovery.status()).toMatchObject({ ok: true, value: { problem: null } });
    expect(await client.auth.login({ badge: adminBadge, pin: adminPin })).toMatchObject({ ok: true });
    const people = await client.auth.listUsers();
    expect(people.ok && people.value.map((user) => user.name)).toEqual(['Alice Admin', 'Paul Picker']);
    // Nothing deleted: the damaged file, byte for byte, in damaged/<time>/.
    expect(readFileSync(join(restored.value.damagedKeptIn, 'quai.sqlite3')).equals(damagedBytes)).toBe(true);
    // The restore and every refusal before it, in the restored audit log; the admin is told.
    const audit = station.core.db.read.all<{ outcome: string; code: string | null; user_id: number | null }>(
      sql`SELECT outcome, detail ->> '$.code' AS code, user_id FROM audit WHERE action = 'recovery:restore-backup' ORDER BY id`,
    );
    expect(audit.map((row) => [row.outcome, row.code])).toEqual([
      ['refused', 'BADGE_UNKNOWN'],
      ['refused', 'WRONG_PIN'],
      ['refused', 'FORBIDDEN'],
      ['refused', 'BADGE_UNKNOWN'],
      ['ok', null],
    ]);
    expect(audit.at(-1)?.user_id).toBe(1);
    expect(await client.diagnostics.notices()).toMatchObject({ ok: true, value: [{ code: 'DB_RESTORED', details: { backup } }] });
    // And work goes on: a change commits.
    expect(await client.auth.createUser({ name: 'Rita Again', badge: 'BADGE-R9', role: 'receiver', pin: '2222' })).toMatchObject({ ok: true });
  });

  it('holds the PIN lockout against parallel guesses, and across a restart', async () => {
    const { station, backup } = await damagedStation();
    const guesses = Array.from({ length: 100 }, (_, i) => station.client.recovery.restoreBackup({ backup, badge: adminBadge, pin: String(200000 + i) }));
    const answers = await Promise.all([...guesses, station.client.recovery.restoreBackup({ backup, badge: adminBadge, pin: adminPin })]);
    const codes = answers.map((answer) => (answer.ok ? 'OK' : answer.error.code));
    expect(codes.filter((code) => code === 'WRONG_PIN').length).toBeLessThanOrEqual(lockout.maxFailures);
    expect(codes.at(-1)).toBe('BADGE_LOCKED');
    expect(existsSync(stationFiles(station.dataDir).damaged)).toBe(false);

    await station.core.close();
    const again = createTestStation({ dataDir: station.dataDir, clock: station.clock });
    expect(await again.client.recovery.restoreBackup({ backup, badge: adminBadge, pin: adminPin })).toMatchObject({ error: { code: 'BADGE_LOCKED' } });
    station.clock.advance(lockout.lockMs + 1);
    expect(await again.client.recovery.restoreBackup({ backup, badge: adminBadge, pin: adminPin })).toMatchObject({ ok: true });
  });

  it('restores once when two admins decide at the same moment', async () => {
    const { station, backup } = await damagedStation();
    const answers = await Promise.all([
      station.client.recovery.restoreBackup({ backup, badge: adminBadge, pin: adminPin }),
      station.client.recovery.restoreBackup({ backup, badge: adminBadge, pin: adminPin }),
    ]);
    expect(answers.map((answer) => (answer.ok ? 'OK' : answer.error.code)).sort()).toEqual(['OK', 'RECOVERY_NOT_NEEDED']);
    expect(readdirSync(stationFiles(station.dataDir).damaged)).toHaveLength(1);
    expect(await station.client.auth.login({ badge: adminBadge, pin: adminPin })).toMatchObject({ ok: true });
  });

  it('refuses a backup that fails its integrity check now, and lists it as such', async () => {
    const { station, backup } = await damagedStation();
    const file = join(stationFiles(station.dataDir).backups, backup);
    damage.indexEntry(file, 'sqlite_autoindex_app_user_1', adminBadge);
    expect(await station.client.recovery.status()).toMatchObject({ ok: true, value: { backups: [{ name: backup, integrityOk: false }] } });
    expect(await station.client.recovery.restoreBackup({ backup, badge: adminBadge, pin: adminPin })).toMatchObject({ error: { code: 'BACKUP_DAMAGED' } });
    expect(readdirSync(stationFiles(station.dataDir).backups)).toEqual([backup]);
  });

  it('restores over a missing database too (nothing to keep aside)', async () => {
    const first = await createSetUpStation();
    const made = await first.client.settings.backupDatabase();
    await first.core.close();
    const { rmSync } = await import('node:fs');
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${stationFiles(first.dataDir).database}${suffix}`, { force: true });
    const station = createTestStation({ dataDir: first.dataDir, clock: first.clock });
    const backup = made.ok ? (made.value.file.split(/[\\/]/).at(-1) ?? '') : '';
    expect(await station.client.recovery.restoreBackup({ backup, badge: adminBadge, pin: adminPin })).toMatchObject({
      ok: true,
      value: { restored: backup, damagedKeptIn: null },
    });
    expect(await station.client.auth.login({ badge: adminBadge, pin: adminPin })).toMatchObject({ ok: true });
  });

  it('answers RECOVERY_NOT_NEEDED on a station that runs', async () => {
    const station = await createSetUpStation();
    writeFileSync(join(station.dataDir, 'note'), '');
    expect(await station.client.recovery.status()).toEqual({ ok: true, value: { problem: null, backups: [] } });
    expect(await station.client.recovery.restoreBackup({ backup: 'quai-x.sqlite3', badge: adminBadge, pin: adminPin })).toMatchObject({
      error: { code: 'RECOVERY_NOT_NEEDED' },
    });
  });
});
