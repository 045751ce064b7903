import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fileSecretStore } from '../platform/secrets';
import { stationFiles } from './db/open';
import { createSetUpStation, createTestStation } from './testing/core';

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/** Every folder and file under the data folder, with its mode: what another user of the machine could read. */
function modes(dir: string): Record<string, string> {
  const found: Record<string, string> = { '.': mode(dir) };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() || entry.isDirectory()) found[path.slice(dir.length + 1)] = mode(path);
  }
  return found;
}
const notPrivate = (dir: string): Record<string, string> =>
  Object.fromEntries(Object.entries(modes(dir)).filter(([path, m]) => m !== (statSync(join(dir, path)).isDirectory() ? '700' : '600')));

/** Issue #9: the data folder and everything in it are readable by the station's user only. */
describe.skipIf(process.platform === 'win32')('the data folder', () => {
  it('is private after start: the database with its -wal and -shm, the log, the secrets', async () => {
    const station = await createSetUpStation({ logLevel: 'info' });
    await vi.waitFor(() => expect(readdirSync(join(station.dataDir, 'logs'))).toContain('quai.log'));
    fileSecretStore(station.dataDir).set('centre-token', 'qct_secret');
    const found = modes(station.dataDir);
    expect(found).toMatchObject({
      '.': '700',
      'quai.sqlite3': '600',
      'quai.sqlite3-wal': '600',
      'quai.sqlite3-shm': '600',
      logs: '700',
      'logs/quai.log': '600',
      secrets: '700',
      'secrets/centre-token': '600',
    });
    expect(notPrivate(station.dataDir)).toEqual({});
  });

  it('is repaired at start when an older version left it readable by everyone', async () => {
    const first = await createSetUpStation({ logLevel: 'info' });
    await first.core.close();
    chmodSync(first.dataDir, 0o755);
    chmodSync(stationFiles(first.dataDir).database, 0o644);
    chmodSync(join(first.dataDir, 'logs'), 0o755);
    const station = createTestStation({ dataDir: first.dataDir, clock: first.clock });
    expect(await station.client.setup.status()).toMatchObject({ ok: true });
    expect(notPrivate(station.dataDir)).toEqual({});
  });

  it('stays private after a backup and after an export of unsynced events', async () => {
    const station = await createSetUpStation();
    const backup = await station.client.settings.backupDatabase();
    expect(backup.ok).toBe(true);
    const exported = await station.client.sync.exportUnsynced();
    expect(exported.ok).toBe(true);
    const found = modes(station.dataDir);
    expect(Object.keys(found).filter((path) => path.startsWith('backups/') || path.startsWith('exports/'))).toHaveLength(2);
    expect(found).toMatchObject({ backups: '700', exports: '700' });
    expect(notPrivate(station.dataDir)).toEqual({});
  });
});
