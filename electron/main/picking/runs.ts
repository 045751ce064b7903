import { runNeeds, type RunData } from '../../../shared/sync/site-runs';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { isReplay } from '../sync/replay';

// SQL of the site's pick runs on this station (ADR 0009).

type RunRow = { version: number; data: string };

export type StoredRun = { readonly data: RunData; readonly version: number };

const toRun = (row: RunRow): StoredRun => ({ data: JSON.parse(row.data) as RunData, version: row.version });

export function findRun(read: ReadHandle, runId: string): StoredRun | null {
  const row = read.get<RunRow>(sql`SELECT version, data FROM pick_run WHERE run_id = ${runId}`);
  return row ? toRun(row) : null;
}

/** The runs of a ship date, the newest release first. */
export function runsOf(read: ReadHandle, shipDate: string): StoredRun[] {
  return read
    .all<RunRow>(sql`SELECT version, data FROM pick_run WHERE ship_date = ${shipDate} ORDER BY json_extract(data, '$.releasedAt') DESC, run_id`)
    .map(toRun);
}

/** Every live run, whatever its date: they hold their orders and their stock. */
function liveRuns(read: ReadHandle): RunData[] {
  return read.all<RunRow>(sql`SELECT version, data FROM pick_run WHERE state = 'released'`).map((row) => toRun(row).data);
}

/**
 * What live runs hold on this station: their orders, and the units they reserve per place and SKU
 * (`placeKey`). Planning leaves both out, so two runs this station knows of never promise
 * the same units (the centre decides between stations that have not synced).
 */
export function heldByRuns(read: ReadHandle): { readonly orders: ReadonlySet<string>; readonly reserved: ReadonlyMap<string, number> } {
  const orders = new Set<string>();
  const reserved = new Map<string, number>();
  for (const run of liveRuns(read)) {
    for (const order of run.orders) orders.add(order.orderId);
    for (const [key, need] of runNeeds(run)) reserved.set(key, (reserved.get(key) ?? 0) + need.quantity);
  }
  return { orders, reserved };
}

/** `version` 0: released here, not yet confirmed by the centre. */
export function writeRun(tx: WriteHandle, run: Readonly<RunData>, version: number): void {
  tx.run(sql`
    INSERT INTO pick_run (run_id, ship_date, state, version, data) VALUES (${run.runId}, ${run.shipDate}, ${run.state}, ${version}, ${JSON.stringify(run)})
    ON CONFLICT (run_id) DO UPDATE SET ship_date = excluded.ship_date, state = excluded.state, version = excluded.version, data = excluded.data`);
}

/** The centre's version of a run: its word settles the release (accepted, or refused with why). */
export function applyPulledRun(tx: WriteHandle, run: Readonly<RunData>, version: number, context: { readonly generation: number }): void {
  if (isReplay(context.generation, version, findRun(tx, run.runId)?.version)) return;
  writeRun(tx, run, version);
}
