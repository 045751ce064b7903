import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/**
 * The Electron binary, when this machine has it. Requiring the `electron` package would try to
 * download it, so the files it would use are checked instead.
 */
export function electronBinary(): { path: string } | { skip: string } {
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) {
    return { skip: 'the Electron binary is not installed here (node_modules/electron/path.txt missing; `npm start` downloads it)' };
  }
  const binary = join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { skip: `the Electron binary is missing at ${binary}` };
  return { path: binary };
}

export const electronSkipReason = (): string | null => {
  const found = electronBinary();
  return 'skip' in found ? `Electron specs skipped: ${found.skip}.` : null;
};
