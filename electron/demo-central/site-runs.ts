import type { ReadHandle, WriteHandle } from '../platform/db/connection';
import { sql } from '../platform/db/sql';
import type { ReleasedRun } from '../../shared/sync/station-events';
import { v7 as uuidv7 } from 'uuid';
import {
  amendOrder,
  applyRunEvent,
  linesLeft,
  pickedOf,
  releasedRun,
  runNeeds,
  lineKey,
  leftToRerun,
  withdrawOrder,
  type RunData,
  type RunRefusalCode,
} from '../../shared/sync/site-runs';
import { centreWho, type Refusal, type TaskData } from '../../shared/sync/site-records';
import { recordChange, type Origin } from './changes';
import { findOrder, type OrderData } from './orders';
import { findPerson, writeException, writeTask } from './site-objects';

/**
 * Pick runs at the centre (ADR 0009): a release is settled here, in arrival order, so two runs
 * never hold the same order nor promise the same units. A release is accepted when every order is
 * open, as the run has it, and in no other live run, and the site's stock at each place, less what
 * live runs reserve there, covers the run's lines. Otherwise the run is kept as `refused` with the
 * reason, for every station to see, and the event is accepted with that exception. A re-run
 * (`rerunOf`) holds orders of the run it picks again, and picks no more of a line than that run,
 * less its other re-runs, ended short.
 */
export function releaseRun(
  tx: WriteHandle,
  run: Readonly<ReleasedRun>,
  by: RunData['releasedBy'],
  at: string,
  origin: Origin | null,
  rerunOf: string | null = null,
): Refusal | null {
  if (findRun(tx, run.runId)) return { code: 'RUN_EXISTS', message: `run ${run.runId} was released before` };
  const refusal = whyNot(tx, run, rerunOf);
  const data = { ...releasedRun(run, { by, at }, refusal), rerunOf };
  writeRun(tx, data, origin);
  if (refusal) return refusal;
  for (const order of run.orders) tx.run(sql`INSERT INTO run_order (order_id, run_id) VALUES (${order.orderId}, ${run.runId})`);
  for (const need of runNeeds(run).values())
    tx.run(sql`INSERT INTO run_reservation (run_id, location, sku, quantity) VALUES (${run.runId}, ${need.location}, ${need.sku}, ${need.quantity})`);
  return null;
}

type RunWork = Parameters<typeof applyRunEvent>[1];

/**
 * A picker's event on a run, in arrival order: the first claim wins. A pick or a short pick takes
 * its units out of the run's reservation (a picked run reserves nothing more); a short pick is
 * accepted with a SHORT_PICK exception for the centre's people, a pick by someone who does not
 * hold the run with RUN_NOT_HELD (the units moved all the same).
 */
export function applyRunWork(tx: WriteHandle, work: RunWork, by: RunData['releasedBy'], at: string, origin: Origin): Refusal | null {
  const stored = findRun(tx, work.payload.runId);
  if (!stored) return { code: 'RUN_NOT_FOUND', message: `no run ${work.payload.runId}` };
  const holder = stored.data.claim;
  const assignee = work.type === 'run.assigned' ? work.payload.assignee : null;
  if (assignee && !findPerson(tx, assignee.personId))
    return { code: 'PERSON_UNKNOWN', message: `no person ${assignee.personId} (${assignee.name}) at the site` };
  const applied = applyRunEvent(stored.data, work, { actor: by, at });
  if (!applied.ok) return applied.refusal;
  if (applied.value === stored.data) return null;
  writeRun(tx, applied.value, origin);
  if (work.type === 'run.claimed' || work.type === 'run.paused' || work.type === 'run.assigned') return null;
  if (work.type === 'run.cancelled') {
    cancelled(tx, stored.data, at);
    return null;
  }
  const { runId, orderId, location, sku, quantity } = work.payload;
  if (stored.data.state === 'cancelled') {
    if (work.type === 'run.picked') returnToBin(tx, applied.value, { sku, location, orderId, quantity }, at);
    return { code: 'RUN_CANCELLED', message: `run ${runId} was cancelled; ${quantity} × ${sku} go back to ${location}` };
  }
  if (stored.data.withdrawn.some((order) => order.orderId === orderId)) {
    // Scanned before the station heard of the cancel: the units are in a tote all the same, and go back.
    if (work.type === 'run.picked') returnToBin(tx, applied.value, { sku, location, orderId, quantity }, at);
    return { code: 'ORDER_CANCELLED', message: `order ${orderId} left run ${runId} when it was cancelled; ${quantity} × ${sku} go back to ${location}` };
  }
  if (applied.value.state === 'picked') tx.run(sql`DELETE FROM run_reservation WHERE run_id = ${runId}`);
  else unreserve(tx, runId, location, sku, quantity);
  if (work.type === 'run.short')
    return { code: 'SHORT_PICK', message: `${quantity} × ${sku} short at ${location} for order ${orderId} (${work.payload.reason})` };
  if (!holder || holder.personId !== by.personId || holder.stationId !== by.stationId)
    return { code: 'RUN_NOT_HELD', message: `run ${runId} was picked by ${by.name}, who did not hold it` };
  return null;
}

