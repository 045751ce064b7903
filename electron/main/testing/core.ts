import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createLogger, silentLogger } from '../../platform/logging';
import { fileSecretStore } from '../../platform/secrets';
import { manualClock, type ManualClock } from '../../platform/clock';
import { createCore, type Core } from '../core';
import type { Caller } from '../ipc/registrar';
import type { QuaiClient } from '../../../shared/ipc';
import { buildClient } from '../../../shared/ipc/bridge';

export const trustedCaller: Caller = { trusted: true, description: 'test' };

export type TestStation = { core: Core; clock: ManualClock; client: QuaiClient; dataDir: string };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/**
 * A real core on a real, migrated SQLite file in a temp folder, with a clock the test moves. Given
 * the `dataDir` of an earlier station (closed first), it is that station started again.
 */
export function createTestStation(options: { logLevel?: string; dataDir?: string; clock?: ManualClock } = {}): TestStation {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'quai-test-'));
  const clock = options.clock ?? manualClock();
  const log = options.logLevel ? createLogger(dataDir, options.logLevel) : silentLogger();
  const core = createCore({ dataDir, clock, log, secrets: fileSecretStore(dataDir) });
  cleanups.push(async () => {
    await core.close();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  const client = buildClient((channel, input) => core.dispatch(channel, input, trustedCaller));
  return { core, clock, client, dataDir };
}

export const adminBadge = 'BADGE-ADMIN1';
export const adminPin = '123456';

/** The state after first-run setup: a site and its admin, logged in. */
export async function createSetUpStation(options: { logLevel?: string } = {}): Promise<TestStation> {
  const station = createTestStation(options);
  const site = await station.client.setup.createSite({
    siteCode: 'PAR-01',
    siteName: 'Paris Nord',
    locale: 'fr',
    admin: { name: 'Alice Admin', badge: adminBadge, pin: adminPin },
  });
  if (!site.ok) throw new Error(`setup failed: ${site.error.code}`);
  const login = await station.client.auth.login({ badge: adminBadge, pin: adminPin });
  if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
  return station;
}

/** Creates a user as the logged-in admin and returns its id. */
export async function addUser(
  station: TestStation,
  user: { name: string; badge: string; role: 'picker' | 'receiver' | 'shift_lead' | 'admin'; pin: string },
): Promise<number> {
  const created = await station.client.auth.createUser(user);
  if (!created.ok) throw new Error(`createUser failed: ${created.error.code}`);
  return created.value.id;
}
