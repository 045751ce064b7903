import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import { bootstrapResponseSchema, type CentreRecord } from '../shared/sync/protocol';
import { silentLogger } from '../electron/platform/logging';
import { createCore, type Core } from '../electron/main/core';
import { migrations } from '../electron/main/db/migrations';
import { fileSecretStore } from '../electron/platform/secrets';
import { sql } from '../electron/platform/db/sql';
import { migrate } from '../electron/platform/db/migration';
import { appendEvent } from '../electron/main/sync/outbox';
import { writeConnection } from '../electron/main/sync/connection';
import { mirrorWriterFromSource } from '../electron/main/testing/mirror-writer';
import { repeat, summarise, wholeRuns, type Bench } from './harness';
import { benchCaller } from './stock-scale';

const root = join(import.meta.dirname, '..');

/** The demo centre in its own process, as a real centre is: its work does not count as the station's. */
async function centreProcess(orders: number): Promise<{ url: string; token: string; stop: () => void; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'quai-bench-centre-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'electron/demo-central/cli.ts'), '--port', '0', '--data-dir', dir, '--orders', String(orders), '--station', 'BENCH'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let url = '';
  const token = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (text) => {
      if (text.startsWith('QUAI_CENTRAL_URL ')) url = text.split(' ')[1] ?? '';
      if (text.startsWith('QUAI_CENTRAL_TOKEN ')) resolve(text.split(' ')[1] ?? '');
    });
    child.once('exit', (code) => reject(new Error(`centre exited ${code}`)));
  });
  return { url, token, dir, stop: () => child.kill('SIGTERM') };
}

async function station(url: string, token: string): Promise<{ core: Core; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'quai-bench-station-'));
  const core = createCore({ dataDir: dir, log: silentLogger(), secrets: fileSecretStore(dir) });
  // Set up as a real site but bootstrap later, under the stopwatch.
  const setup = await core.dispatch(
    'setup:create-site',
    { siteCode: 'BENCH', siteName: 'Bench', locale: 'fr', admin: { name: 'Admin', badge: 'BADGE-ADMIN', pin: '1234' }, centre: { mode: 'none' } },
    benchCaller,
  );
  if (!setup.ok) throw new Error(setup.error.code);
  core.db.write((tx) => writeConnection(tx, { mode: 'remote', url, stationId: 'BENCH' }));
  await core.close();
  fileSecretStore(dir).set('centre-token', token);
  // As the hosts run it: the centre's pages stored on the mirror writer's thread.
  const reopened = createCore({ dataDir: dir, log: silentLogger(), secrets: fileSecretStore(dir), mirrorWriter: mirrorWriterFromSource });
  await reopened.start();
  return { core: reopened, dir };
}

