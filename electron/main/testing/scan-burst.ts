import { silentLogger } from '../../platform/logging';
import { fileSecretStore } from '../../platform/secrets';
import { createCore } from '../core';
import { sql } from '../../platform/db/sql';

// Child process of the crash test (sync/crash.test.ts): records moves as fast as it can and prints
// `CONFIRMED <eventId>` only after the move's transaction has committed and the call has answered,
// exactly when a real station would confirm the scan to the picker. The test kills it at random.
const [dataDir, badge, pin, from, to, gtin] = process.argv.slice(2);
if (!dataDir || !badge || !pin || !from || !to || !gtin) throw new Error('usage: scan-burst <dataDir> <badge> <pin> <from> <to> <gtin>');

const core = createCore({ dataDir, log: silentLogger(), secrets: fileSecretStore(dataDir) });
const caller = { trusted: true, description: 'crash test' };
const login = await core.dispatch('auth:login', { badge, pin }, caller);
if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
process.stdout.write('READY\n');

for (let i = 0; ; i += 1) {
  const [a, b] = i % 2 === 0 ? [from, to] : [to, from];
  const moved = await core.dispatch('stock:move', { from: a, to: b, gtin, quantity: 1 }, caller);
  if (!moved.ok) throw new Error(`move failed: ${moved.error.code}`);
  const last = core.db.read.get<{ event_id: string }>(sql`SELECT event_id FROM outbox ORDER BY seq DESC LIMIT 1`);
  process.stdout.write(`CONFIRMED ${last?.event_id ?? ''}\n`);
}
