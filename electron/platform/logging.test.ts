import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, logFolder, logsProblem } from './logging';
import { ensurePrivateDir } from './private-files';
import { makeReadOnly } from './testing/read-only';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quai-log-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

describe.skipIf(process.platform === 'win32')('the log', () => {
  it('writes its files, rotated ones and rotation history included, for its user only', async () => {
    const dataDir = tempDir();
    const log = createLogger(dataDir, 'info', { size: '2K' });
    for (let i = 0; i < 40; i += 1) log.info({ i, filler: 'x'.repeat(100) }, 'a line');
    const dir = logFolder(dataDir);
    await vi.waitFor(() => expect(readdirSync(dir).filter((name) => name !== 'quai.log').length).toBeGreaterThan(0));
    await vi.waitFor(() => expect(readFileSync(join(dir, 'quai.log'), 'utf8').length).toBeGreaterThan(0));
    expect(mode(dir)).toBe('700');
    await vi.waitFor(() =>
      expect(
        readdirSync(dir)
          .map((name) => [name, mode(join(dir, name))])
          .filter(([, m]) => m !== '600'),
      ).toEqual([]),
    );
  });

  it('keeps the program running, and says why, when its folder cannot be written', async () => {
    const dataDir = tempDir();
    ensurePrivateDir(logFolder(dataDir));
    const readOnly = makeReadOnly(logFolder(dataDir));
    if ('skip' in readOnly) {
      process.stdout.write(`skipped: ${readOnly.skip}\n`);
      return;
    }
    cleanups.push(readOnly.undo);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    cleanups.push(() => stderr.mockRestore());
    const log = createLogger(dataDir);
    log.info('written somewhere');
    await vi.waitFor(() => expect(stderr.mock.calls.map(([line]) => String(line)).join('')).toContain('written somewhere'));
    expect(logsProblem(dataDir)).toMatch(/EACCES|EPERM|EROFS/);
  });
});
