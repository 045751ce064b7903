import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manualClock } from '../../platform/clock';
import { sql } from '../../platform/db/sql';
import { silentLogger } from '../../platform/logging';
import { fileSecretStore } from '../../platform/secrets';
import { createCore } from '../core';

// Child of orders/site-day.test.ts, started with a process time zone (TZ=UTC, TZ=Asia/Shanghai):
// prints the ship date a station shows at the instant given (ISO).
const dataDir = mkdtempSync(join(tmpdir(), 'quai-site-day-'));
const clock = manualClock(Date.parse(process.argv[2] ?? '2026-11-26T17:30:00Z'));
const core = createCore({ dataDir, clock, log: silentLogger(), secrets: fileSecretStore(dataDir) });
const caller = { trusted: true, description: 'site day' };
await core.dispatch(
  'setup:create-site',
  { siteCode: 'PAR-01', siteName: 'Paris', locale: 'fr', timeZone: 'Europe/Paris', admin: { name: 'A', badge: 'BADGE-A', pin: '1234' } },
  caller,
);
core.db.write((tx) => {
  for (const [id, day] of [
    ['O-26', '2026-11-26'],
    ['O-27', '2026-11-27'],
    ['O-28', '2026-11-28'],
  ] as const) {
    tx.run(sql`INSERT INTO customer_order (order_id, ship_date, carrier, service, cutoff, status, version, pulled_at)
               VALUES (${id}, ${day}, 'dpd', 'Predict', ${`${day}T09:30:00Z`}, 'open', 1, 0)`);
    tx.run(sql`INSERT INTO customer_order_line (order_id, line_no, sku, quantity) VALUES (${id}, 1, 'SKU-1', 1)`);
  }
});
await core.dispatch('auth:login', { badge: 'BADGE-A', pin: '1234' }, caller);
const orders = await core.dispatch('orders:next-day', {}, caller);
process.stdout.write(`${JSON.stringify({ tz: process.env.TZ, shipDate: orders.ok ? (orders.value as { shipDate: string }).shipDate : orders.error.code })}\n`);
await core.close();
rmSync(dataDir, { recursive: true, force: true });
