import type { WriteHandle } from '../platform/db/connection';
import { sql, type Sql } from '../platform/db/sql';
import { toIso } from '../platform/clock';
import { applyOrderChange, type DemoOrderChange } from './generate';
import { cancelOrder, findOrder, replaceOrderLines, saveChange, type OrderOutcome } from './orders';
import { amendInRuns, withdrawCancelled } from './site-runs';

/**
 * What the marketplace does to orders after they are placed: cancels and changes, due over
 * simulated time or asked for by a test control.
 */

/** Cancels an order, and takes it out of the runs being picked (site-runs.ts). */
export function cancel(tx: WriteHandle, orderId: string, at: number): OrderOutcome | null {
  const outcome = cancelOrder(tx, orderId, at);
  if (outcome?.changed) withdrawCancelled(tx, orderId, toIso(at));
  return outcome;
}

/** Gives an order new lines (orders.ts: `replaceOrderLines`), and the run picking it picks them (site-runs.ts). */
export function change(tx: WriteHandle, orderId: string, lines: readonly { sku: string; quantity: number }[], at: number): OrderOutcome | null {
  const outcome = replaceOrderLines(tx, orderId, lines, at);
  if (outcome?.changed) amendInRuns(tx, outcome.order, toIso(at));
  return outcome;
}

export const dueAmendmentsQuery = (from: number, to: number): Sql =>
  sql`SELECT order_id, due_at, change FROM order_amendment WHERE due_at > ${from} AND due_at <= ${to} ORDER BY due_at, id`;

export type AmendmentCounts = { changes: number; cancellations: number };

/**
 * Applies the changes and cancellations due in (from, to] in time order. One that no longer fits
 * (its order cancelled, its line gone after a manual change) is skipped, as the marketplace would.
 */
export function applyDueAmendments(tx: WriteHandle, from: number, to: number): AmendmentCounts {
  const due = tx.all<{ order_id: string; due_at: number; change: string }>(dueAmendmentsQuery(from, to));
  const counts: AmendmentCounts = { changes: 0, cancellations: 0 };
  for (const amendment of due) {
    const change = JSON.parse(amendment.change) as DemoOrderChange;
    if (change.kind === 'cancel') {
      if (cancel(tx, amendment.order_id, amendment.due_at)?.changed) counts.cancellations++;
      continue;
    }
    const found = findOrder(tx, amendment.order_id);
    if (!found || found.data.status === 'cancelled') continue;
    const lines = applyOrderChange(found.data.lines, change);
    if (!lines) continue;
    amendInRuns(tx, saveChange(tx, { ...found.data, lines }, amendment.due_at), toIso(amendment.due_at));
    counts.changes++;
  }
  return counts;
}
