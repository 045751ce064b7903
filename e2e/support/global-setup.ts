import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { electronSkipReason } from './electron';

/** Says once, up front, what will not run here and why; checks the build the hosts serve exists. */
export default function globalSetup(): void {
  const root = join(import.meta.dirname, '../..');
  if (!existsSync(join(root, 'out/main/host.js')) || !existsSync(join(root, 'out/renderer/index.html'))) {
    throw new Error('e2e needs a build: run `npm run build` first (npm test does).');
  }
  const reason = electronSkipReason();
  if (reason) process.stdout.write(`\n${reason}\nThe same specs run against the web host.\n\n`);
}