/** The baseline: the same rows, bare prepared INSERTs, one transaction, on a freshly migrated file with the station's foreign keys on. */
function bareInsert(records: readonly CentreRecord[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'quai-bench-bare-'));
  const db = new BetterSqlite3(join(dir, 'bare.sqlite3'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON'); // the station's rules: the same rows, checked as the station's connection checks them
  migrate(db, migrations);
  const product = db.prepare(
    'INSERT INTO product (sku, description_fr, description_en, description_zh, lot_tracked, expiry_tracked, units_per_case) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const gtin = db.prepare('INSERT INTO gtin (gtin, product_id, pack_quantity) VALUES (?, ?, ?)');
  const location = db.prepare('INSERT INTO location (code, type, zone, walk_order, active) VALUES (?, ?, ?, ?, ?)');
  const order = db.prepare(
    'INSERT INTO customer_order (order_id, ship_date, carrier, service, cutoff, status, version, pulled_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0)',
  );
  const orderLine = db.prepare('INSERT INTO customer_order_line (order_id, line_no, sku, quantity) VALUES (?, ?, ?, ?)');
  const container = db.prepare(
    "INSERT INTO container (kind, code, location_id, created_at) VALUES ('pallet', ?, (SELECT id FROM location WHERE code = ?), 0) ON CONFLICT (code) DO UPDATE SET code = code RETURNING id",
  );
  const movement = db.prepare(
    "INSERT INTO movement (at, kind, product_id, to_location_id, to_container_id, quantity) VALUES (0, 'opening', (SELECT id FROM product WHERE sku = ?), (SELECT id FROM location WHERE code = ?), ?, ?)",
  );
  const balance = db.prepare(
    'INSERT INTO stock_balance (product_id, location_id, lot_id, container_id, quantity) VALUES ((SELECT id FROM product WHERE sku = ?), (SELECT id FROM location WHERE code = ?), 0, ?, ?) ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity',
  );
  const start = performance.now();
  db.transaction(() => {
    for (const record of records) {
      if (record.entity === 'product' && record.data) {
        const id = product.run(
          record.data.sku,
          record.data.description.fr,
          record.data.description.en,
          record.data.description.zh,
          record.data.lotTracked ? 1 : 0,
          record.data.expiryTracked ? 1 : 0,
          record.data.unitsPerCase,
        ).lastInsertRowid;
        for (const g of record.data.gtins) gtin.run(g.gtin, id, g.packQuantity);
      } else if (record.entity === 'location' && record.data) {
        location.run(record.data.code, record.data.type, record.data.zone, record.data.walkOrder, record.data.active ? 1 : 0);
      } else if (record.entity === 'order' && record.data) {
        const o = record.data;
        order.run(o.orderId, o.shipDate, o.carrier, o.service, o.cutoff, o.status, o.version);
        for (const l of o.lines) orderLine.run(o.orderId, l.lineNo, l.sku, l.quantity);
      } else if (record.entity === 'stock' && record.data) {
        const s = record.data;
        const containerId = s.container === null ? 0 : Number((container.get(s.container, s.location) as { id: number }).id);
        movement.run(s.sku, s.location, containerId || null, s.quantity);
        balance.run(s.sku, s.location, containerId, s.quantity);
      }
    }
  })();
  const elapsed = performance.now() - start;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return elapsed;
}

async function fetchAll(url: string, token: string): Promise<CentreRecord[]> {
  const records: CentreRecord[] = [];
  let page: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '5000', ...(page ? { page } : {}) });
    const response = await fetch(`${url}/v1/bootstrap?${query.toString()}`, { headers: { Authorization: `Bearer ${token}` } });
    const body = bootstrapResponseSchema.parse(await response.json());
    records.push(...body.records);
    page = body.next;
  } while (page !== null);
  return records;
}

