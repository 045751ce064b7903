import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql';
import { damage } from '../../platform/testing/damage';
import { makeReadOnly } from '../../platform/testing/read-only';
import { stationFiles } from '../db/open';
import { addUser, adminBadge, adminPin, createSetUpStation, createTestStation, type TestStation } from '../testing/core';

/**
 * Issue #9, "files the station cannot trust": each start-up case, and what the person at the
 * station is shown through the bridge (the recovery screen reads `recovery.status`; every other
 * operation answers DB_UNUSABLE, never a stack trace and never a new, empty station).
 */

/** A set-up station with a backup, closed: what a station is the night before its disk fails. */
async function stationWithBackup(): Promise<{ first: TestStation; backup: string }> {
  const first = await createSetUpStation();
  await addUser(first, { name: 'Paul Picker', badge: 'BADGE-P1', role: 'picker', pin: '1111' });
  const backup = await first.client.settings.backupDatabase();
  if (!backup.ok) throw new Error(`backup failed: ${backup.error.code}`);
  await first.core.close();
  return { first, backup: backup.value.file.split(/[\\/]/).at(-1) ?? '' };
}

const restart = (station: TestStation): TestStation => createTestStation({ dataDir: station.dataDir, clock: station.clock });

async function expectRecovery(station: TestStation, code: string, options: { backups: number; canRestore?: boolean }) {
  const status = await station.client.recovery.status();
  expect(status).toMatchObject({
    ok: true,
    value: { problem: { code, file: stationFiles(station.dataDir).database, canRestore: options.canRestore ?? true } },
  });
  if (status.ok) {
    expect(status.value.backups).toHaveLength(options.backups);
    for (const backup of status.value.backups) expect(backup).toMatchObject({ integrityOk: true, sizeBytes: expect.any(Number) });
  }
  // Nothing else runs, and nothing says "set up a new station".
  expect(await station.client.setup.status()).toMatchObject({ ok: false, error: { code: 'DB_UNUSABLE' } });
  expect(await station.client.auth.login({ badge: adminBadge, pin: adminPin })).toMatchObject({ ok: false, error: { code: 'DB_UNUSABLE' } });
  expect(
    await station.client.setup.createSite({ siteCode: 'X1', siteName: 'X', locale: 'fr', admin: { name: 'Eve', badge: 'BADGE-EVE', pin: '1234' } }),
  ).toMatchObject({
    ok: false,
    error: { code: 'DB_UNUSABLE' },
  });
  expect(() => station.core.db).toThrow(/cannot be used/);
  expect(station.core.recovery()).toEqual({ code, file: stationFiles(station.dataDir).database });
}

