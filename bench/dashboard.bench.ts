import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { CutoffBoard } from '../shared/dashboard';
import { defaultSiteTimeZone } from '../shared/people';
import { siteDay } from '../shared/site-time';
import { parcelDataSchema } from '../shared/sync/site-parcels';
import { runDataSchema } from '../shared/sync/site-runs';
import { createCore } from '../electron/main/core';
import { migrations } from '../electron/main/db/migrations';
import { writeParcel } from '../electron/main/packing/repo';
import { writeRun } from '../electron/main/picking/runs';
import { openDatabase } from '../electron/platform/db/connection';
import { sql } from '../electron/platform/db/sql';
import { silentLogger } from '../electron/platform/logging';
import { fileSecretStore } from '../electron/platform/secrets';
import { repeat, sampleMicros, sampleMicrosAsync, summarise, wholeRuns, type Bench } from './harness';
import { benchCaller, createBenchSite, lead } from './stock-scale';

/** The scale: 10,000 orders of the ship date, a quarter at each stage (to pick, picked, packed, dispatched). */
const orderCount = 10_000;
const ordersPerRun = 200;
const iterations = 60;
const carriers = ['colissimo', 'chronopost', 'dpd'] as const;
const by = { personId: 'P-BENCH', name: 'Bench lead', stationId: 'BENCH' };

/**
 * The station's mirror with the day's work in it, written through the station's own writers of runs
 * and parcels (each record through its schema first), as pulls leave them: orders over
 * three carriers and two cutoffs each, runs of 200 orders with their picks in the last hour, the
 * packed orders' parcels, the dispatched ones loaded.
 */
function fillTheDay(file: string, now: number): string {
  const shipDate = siteDay(now, defaultSiteTimeZone);
  const db = openDatabase(file, { migrations });
  const at = (minutesAgo: number): string => new Date(now - minutesAgo * 60_000).toISOString();
  const cutoffs = [now + 3 * 3_600_000, now + 6 * 3_600_000].map((instant) => new Date(instant).toISOString());
  db.write((tx) => {
    for (let first = 0; first < orderCount; first += ordersPerRun) {
      const carrier = carriers[(first / ordersPerRun) % carriers.length] as string;
      const cutoff = cutoffs[Math.floor(first / ordersPerRun / carriers.length) % cutoffs.length] as string;
      const runId = uuidv7();
      const orders = Array.from({ length: ordersPerRun }, (_, slot) => ({ orderId: `MP-BENCH-${String(first + slot).padStart(6, '0')}`, toteSlot: slot + 1 }));
      const stops = orders.map((order, slot) => ({
        location: `A-${String(slot % 40).padStart(2, '0')}-01-1`,
        lines: [{ orderId: order.orderId, lineNo: 1, sku: `SKU-${slot % 40}`, quantity: 1, toteSlot: order.toteSlot }],
      }));
      // Stage by order: 0 to pick, 1 picked, 2 packed, 3 dispatched.
      const stage = (slot: number): number => (first + slot) % 4;
      const picks = orders.flatMap((order, slot) =>
        stage(slot) === 0
          ? []
          : [
              {
                pickId: uuidv7(),
                orderId: order.orderId,
                lineNo: 1,
                location: stops[slot]?.location ?? '',
                quantity: 1,
                short: null,
                by,
                at: at(59 - (slot % 50)),
              },
            ],
      );
      const run = runDataSchema.parse({
        runId,
        shipDate,
        carrier,
        cutoff,
        orders,
        stops,
        distance: 100,
        state: 'released',
        releasedBy: by,
        releasedAt: at(120),
        refusal: null,
        picks,
      });
      for (const order of orders)
        tx.run(sql`
          INSERT INTO customer_order (order_id, ship_date, carrier, service, cutoff, status, version, pulled_at)
          VALUES (${order.orderId}, ${shipDate}, ${carrier}, 'standard', ${cutoff}, 'open', 1, ${now})`);
      writeRun(tx, run, 1);
      for (const [slot, order] of orders.entries()) {
        if (stage(slot) < 2) continue;
        const sscc = `0301234500${String(first + slot).padStart(8, '0')}`;
        const loaded = stage(slot) === 3;
        const parcel = parcelDataSchema.parse({
          sscc,
          orderId: order.orderId,
          runId,
          carrier,
          tracking: `TRK${first + slot}`,
          box: 'M',
          weightGrams: 800,
          lines: [{ lineNo: 1, sku: stops[slot]?.lines[0]?.sku ?? '', quantity: 1 }],
          short: [],
          state: loaded ? 'loaded' : 'sealed',
          trailerId: loaded ? `TRAILER-${carrier}` : null,
          packedBy: by,
          packedAt: at(40 - (slot % 30)),
          unpacked: null,
          loaded: loaded ? { by, at: at(20 - (slot % 15)) } : null,
        });
        writeParcel(tx, parcel, 1);
      }
    }
  });
  db.close();
  return shipDate;
}

