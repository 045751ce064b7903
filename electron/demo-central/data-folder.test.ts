import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestCentral } from './testing';

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

function notPrivate(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of [
    { path: dir, dir: true },
    ...readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => ({ path: join(e.parentPath, e.name), dir: e.isDirectory() })),
  ]) {
    const wanted = entry.dir ? '700' : '600';
    if (mode(entry.path) !== wanted) found[entry.path.slice(dir.length)] = mode(entry.path);
  }
  return found;
}

/** Issue #9: the demo centre keeps its token secret in its database; its folder is its user's alone. */
describe.skipIf(process.platform === 'win32')("the demo centre's data folder", () => {
  it('is private after start (repaired if an older version left it open) and after a backup', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'quai-central-'));
    chmodSync(dataDir, 0o755);
    mkdirSync(join(dataDir, 'backups'));
    chmodSync(join(dataDir, 'backups'), 0o755);
    writeFileSync(join(dataDir, 'backups', 'old.sqlite'), '');
    chmodSync(join(dataDir, 'backups', 'old.sqlite'), 0o644);
    const { station } = await startTestCentral({ dataDir });
    expect(readdirSync(dataDir)).toContain('central.sqlite');
    expect(notPrivate(dataDir)).toEqual({});
    expect((await station().post('/v1/test/backup', {})).status).toBe(200);
    expect(readdirSync(join(dataDir, 'backups')).length).toBe(2);
    expect(notPrivate(dataDir)).toEqual({});
  });
});
