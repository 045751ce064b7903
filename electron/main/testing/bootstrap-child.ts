import { createCore } from '../core';
import { silentLogger } from '../../platform/logging';
import { fileSecretStore } from '../../platform/secrets';

// Child process of the bootstrap crash test (sync/bootstrap-crash.test.ts): joins a site (or, set
// up already, syncs) and prints READY once its core is open, DONE when the bootstrap finished.
// The test kills it at random moments in between.
const [dataDir, url, token] = process.argv.slice(2);
if (!dataDir || !url || !token) throw new Error('usage: bootstrap-child <dataDir> <url> <token>');

const core = createCore({ dataDir, log: silentLogger(), secrets: fileSecretStore(dataDir) });
const caller = { trusted: true, description: 'bootstrap crash test' };
process.stdout.write('READY\n');
const status = await core.dispatch('setup:status', {}, caller);
if (status.ok && (status.value as { needsSetup: boolean }).needsSetup) {
  const joined = await core.dispatch('setup:join-site', { centre: { mode: 'remote', url, token } }, caller);
  if (!joined.ok) throw new Error(`join failed: ${joined.error.code} ${joined.error.message}`);
} else {
  await core.start();
  await core.sync.syncNow();
}
process.stdout.write('DONE\n');
await core.close();
