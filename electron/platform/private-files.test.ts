import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir, repairPrivateTree } from './private-files';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

describe.skipIf(process.platform === 'win32')('private files (POSIX modes)', () => {
  it('makes every folder 0700 and every file 0600 under a data folder, says what it changed, and leaves links alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quai-modes-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'backups'));
    chmodSync(join(dir, 'backups'), 0o755);
    writeFileSync(join(dir, 'quai.sqlite3'), 'x', { mode: 0o644 });
    writeFileSync(join(dir, 'backups', 'quai-1.sqlite3'), 'x');
    chmodSync(join(dir, 'backups', 'quai-1.sqlite3'), 0o666);
    const outside = join(dir, '..', `outside-${Date.now()}`);
    writeFileSync(outside, 'x', { mode: 0o644 });
    symlinkSync(outside, join(dir, 'link'));
    chmodSync(dir, 0o755);

    const repair = repairPrivateTree(dir);
    expect(repair.failed).toEqual([]);
    expect(repair.repaired.map((r) => [r.path.slice(dir.length), r.from, r.to]).sort()).toEqual([
      ['', '755', '700'],
      ['/backups', '755', '700'],
      ['/backups/quai-1.sqlite3', '666', '600'],
      ['/quai.sqlite3', '644', '600'],
    ]);
    expect([mode(dir), mode(join(dir, 'backups')), mode(join(dir, 'quai.sqlite3'))]).toEqual(['700', '700', '600']);
    expect(mode(outside)).toBe('644');
    rmSync(outside);
    expect(repairPrivateTree(dir).repaired).toEqual([]);
  });

  it('creates a private folder, and makes an existing one private', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quai-modes-'));
    dirs.push(dir);
    ensurePrivateDir(join(dir, 'a', 'b'));
    expect(mode(join(dir, 'a', 'b'))).toBe('700');
    chmodSync(join(dir, 'a', 'b'), 0o777);
    ensurePrivateDir(join(dir, 'a', 'b'));
    expect(mode(join(dir, 'a', 'b'))).toBe('700');
  });
});