/** A station token from the demo centre for another station of its site. */
async function enrol(url: string, stationId: string): Promise<string> {
  const response = await fetch(`${url}/v1/demo/enrol`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ stationId }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** `count` moves recorded offline on `core` (the same place both ways: the stock stays as it is). */
function appendMoves(core: Core, count: number): void {
  const row = core.db.read.get<{ sku: string; code: string }>(sql`
    SELECT p.sku, l.code FROM stock_balance b JOIN product p ON p.id = b.product_id JOIN location l ON l.id = b.location_id
    WHERE b.container_id = 0 AND b.lot_id = 0 AND b.quantity > 0 LIMIT 1`);
  if (!row) throw new Error('no stock');
  core.db.write((tx) => {
    for (let i = 0; i < count; i += 1) {
      appendEvent(tx, {
        type: 'stock.moved',
        at: Date.now(),
        actor: { userId: 1, name: 'Bench' },
        payload: {
          movements: [
            { kind: 'move', sku: row.sku, lot: null, from: { location: row.code, container: null }, to: { location: row.code, container: null }, quantity: 1 },
          ],
        },
      });
    }
  });
}

type Child = { readonly ask: (command: string) => Promise<Record<string, number>>; readonly stop: () => Promise<void> };

function stationProcess(url: string, token: string, stationId: string, when?: '--later'): Child {
  const dir = mkdtempSync(join(tmpdir(), 'quai-bench-fanout-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/station-child.ts'), dir, url, token, stationId, ...(when ? [when] : [])], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting: ((value: Record<string, number>) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (text) => waiting.shift()?.(JSON.parse(text) as Record<string, number>));
  return {
    ask: (command) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        child.stdin.write(`${command}\n`);
      }),
    stop: async () => {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.write('quit\n');
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const benches: readonly Bench[] = [
  {
    name: 'sync.bootstrap',
    run: async () => {
      const centre = await centreProcess(50_000);
      try {
        const records = await fetchAll(centre.url, centre.token);
        const blocks: number[] = [];
        const runs = await repeat(wholeRuns, async (run) => {
          // The station in its own process, as on a floor PC: its main thread does not share the
          // bench's heap (the baseline's 50,000 parsed records cost a 16-72 ms major GC in it).
          const child = stationProcess(centre.url, await enrol(centre.url, `BOOT-${run}`), `BOOT-${run}`, '--later');
          const measured = await child.ask('bootstrap');
          await child.stop();
          if (measured.idle !== 1) throw new Error('bootstrap failed (the station said why on stderr)');
          blocks.push(measured.blockMs ?? Infinity);
          // The baseline inserts the same rows, measured in the same repetition.
          return { ours: [measured.ms ?? Infinity], baseline: [bareInsert(records)] };
        });
        const counts = { orders: records.filter((r) => r.entity === 'order').length, stockLines: records.filter((r) => r.entity === 'stock').length };
        return [
          summarise('sync.bootstrap', 'ms', runs, {
            baseline: 'the same rows, bare prepared INSERTs in one transaction',
            bound: { ratio: 2.5 },
            extra: counts,
          }),
          summarise(
            'sync.bootstrap-block',
            'ms',
            blocks.map((block) => ({ ours: [block] })),
            { bound: { max: 50 }, extra: { measure: 'longest event-loop block during each bootstrap (monitorEventLoopDelay max)' } },
          ),
        ];
      } finally {
        centre.stop();
      }
    },
  },
  {
    name: 'sync.drain-backlog',
    run: async () => {
      const centre = await centreProcess(400);
      try {
        const backlog = 20_000;
        const runs = await repeat(wholeRuns, async (run) => {
          const { core, dir } = await station(centre.url, await enrol(centre.url, `DRAIN-${run}`));
          await core.sync.syncNow(); // bootstrapped: the station worked online this morning…
          appendMoves(core, backlog); // …then eight hours offline: 20,000 scans recorded, none sent.
          const start = performance.now();
          const status = await core.sync.syncNow();
          const seconds = (performance.now() - start) / 1000;
          if (status.pending !== 0) throw new Error(`backlog not drained: ${status.pending} left`);
          await core.close();
          rmSync(dir, { recursive: true, force: true });
          return { ours: [seconds] };
        });
        return [summarise('sync.drain-backlog', 's', runs, { extra: { events: backlog } })];
      } finally {
        centre.stop();
      }
    },
  },
  {
    name: 'sync.fanout',
    run: async () => {
      const each = 5000;
      const fromLastPush: number[] = [];
      const runs = await repeat(wholeRuns, async (run) => {
        // Ours: 4 stations (own processes) each push 5,000 events at once; the time from the start of
        // the pushes to all four mirrors holding every other station's events (the stricter reading:
        // from the last push acknowledged, most is already pulled, and it is printed beside it).
        const centre = await centreProcess(400);
        try {
          const stations = await Promise.all(
            [0, 1, 2, 3].map(async (i) => stationProcess(centre.url, await enrol(centre.url, `FAN-${run}-${i}`), `FAN-${run}-${i}`)),
          );
          for (const s of stations) await s.ask(`append ${each}`);
          const started = performance.timeOrigin + performance.now();
          const pushed = await Promise.all(stations.map((s) => s.ask('push')));
          const lastPush = Math.max(...pushed.map((answer) => answer.pushedAt ?? 0));
          const caughtUp = await Promise.all(stations.map((s) => s.ask(`pull-until ${3 * each}`)));
          const allEqual = Math.max(...caughtUp.map((answer) => answer.caughtUpAt ?? 0));
          fromLastPush.push(allEqual - lastPush);
          const fanout = allEqual - started;
          await Promise.all(stations.map((s) => s.stop()));
          // Baseline: one station alone draining 20,000 events (push and its pull), same centre size.
          const alone = stationProcess(centre.url, await enrol(centre.url, `ALONE-${run}`), `ALONE-${run}`);
          await alone.ask(`append ${4 * each}`);
          const before = performance.timeOrigin + performance.now();
          const drained = await alone.ask('push');
          await alone.stop();
          return { ours: [fanout], baseline: [(drained.pushedAt ?? 0) - before] };
        } finally {
          centre.stop();
        }
      });
      return [
        summarise('sync.fanout', 'ms', runs, {
          baseline: 'one station draining 20,000 events alone',
          bound: { ratio: 2 },
          extra: { stations: 4, eventsEach: each, fromLastPushMs: fromLastPush.map((ms) => Math.round(ms)) },
        }),
      ];
    },
  },
  {
    name: 'sync.pull-apply',
    run: async () => {
      const count = 10_000;
      const centre = await centreProcess(400);
      try {
        const blocks: number[] = [];
        const runs = await repeat(wholeRuns, async (run) => {
          // The measured station is bootstrapped before another station pushes 10,000 moves.
          const measured = await station(centre.url, await enrol(centre.url, `APPLY-${run}`));
          await measured.core.sync.syncNow();
          const other = await station(centre.url, await enrol(centre.url, `OTHER-${run}`));
          await other.core.sync.syncNow();
          appendMoves(other.core, count);
          await other.core.sync.syncNow();
          await other.core.close();
          rmSync(other.dir, { recursive: true, force: true });
          // Baseline, on a copy of the measured station's database: bare prepared INSERTs of the same
          // rows (the movements as the station stored them: their event ids, times and stations) and
          // their balance upserts, in one transaction.
          const copy = join(measured.dir, 'baseline.sqlite3');
          await measured.core.db.backup(copy);
          const delay = monitorEventLoopDelay({ resolution: 1 });
          delay.enable();
          const start = performance.now();
          await measured.core.sync.syncNow();
          const ours = performance.now() - start;
          delay.disable();
          blocks.push(delay.max / 1e6);
          const applied = measured.core.db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM movement WHERE origin_station IS NOT NULL`)?.n ?? 0;
          if (applied !== count) throw new Error(`applied ${applied} of ${count}`);
          type Stored = {
            at: number;
            user_id: number | null;
            kind: string;
            product_id: number;
            from_location_id: number;
            to_location_id: number;
            quantity: number;
            event_id: string;
            origin_station: string;
          };
          const rows = measured.core.db.read.all<Stored>(
            sql`SELECT at, user_id, kind, product_id, from_location_id, to_location_id, quantity, event_id, origin_station FROM movement WHERE origin_station IS NOT NULL`,
          );
          await measured.core.close();
          const raw = new BetterSqlite3(copy);
          raw.pragma('journal_mode = WAL');
          raw.pragma('synchronous = FULL');
          raw.pragma('foreign_keys = ON');
          const insert = raw.prepare(
            'INSERT INTO movement (at, user_id, kind, product_id, from_location_id, to_location_id, quantity, event_id, origin_station) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          );
          const balance = raw.prepare(
            'INSERT INTO stock_balance (product_id, location_id, lot_id, container_id, quantity) VALUES (?, ?, 0, 0, ?) ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity',
          );
          const bareStart = performance.now();
          raw.transaction(() => {
            for (const row of rows) {
              insert.run(
                row.at,
                row.user_id,
                row.kind,
                row.product_id,
                row.from_location_id,
                row.to_location_id,
                row.quantity,
                row.event_id,
                row.origin_station,
              );
              balance.run(row.product_id, row.from_location_id, -row.quantity);
              balance.run(row.product_id, row.to_location_id, row.quantity);
            }
          })();
          const bare = performance.now() - bareStart;
          raw.close();
          rmSync(measured.dir, { recursive: true, force: true });
          return { ours: [ours], baseline: [bare] };
        });
        return [
          summarise('sync.pull-apply', 'ms', runs, {
            baseline: 'bare prepared INSERTs of the same movements and balances in one transaction',
            bound: { ratio: 3 },
            extra: { movements: count },
          }),
          summarise(
            'sync.pull-apply-block',
            'ms',
            blocks.map((block) => ({ ours: [block] })),
            { bound: { max: 50 }, extra: { measure: 'longest event-loop block while pulling them (monitorEventLoopDelay max)' } },
          ),
        ];
      } finally {
        centre.stop();
      }
    },
  },
];
