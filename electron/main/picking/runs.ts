import type { PickableStock } from '../../../shared/outbound/allocation';
import { applyRunEvent, isRunWorkEvent, linesLeft, orderProgressOf, placeKey, type RunData } from '../../../shared/sync/site-runs';
import { runProgressRow } from '../dashboard/progress-rows';
import type { Who } from '../../../shared/sync/site-records';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql, type Sql } from '../../platform/db/sql';
import { stationIdOf } from '../site/who';
import { isReplay } from '../sync/replay';
import { pickableStock } from './repo';

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

/** Every live run, whatever its date: being picked, they hold their orders and their stock; picked, their orders. */
function liveRuns(read: ReadHandle): RunData[] {
  return read.all<RunRow>(sql`SELECT version, data FROM pick_run WHERE state IN ('released', 'picked')`).map((row) => toRun(row).data);
}

/**
 * What live runs hold on this station: their orders, and the units they still reserve per place
 * and SKU (`placeKey`): what is left to pick of each line. Planning leaves both out, so two runs
 * this station knows of never promise the same units (the centre decides between stations that
 * have not synced).
 */
export function heldByRuns(read: ReadHandle): { readonly orders: ReadonlySet<string>; readonly reserved: ReadonlyMap<string, number> } {
  const orders = new Set<string>();
  const reserved = new Map<string, number>();
  for (const run of liveRuns(read)) {
    for (const order of run.orders) orders.add(order.orderId);
    for (const line of linesLeft(run)) {
      const key = placeKey(line.location, line.sku);
      if (line.left > 0) reserved.set(key, (reserved.get(key) ?? 0) + line.left);
    }
  }
  return { orders, reserved };
}

/** Loose stock at pick faces and storage less what live runs reserve at each place; places with nothing left are dropped. */
export function freeStock(read: ReadHandle, held: Pick<ReturnType<typeof heldByRuns>, 'reserved'> = heldByRuns(read)): PickableStock[] {
  const { reserved } = held;
  return pickableStock(read).flatMap((row) => {
    const available = row.available - (reserved.get(placeKey(row.location, row.sku)) ?? 0);
    return available > 0 ? [{ ...row, available }] : [];
  });
}

/** Runs that pick again what `runId` ended short, live or picked (not refused nor cancelled). */
export function rerunsOf(read: ReadHandle, runId: string): RunData[] {
  return read
    .all<RunRow>(sql`SELECT version, data FROM pick_run WHERE json_extract(data, '$.rerunOf') = ${runId} AND state IN ('released', 'picked')`)
    .map((row) => toRun(row).data);
}

/** Released runs nobody else holds, and the ones this person holds here: what a picker may take. */
export function runsToPick(read: ReadHandle): StoredRun[] {
  return read
    .all<RunRow>(
      sql`SELECT version, data FROM pick_run WHERE state = 'released' ORDER BY json_extract(data, '$.cutoff'), json_extract(data, '$.releasedAt'), run_id`,
    )
    .map(toRun);
}

/** `version` 0: released here, not yet confirmed by the centre. With it, where each of its orders stands (what the dashboard counts). */
export function writeRun(tx: WriteHandle, run: Readonly<RunData>, version: number): void {
  tx.run(sql`
    INSERT INTO pick_run (run_id, ship_date, state, version, data) VALUES (${run.runId}, ${run.shipDate}, ${run.state}, ${version}, ${JSON.stringify(run)})
    ON CONFLICT (run_id) DO UPDATE SET ship_date = excluded.ship_date, state = excluded.state, version = excluded.version, data = excluded.data`);
  // A refused or cancelled run holds nothing: none of its orders counts as picked by it.
  if (run.state === 'cancelled' || run.state === 'refused') tx.run(sql`DELETE FROM run_order_progress WHERE run_id = ${run.runId}`);
  else for (const order of orderProgressOf(run)) tx.run(runProgressRow(run, order));
}

/** This station's events on a run the centre may not have in the version pulled: pending ones, and picks it has not purged (the index outbox_by_run). */
export const ownRunEventsQuery = (runId: string): Sql => sql`
  SELECT o.type, o.payload, o.occurred_at, u.person_id, o.actor_name FROM outbox o LEFT JOIN app_user u ON u.id = o.actor_user_id
  WHERE json_extract(o.payload, '$.runId') = ${runId} AND o.type LIKE 'run.%'
    AND (o.state = 'pending' OR (o.type IN ('run.picked', 'run.short') AND o.outcome IS NOT 'rejected')) ORDER BY o.seq`;

type PendingRow = { type: string; payload: string; occurred_at: number; person_id: string | null; actor_name: string | null };

/**
 * The centre's version of a run: its word settles the release (accepted, or refused with why) and
 * who holds it. This station's run events it has not confirmed yet are applied on top, in order,
 * so a pick made here never looks undone while it travels (a line picked twice would be an over-pick).
 * So are its picks and shorts the centre confirmed but this version predates (a pull brings a run's
 * versions one by one, and pages of a pull are committed apart): facts named by their pickId,
 * applied once, so the run never goes back to a line already picked here.
 */
export function applyPulledRun(tx: WriteHandle, run: Readonly<RunData>, version: number, context: { readonly generation: number }): void {
  if (isReplay(context.generation, version, findRun(tx, run.runId)?.version)) return;
  const station = stationIdOf(tx);
  // The centre's version has these already: applying them again would change nothing.
  const confirmed = new Set(run.picks.map((pick) => pick.pickId));
  let current: RunData = run;
  for (const event of tx.all<PendingRow>(ownRunEventsQuery(run.runId))) {
    if (!isRunWorkEvent(event.type)) continue;
    const work = { type: event.type, payload: JSON.parse(event.payload) as unknown } as Parameters<typeof applyRunEvent>[1];
    if ((work.type === 'run.picked' || work.type === 'run.short') && confirmed.has(work.payload.pickId)) continue;
    const actor: Who = { personId: event.person_id ?? '', name: event.actor_name ?? '', stationId: station };
    const applied = applyRunEvent(current, work, { actor, at: new Date(event.occurred_at).toISOString() });
    if (applied.ok) current = applied.value;
  }
  writeRun(tx, current, version);
}
