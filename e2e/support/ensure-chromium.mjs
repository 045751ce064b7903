// `npm test` runs this before Playwright: find a Chromium, or install Debian's when we can (root on
// Debian), or stop at once with the one command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const found = findChromium();
if (found) {
  process.stdout.write(`e2e: using Chromium at ${found}\n`);
  process.exit(0);
}

const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (!canInstall) {
  process.stderr.write(
    "e2e: no Chromium found. Install Debian's with:\n\n    sudo apt-get install -y chromium\n\n" +
      '(or point QUAI_CHROMIUM at a Chromium or Chrome binary) and run the tests again.\n',
  );
  process.exit(1);
}

process.stdout.write("e2e: no Chromium found; installing Debian's package (apt-get install -y chromium)…\n");
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', '--no-install-recommends', 'chromium'],
]) {
  const run = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (run.status !== 0) {
    process.stderr.write(`e2e: apt-get ${args.join(' ')} failed (exit ${run.status}). Install chromium by hand and retry.\n`);
    process.exit(1);
  }
}
const installed = findChromium();
if (!installed) {
  process.stderr.write('e2e: chromium was installed but /usr/bin/chromium is still missing.\n');
  process.exit(1);
}
process.stdout.write(`e2e: installed Chromium at ${installed}\n`);
