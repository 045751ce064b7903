import { describe, expect, it } from 'vitest';
import { defaultScannerSettings, type ScannerSettings } from '../../../shared/scanner';
import { sql } from '../../platform/db/sql';
import { addUser, createSetUpStation } from '../testing/core';

const honeywellAtPackStation: ScannerSettings = {
  interKeyMaxMs: 40,
  minLength: 6,
  prefix: ']',
  suffix: 'tab',
  gsSubstitute: '~',
  dedupeWindowMs: 2000,
};

describe('scanner settings', () => {
  it('start from the defaults, and an admin save is read back and audited in the same transaction', async () => {
    const station = await createSetUpStation();
    expect(await station.client.scanner.getSettings()).toEqual({ ok: true, value: defaultScannerSettings });

    const saved = await station.client.scanner.saveSettings(honeywellAtPackStation);
    expect(saved).toEqual({ ok: true, value: honeywellAtPackStation });
    expect(await station.client.scanner.getSettings()).toEqual({ ok: true, value: honeywellAtPackStation });

    const stored = station.core.db.read.get<{ value: string }>(sql`SELECT value FROM setting WHERE key = 'scanner'`);
    expect(JSON.parse(stored?.value ?? '{}')).toEqual(honeywellAtPackStation);
    const audit = station.core.db.read.all<{ action: string; outcome: string; detail: string }>(
      sql`SELECT action, outcome, detail FROM audit WHERE action = 'scanner:save-settings'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.outcome).toBe('ok');
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ before: defaultScannerSettings, after: honeywellAtPackStation });
  });

  it('are read from the database every time (stored, not cached)', async () => {
    const station = await createSetUpStation();
    await station.client.scanner.saveSettings({ ...defaultScannerSettings, suffix: 'none', minLength: 8 });
    expect(await station.client.scanner.getSettings()).toMatchObject({ ok: true, value: { suffix: 'none', minLength: 8 } });
  });

  it('are readable by any session, but a picker saving them is refused in main and audited', async () => {
    const station = await createSetUpStation();
    await addUser(station, { name: 'Paul Picker', badge: 'BADGE-P1', role: 'picker', pin: '1357' });
    await station.client.auth.logout();
    expect(await station.client.auth.login({ badge: 'BADGE-P1', pin: '1357' })).toMatchObject({ ok: true });

    expect(await station.client.scanner.getSettings()).toMatchObject({ ok: true });
    const refused = await station.client.scanner.saveSettings(honeywellAtPackStation);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.client.scanner.getSettings()).toEqual({ ok: true, value: defaultScannerSettings });
    const refusals = station.core.db.read.all<{ action: string }>(sql`SELECT action FROM audit WHERE outcome = 'refused'`);
    expect(refusals.map((row) => row.action)).toEqual(['scanner:save-settings']);
  });

  it('need a session to be read', async () => {
    const station = await createSetUpStation();
    await station.client.auth.logout();
    expect(await station.client.scanner.getSettings()).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('refuse values outside their bounds at the boundary', async () => {
    const station = await createSetUpStation();
    const tooFast = await station.client.scanner.saveSettings({ ...defaultScannerSettings, interKeyMaxMs: 1 });
    expect(tooFast).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const badSuffix = await station.client.scanner.saveSettings({ ...defaultScannerSettings, suffix: 'space' as 'enter' });
    expect(badSuffix).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('read a damaged stored document field by field, falling back to the defaults', async () => {
    const station = await createSetUpStation();
    station.core.db.write((tx) =>
      tx.run(sql`INSERT INTO setting (key, value) VALUES ('scanner', ${JSON.stringify({ minLength: 9, suffix: 'space', interKeyMaxMs: 'fast' })})`),
    );
    expect(await station.client.scanner.getSettings()).toEqual({ ok: true, value: { ...defaultScannerSettings, minLength: 9 } });
    station.core.db.write((tx) => tx.run(sql`UPDATE setting SET value = 'not json' WHERE key = 'scanner'`));
    expect(await station.client.scanner.getSettings()).toEqual({ ok: true, value: defaultScannerSettings });
  });
});
