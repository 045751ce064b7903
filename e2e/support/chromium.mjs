// Finds the Chromium the e2e tests drive: Debian's, never a browser Playwright downloads (none can
// be downloaded on our machines). Plain JS so it runs before any TypeScript tooling.
import { existsSync } from 'node:fs';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function findChromium() {
  const candidates = [process.env.QUAI_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}