/**
 * The bare aggregate: the same four counts per carrier and cutoff in one query over the tables the
 * dashboard reads (the orders, what is kept per run order, the parcels).
 */
const bareAggregate = `
  SELECT o.carrier, o.cutoff, count(*) AS due,
         count(CASE WHEN o.order_id IN (SELECT order_id FROM run_order_progress WHERE ship_date = ? GROUP BY order_id HAVING sum(units_left) = 0) THEN 1 END) AS picked,
         count(p.sscc) AS packed, count(CASE WHEN p.state IN ('loaded', 'shipped') THEN 1 END) AS dispatched
  FROM customer_order o
  LEFT JOIN site_parcel p ON p.order_id = o.order_id AND p.state IN ('sealed', 'loaded', 'shipped')
  WHERE o.ship_date = ? AND o.status = 'open' AND o.gone_at IS NULL
  GROUP BY o.carrier, o.cutoff ORDER BY o.cutoff, o.carrier`;

type Figures = { carrier: string; cutoff: string; due: number; picked: number; packed: number; dispatched: number };
const figuresOf = (boards: readonly CutoffBoard[]): Figures[] =>
  boards.map(({ carrier, cutoff, due, picked, packed, dispatched }) => ({ carrier, cutoff, due, picked, packed, dispatched }));
const order = (rows: Figures[]): Figures[] => [...rows].sort((a, b) => a.cutoff.localeCompare(b.cutoff) || a.carrier.localeCompare(b.carrier));

/**
 * `outbound.dashboard-refresh` (issue #13): with 10,000 orders of the day at every stage, what the
 * dashboard asks main for after an event (`dashboard:today`: registrar, the day's progress, boards,
 * forecast, series) against the bare aggregate of the same figures over the same tables.
 */
export const benches: readonly Bench[] = [
  {
    name: 'outbound.dashboard-refresh',
    run: async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'quai-bench-dashboard-'));
      try {
        await createBenchSite(dataDir);
        const file = join(dataDir, 'quai.sqlite3');
        const shipDate = fillTheDay(file, Date.now());

        const core = createCore({ dataDir, log: silentLogger(), secrets: fileSecretStore(dataDir) });
        const login = await core.dispatch('auth:login', lead, benchCaller);
        if (!login.ok) throw new Error(`bench login failed: ${login.error.code}`);
        const raw = new BetterSqlite3(file, { readonly: true });
        const select = raw.prepare(bareAggregate);
        const today = async () => {
          const result = await core.dispatch('dashboard:today', {}, benchCaller);
          if (!result.ok) throw new Error(`dashboard:today failed: ${result.error.code}`);
          return result.value as { shipDate: string; boards: CutoffBoard[] };
        };
        // Both sides give the same figures, or the comparison means nothing.
        const view = await today();
        const ours = order(figuresOf(view.boards));
        const bare = order(select.all(shipDate, shipDate) as Figures[]);
        if (view.shipDate !== shipDate || JSON.stringify(ours) !== JSON.stringify(bare))
          throw new Error(`the dashboard and the bare aggregate differ: ${JSON.stringify({ ours, bare })}`);
        if (ours.reduce((sum, board) => sum + board.due, 0) !== orderCount) throw new Error('the fixture does not hold the day’s orders');

        const runs = await repeat(wholeRuns, async () => ({
          ours: await sampleMicrosAsync(() => today(), iterations, 10),
          baseline: sampleMicros(() => select.all(shipDate, shipDate), iterations, 10),
        }));
        raw.close();
        await core.close();
        return [
          summarise('outbound.dashboard-refresh', 'us', runs, {
            baseline: 'one bare aggregate query of due, picked, packed and dispatched per carrier and cutoff over the tables the dashboard reads',
            bound: { ratio: 3 },
            extra: { orders: orderCount, boards: ours.length },
          }),
        ];
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
];