const unreserve = (tx: WriteHandle, runId: string, location: string, sku: string, quantity: number): void => {
  const place = sql`run_id = ${runId} AND location = ${location} AND sku = ${sku}`;
  tx.run(sql`DELETE FROM run_reservation WHERE ${place} AND quantity <= ${quantity}`);
  tx.run(sql`UPDATE run_reservation SET quantity = quantity - ${quantity} WHERE ${place}`);
};

/** A shared task for the units of `orderId` in `run`'s tote: back to `location`, for any receiver or picker of the site. */
function returnToBin(tx: WriteHandle, run: Readonly<RunData>, goods: { sku: string; location: string; orderId: string; quantity: number }, at: string): void {
  const toteSlot = run.orders.find((order) => order.orderId === goods.orderId)?.toteSlot ?? 0;
  const task: TaskData = {
    taskId: uuidv7(),
    kind: 'return_to_bin',
    location: goods.location,
    note: null,
    state: 'open',
    createdBy: centreWho,
    createdAt: at,
    claim: null,
    result: null,
    completedBy: null,
    decision: null,
    goods: { sku: goods.sku, quantity: goods.quantity, runId: run.runId, orderId: goods.orderId, toteSlot },
  };
  writeTask(tx, task);
}

/** A run taken back: nothing reserved, its orders free to release again, what its totes hold (of orders still in it) back to the bins by task. */
function cancelled(tx: WriteHandle, run: Readonly<RunData>, at: string): void {
  tx.run(sql`DELETE FROM run_reservation WHERE run_id = ${run.runId}`);
  tx.run(sql`DELETE FROM run_order WHERE run_id = ${run.runId}`);
  const withdrawn = new Set(run.withdrawn.map((order) => order.orderId));
  for (const { orderId } of run.orders) {
    if (withdrawn.has(orderId)) continue;
    for (const line of pickedOf(run, orderId)) returnToBin(tx, run, { ...line, quantity: line.picked }, at);
  }
}

/**
 * An order cancelled at the centre leaves its runs, picked or being picked (DOMAIN, outbound 6): its
 * unpicked lines go, with what they reserved; what is already in a tote or a sealed parcel becomes a
 * return-to-bin task (the pack station opens the parcel when it is scanned at the dock). Every
 * station sees the run and the tasks at its next pull; the picker is told at the next scan.
 */