describe('starting on a database the station cannot trust', () => {
  it('a 0-byte database with backups: recovery (DB_EMPTY), never a fresh setup screen', async () => {
    const { first } = await stationWithBackup();
    writeFileSync(stationFiles(first.dataDir).database, '');
    rmSync(`${stationFiles(first.dataDir).database}-wal`, { force: true });
    await expectRecovery(restart(first), 'DB_EMPTY', { backups: 1 });
  });

  it('a 0-byte database and no backup at all: still recovery, with nothing to restore (the screen says to call IT)', async () => {
    const first = await createSetUpStation();
    await first.core.close();
    rmSync(stationFiles(first.dataDir).backups, { recursive: true, force: true });
    writeFileSync(stationFiles(first.dataDir).database, '');
    await expectRecovery(restart(first), 'DB_EMPTY', { backups: 0 });
  });

  it('a missing database while backups exist: recovery (DB_MISSING)', async () => {
    const { first } = await stationWithBackup();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${stationFiles(first.dataDir).database}${suffix}`, { force: true });
    await expectRecovery(restart(first), 'DB_MISSING', { backups: 1 });
  });

  it('a missing database and no backups: a new station (the first start), created whole', async () => {
    const station = createTestStation();
    expect(await station.client.setup.status()).toMatchObject({ ok: true, value: { needsSetup: true } });
    expect(station.core.recovery()).toBeNull();
    expect(readdirSync(station.dataDir).filter((name) => name.endsWith('.new'))).toEqual([]);
  });

  it('a truncated database: recovery (DB_CORRUPT) instead of "database disk image is malformed"', async () => {
    const { first } = await stationWithBackup();
    damage.truncate(stationFiles(first.dataDir).database);
    await expectRecovery(restart(first), 'DB_CORRUPT', { backups: 1 });
  });

  it('a database whose header is overwritten: recovery (DB_CORRUPT)', async () => {
    const { first } = await stationWithBackup();
    damage.header(stationFiles(first.dataDir).database);
    await expectRecovery(restart(first), 'DB_CORRUPT', { backups: 1 });
  });

  it('a database with a damaged page that opens fine: quick_check at start finds it (DB_CORRUPT)', async () => {
    const { first } = await stationWithBackup();
    damage.page(stationFiles(first.dataDir).database, 'app_user');
    await expectRecovery(restart(first), 'DB_CORRUPT', { backups: 1 });
  });

  it('tables there while user_version says 0: recovery (DB_SCHEMA_MISMATCH) instead of "table outbox already exists"', async () => {
    const { first } = await stationWithBackup();
    const raw = new BetterSqlite3(stationFiles(first.dataDir).database);
    raw.pragma('user_version = 0');
    raw.close();
    await expectRecovery(restart(first), 'DB_SCHEMA_MISMATCH', { backups: 1 });
  });

  it('a database written by a newer build: recovery (DB_NEWER_THAN_APP), a backup of this build can be restored', async () => {
    const { first } = await stationWithBackup();
    const raw = new BetterSqlite3(stationFiles(first.dataDir).database);
    raw.pragma('user_version = 99');
    raw.close();
    await expectRecovery(restart(first), 'DB_NEWER_THAN_APP', { backups: 1 });
  });

  it('a database that cannot be written: recovery (DB_READ_ONLY) that offers no restore but tells to call IT', async () => {
    const { first, backup } = await stationWithBackup();
    const readOnly = makeReadOnly(stationFiles(first.dataDir).database);
    if ('skip' in readOnly) {
      process.stdout.write(`skipped: ${readOnly.skip}\n`);
      return;
    }
    try {
      const station = restart(first);
      await expectRecovery(station, 'DB_READ_ONLY', { backups: 1, canRestore: false });
      expect(await station.client.recovery.restoreBackup({ backup, badge: adminBadge, pin: adminPin })).toMatchObject({
        ok: false,
        error: { code: 'DB_READ_ONLY' },
      });
      await station.core.close();
    } finally {
      readOnly.undo();
    }
  });

  it('a logs folder that cannot be written: the station starts and its admin is told', async () => {
    const { first } = await stationWithBackup();
    const logs = join(first.dataDir, 'logs');
    rmSync(logs, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(logs, { mode: 0o700 });
    const readOnly = makeReadOnly(logs);
    if ('skip' in readOnly) {
      process.stdout.write(`skipped: ${readOnly.skip}\n`);
      return;
    }
    try {
      const station = createTestStation({ dataDir: first.dataDir, clock: first.clock, logLevel: 'info' });
      expect(await station.client.auth.login({ badge: adminBadge, pin: adminPin })).toMatchObject({ ok: true });
      expect(await station.client.diagnostics.notices()).toMatchObject({ ok: true, value: [{ code: 'LOGS_UNWRITABLE', details: { folder: logs } }] });
      await station.core.close();
    } finally {
      readOnly.undo();
    }
  });
});

describe('the start-up backup', () => {
  it('never keeps (or audits as ok) a copy of a database that fails integrity_check', async () => {
    const first = await createSetUpStation();
    await first.core.close();
    // quick_check passes (every page is sound), so the station starts; only the index is wrong.
    damage.indexEntry(stationFiles(first.dataDir).database, 'sqlite_autoindex_app_user_1', adminBadge);
    const station = restart(first);
    expect(station.core.recovery()).toBeNull();
    await station.core.tick();
    expect(existsSync(stationFiles(station.dataDir).backups) ? readdirSync(stationFiles(station.dataDir).backups) : []).toEqual([]);
    const rows = station.core.db.read.all<{ outcome: string; code: string }>(
      sql`SELECT outcome, detail ->> '$.code' AS code FROM audit WHERE action = 'db:daily-backup' ORDER BY id`,
    );
    expect(rows).toEqual([{ outcome: 'failed', code: 'BACKUP_DAMAGED' }]);
    const users = station.core.db.read.get<{ id: number }>(sql`SELECT id FROM app_user WHERE role = 'admin'`);
    expect(users).toBeDefined();
  });
});