export function withdrawCancelled(tx: WriteHandle, orderId: string, at: string): void {
  // On a trailer or gone with the carrier: nothing of it is at the site to put back.
  const left = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM site_parcel WHERE order_id = ${orderId} AND state IN ('loaded', 'shipped')`)?.n ?? 0;
  if (left > 0) return;
  for (const { run_id } of tx.all<{ run_id: string }>(sql`SELECT run_id FROM run_order WHERE order_id = ${orderId}`)) {
    const stored = findRun(tx, run_id);
    const withdrawn = stored && withdrawOrder(stored.data, orderId, at);
    if (!stored || !withdrawn) continue;
    writeRun(tx, withdrawn, null);
    if (withdrawn.state === 'picked') tx.run(sql`DELETE FROM run_reservation WHERE run_id = ${run_id}`);
    else for (const line of linesLeft(stored.data)) if (line.orderId === orderId && line.left > 0) unreserve(tx, run_id, line.location, line.sku, line.left);
    const back = pickedOf(stored.data, orderId);
    for (const line of back) returnToBin(tx, withdrawn, { ...line, quantity: line.picked }, at);
    const units = back.reduce((sum, line) => sum + line.picked, 0);
    raise(
      tx,
      at,
      'ORDER_CANCELLED_IN_RUN',
      run_id,
      orderId,
      `order ${orderId} was cancelled while run ${run_id} picked it; ${units} units go back to their bins`,
    );
  }
}

/**
 * An order changed at the centre while a run picks it (DOMAIN, outbound 6; amendOrder in
 * shared/sync/site-runs): the run picks the new quantities, its reservation follows, what the tote
 * holds beyond them goes back by task, and what the run cannot take on is named in the exception.
 */
export function amendInRuns(tx: WriteHandle, order: Readonly<OrderData>, at: string): void {
  for (const { run_id } of tx.all<{ run_id: string }>(sql`SELECT run_id FROM run_order WHERE order_id = ${order.orderId}`)) {
    const stored = findRun(tx, run_id);
    const amended = stored && amendOrder(stored.data, order, at, (location, sku) => freeAt(tx, location, sku));
    if (!amended) continue;
    writeRun(tx, amended.run, null);
    if (amended.run.state === 'picked') tx.run(sql`DELETE FROM run_reservation WHERE run_id = ${run_id}`);
    else {
      for (const units of amended.free) unreserve(tx, run_id, units.location, units.sku, units.quantity);
      for (const units of amended.reserve)
        tx.run(sql`
          INSERT INTO run_reservation (run_id, location, sku, quantity) VALUES (${run_id}, ${units.location}, ${units.sku}, ${units.quantity})
          ON CONFLICT (run_id, location, sku) DO UPDATE SET quantity = quantity + excluded.quantity`);
    }
    for (const units of amended.returns) returnToBin(tx, amended.run, units, at);
    const lines = [
      ...amended.run.amended.slice(stored.data.amended.length).map((line) => `line ${line.lineNo} at ${line.location} now ${line.quantity}`),
      ...amended.notInRun.map((line) => `${line.quantity} × ${line.sku} (line ${line.lineNo}) not in the run`),
    ];
    raise(tx, at, 'ORDER_CHANGED_IN_RUN', run_id, order.orderId, `order ${order.orderId} changed while run ${run_id} picked it: ${lines.join('; ')}`);
  }
}

/** Units at a place the site holds loose, less what live runs reserve there. */
function freeAt(read: ReadHandle, location: string, sku: string): number {
  return (
    read.get<{ n: number }>(sql`
      SELECT coalesce((SELECT sum(quantity) FROM site_stock WHERE location = ${location} AND sku = ${sku} AND container = ''), 0)
           - coalesce((SELECT sum(quantity) FROM run_reservation WHERE location = ${location} AND sku = ${sku}), 0) AS n`)?.n ?? 0
  );
}

/** What the centre did to a run while it was picked, as one of the site's exceptions (every station's shift lead sees it). */
const raise = (tx: WriteHandle, at: string, code: 'ORDER_CANCELLED_IN_RUN' | 'ORDER_CHANGED_IN_RUN', runId: string, orderId: string, message: string): void => {
  const exceptionId = `${code}:${runId}:${orderId}:${uuidv7()}`;
  writeException(tx, {
    exceptionId,
    kind: code,
    subject: orderId,
    location: null,
    detail: { runId, orderId, message },
    raisedBy: centreWho,
    raisedAt: at,
    state: 'open',
    resolution: null,
  });
};

type Why = { readonly code: RunRefusalCode; readonly message: string } | null;

function whyNot(read: ReadHandle, run: Readonly<ReleasedRun>, rerunOf: string | null): Why {
  const why = rerunOf === null ? ordersWhyNot(read, run) : rerunWhyNot(read, run, rerunOf);
  if (why) return why;
  for (const need of runNeeds(run).values()) {
    const free = freeAt(read, need.location, need.sku);
    if (free < need.quantity)
      return { code: 'NOT_ENOUGH_STOCK', message: `${need.location} holds ${Math.max(free, 0)} free units of ${need.sku}; the run needs ${need.quantity}` };
  }
  return null;
}

/** A re-run: its orders open and in `rerunOf`, in no other live run than it and its re-runs, and no line picked again beyond what it ended short. */
function rerunWhyNot(read: ReadHandle, run: Readonly<ReleasedRun>, rerunOf: string): Why {
  const first = findRun(read, rerunOf)?.data;
  if (!first || (first.state !== 'released' && first.state !== 'picked'))
    return { code: 'ORDER_CHANGED', message: `run ${rerunOf} is not a live run to pick again` };
  for (const { orderId } of run.orders) {
    const order = findOrder(read, orderId)?.data;
    if (!order || order.status !== 'open') return { code: 'ORDER_NOT_OPEN', message: `order ${orderId} is ${order ? order.status : 'unknown'}` };
    if (!first.orders.some((held) => held.orderId === orderId)) return { code: 'ORDER_CHANGED', message: `order ${orderId} is not in run ${rerunOf}` };
    const elsewhere = read.get<{ run_id: string }>(sql`
      SELECT o.run_id FROM run_order o JOIN run r ON r.run_id = o.run_id
      WHERE o.order_id = ${orderId} AND o.run_id <> ${rerunOf} AND r.state = 'released' AND json_extract(r.data, '$.rerunOf') IS NOT ${rerunOf}`);
    if (elsewhere) return { code: 'ORDER_IN_RUN', message: `order ${orderId} is in run ${elsewhere.run_id}` };
  }
  // What the first run ended short, less what its other live or picked re-runs pick of it.
  const reruns = read
    .all<{ data: string }>(sql`SELECT data FROM run WHERE json_extract(data, '$.rerunOf') = ${rerunOf} AND state IN ('released', 'picked')`)
    .map((row) => JSON.parse(row.data) as RunData);
  const left = leftToRerun(first, reruns);
  for (const stop of run.stops)
    for (const line of stop.lines) {
      const short = left.get(lineKey(line, ''));
      if (!short || short.sku !== line.sku || short.quantity < line.quantity)
        return { code: 'NOT_SHORT', message: `run ${rerunOf} did not end ${line.quantity} × ${line.sku} short for order ${line.orderId} line ${line.lineNo}` };
      short.quantity -= line.quantity;
    }
  return null;
}

function ordersWhyNot(read: ReadHandle, run: Readonly<ReleasedRun>): Why {
  const lines = new Map<string, Map<number, { sku: string; quantity: number }>>();
  for (const stop of run.stops)
    for (const line of stop.lines) {
      const ofOrder = lines.get(line.orderId) ?? new Map<number, { sku: string; quantity: number }>();
      ofOrder.set(line.lineNo, { sku: line.sku, quantity: (ofOrder.get(line.lineNo)?.quantity ?? 0) + line.quantity });
      lines.set(line.orderId, ofOrder);
    }
  for (const { orderId } of run.orders) {
    const order = findOrder(read, orderId)?.data;
    if (!order || order.status !== 'open') return { code: 'ORDER_NOT_OPEN', message: `order ${orderId} is ${order ? order.status : 'unknown'}` };
    const held = read.get<{ run_id: string }>(sql`SELECT run_id FROM run_order WHERE order_id = ${orderId}`);
    if (held) return { code: 'ORDER_IN_RUN', message: `order ${orderId} is in run ${held.run_id}` };
    const picked = lines.get(orderId) ?? new Map<number, { sku: string; quantity: number }>();
    const same =
      order.shipDate === run.shipDate &&
      picked.size === order.lines.length &&
      order.lines.every((line) => picked.get(line.lineNo)?.sku === line.sku && picked.get(line.lineNo)?.quantity === line.quantity);
    if (!same) return { code: 'ORDER_CHANGED', message: `order ${orderId} (version ${order.version}) is not what the run picks` };
  }
  if ([...lines.keys()].some((orderId) => !run.orders.some((order) => order.orderId === orderId)))
    return { code: 'ORDER_CHANGED', message: 'the run picks lines of an order it does not hold' };
  return null;
}

type Versioned<T> = { readonly version: number; readonly data: T };

export function findRun(read: ReadHandle, runId: string): Versioned<RunData> | null {
  const row = read.get<{ version: number; data: string }>(sql`SELECT version, data FROM run WHERE run_id = ${runId}`);
  return row ? { version: row.version, data: JSON.parse(row.data) as RunData } : null;
}

function writeRun(tx: WriteHandle, run: Readonly<RunData>, origin: Origin | null): void {
  const version = (findRun(tx, run.runId)?.version ?? 0) + 1;
  tx.run(sql`
    INSERT INTO run (run_id, state, version, data) VALUES (${run.runId}, ${run.state}, ${version}, ${JSON.stringify(run)})
    ON CONFLICT (run_id) DO UPDATE SET state = excluded.state, version = excluded.version, data = excluded.data`);
  recordChange(tx, { entity: 'run', key: run.runId, op: 'upsert', version, data: { ...run } }, origin);
}
