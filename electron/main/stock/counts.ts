import type { CountView } from '../../../shared/stock';
import type { Actor } from '../auth/session';
import { toIso } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import * as counts from './counts-repo';
import { recordStockEvent } from './events';
import { balancesAt, ensureLot } from './repo';
import { resolveLocation, resolveProduct, unitsOf } from './resolve';
import type { StockDeps, StockService } from './service';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';

const keyOf = (productId: number, lotId: number): string => `${productId}:${lotId}`;

/**
 * Cycle counts (docs/domain.md, Stock control): a blind count, a blind recount when it does not match,
 * and a shift lead's decision when the recount does not match either. The adjustment is the
 * difference seen when the recount closed, so stock moved meanwhile is not counted twice.
 */
export type CountHooks = {
  /** A count closed (matched, or still different after the recount): a shared task waiting on it takes its result. */
  readonly onClosed?: (tx: WriteHandle, actor: Actor, countId: number, outcome: 'matched' | 'mismatch', lines: ClosedLine[]) => void;
  /** A count made for a site task is decided on the task (any station's shift lead), never here. */
  readonly ownedByTask?: (read: ReadHandle, countId: number) => boolean;
};

export type ClosedLine = { readonly sku: string; readonly lot: string | null; readonly counted: number; readonly expected: number };

export function createCountService({ db, clock, audit, events }: StockDeps, stock: StockService, hooks: CountHooks = {}) {
  /** Whoever shows this count (the counter, the shift lead's approvals) reads it again (issue #10). */
  const announce = (count: CountView): CountView => {
    events.emit('stock:count-changed', { countId: count.id, location: count.location, status: count.status });
    return count;
  };

  function view(taskId: number): CountView {
    const task = counts.findCountTask(db.read, taskId);
    if (!task) throw new AppError('COUNT_NOT_FOUND', `no count ${taskId}`);
    const decided = task.status !== 'counting';
    return {
      id: task.id,
      location: task.location,
      status: task.status,
      round: task.round,
      createdBy: task.createdBy,
      createdAt: toIso(task.createdAt),
      lines: counts.countLineViews(db.read, task.id, task.round, decided),
      differences: decided ? counts.countLineViews(db.read, task.id, task.round, true).filter((line) => line.counted !== line.expected) : [],
    };
  }

  const openTask = (taskId: number): counts.CountTask => {
    const task = counts.findCountTask(db.read, taskId);
    if (!task) throw new AppError('COUNT_NOT_FOUND', `no count ${taskId}`);
    if (task.status !== 'counting') throw new AppError('COUNT_CLOSED', `count ${taskId} is ${task.status}`);
    return task;
  };

  function start(actor: Actor, locationCode: string): CountView {
    const location = resolveLocation(db.read, locationCode);
    const open = counts.openCountAt(db.read, location.id);
    if (open?.status === 'counting') return view(open.id);
    if (open) throw new AppError('COUNT_ALREADY_OPEN', `location ${location.code} has a count waiting for approval`, { countId: open.id, code: location.code });
    const id = db.write((tx) => {
      const taskId = counts.insertCountTask(tx, location.id, actor.userId, clock.now());
      audit.record(tx, { userId: actor.userId, action: 'stock:start-count', outcome: 'ok', target: `location:${location.code}`, detail: { countId: taskId } });
      return taskId;
    });
    return announce(view(id));
  }

  /** Who counted what is audited in the same transaction as the count (issue #8). */
  function countItem(actor: Actor, input: { countId: number; gtin: string; lot?: string | undefined; quantity?: number | undefined }): CountView {
    const task = openTask(input.countId);
    const item = resolveProduct(db.read, input.gtin);
    const lotCode = input.lot ?? item.lot;
    const units = unitsOf(item, input.quantity) ?? item.product.packQuantity;
    db.write((tx) => {
      // A lot counted but unknown to the mirror is recorded: finding it is what a count is for.
      const lotId = lotCode === undefined ? 0 : ensureLot(tx, item.product.id, lotCode, null);
      counts.addCounted(tx, { taskId: task.id, round: task.round, productId: item.product.id, lotId }, units);
      audit.record(tx, {
        userId: actor.userId,
        action: 'stock:count-item',
        outcome: 'ok',
        target: `location:${task.location}`,
        detail: { countId: task.id, round: task.round, sku: item.product.sku, lot: lotCode ?? null, units },
      });
    });
    return announce(view(task.id));
  }

  function finish(actor: Actor, countId: number): CountView {
    const task = openTask(countId);
    db.write((tx) => {
      const expected = new Map<string, { productId: number; lotId: number; quantity: number }>();
      for (const balance of balancesAt(tx, task.locationId)) {
        const key = keyOf(balance.productId, balance.lotId);
        const entry = expected.get(key) ?? { productId: balance.productId, lotId: balance.lotId, quantity: 0 };
        entry.quantity += balance.quantity;
        expected.set(key, entry);
      }
      for (const line of counts.countLines(tx, task.id, task.round)) {
        if (!expected.has(keyOf(line.productId, line.lotId)))
          expected.set(keyOf(line.productId, line.lotId), { productId: line.productId, lotId: line.lotId, quantity: 0 });
      }
      for (const entry of expected.values()) {
        counts.setExpected(tx, { taskId: task.id, round: task.round, productId: entry.productId, lotId: entry.lotId }, entry.quantity);
      }
      const mismatches = counts.countLines(tx, task.id, task.round).filter((line) => line.counted !== line.expected).length;
      const status = mismatches === 0 ? 'matched' : task.round === 1 ? 'counting' : 'pending_approval';
      counts.updateCountTask(tx, task.id, {
        status,
        ...(status === 'counting' ? { round: 2 as const } : {}),
        ...(status === 'matched' ? { closedBy: actor.userId, closedAt: clock.now() } : {}),
      });
      if (status !== 'counting') hooks.onClosed?.(tx, actor, task.id, status === 'matched' ? 'matched' : 'mismatch', closedLines(tx, task.id, task.round));
      audit.record(tx, {
        userId: actor.userId,
        action: 'stock:finish-count',
        outcome: 'ok',
        target: `location:${task.location}`,
        detail: { countId: task.id, round: task.round, mismatches, next: status === 'counting' ? 'recount' : status },
      });
    });
    return announce(view(task.id));
  }

  const pendingTask = (countId: number): counts.CountTask => {
    const task = counts.findCountTask(db.read, countId);
    if (!task) throw new AppError('COUNT_NOT_FOUND', `no count ${countId}`);
    if (task.status !== 'pending_approval') throw new AppError('COUNT_NOT_PENDING', `count ${countId} is ${task.status}`);
    if (hooks.ownedByTask?.(db.read, countId)) throw new AppError('COUNT_DECIDED_ON_TASK', `count ${countId} is decided on its task`);
    return task;
  };

  function approve(actor: Actor, countId: number, reason: string): CountView {
    const task = pendingTask(countId);
    db.write((tx) => {
      const ids: number[] = [];
      for (const line of counts.countLines(tx, task.id, task.round)) {
        const delta = line.counted - (line.expected ?? 0);
        if (delta !== 0)
          ids.push(...stock.applyAdjustment(tx, actor, { productId: line.productId, locationId: task.locationId, lotId: line.lotId }, delta, reason));
      }
      recordStockEvent(tx, clock.now(), 'stock.count-approved', actor, ids, { reason });
      counts.updateCountTask(tx, task.id, { status: 'approved', closedBy: actor.userId, closedAt: clock.now(), reason });
      audit.record(tx, {
        userId: actor.userId,
        action: 'stock:approve-count',
        outcome: 'ok',
        target: `location:${task.location}`,
        detail: { countId, reason },
      });
    });
    stock.changed(task.location);
    return announce(view(task.id));
  }

  function reject(actor: Actor, countId: number, reason: string): CountView {
    const task = pendingTask(countId);
    db.write((tx) => {
      counts.updateCountTask(tx, task.id, { status: 'rejected', closedBy: actor.userId, closedAt: clock.now(), reason });
      audit.record(tx, { userId: actor.userId, action: 'stock:reject-count', outcome: 'ok', target: `location:${task.location}`, detail: { countId, reason } });
    });
    return announce(view(task.id));
  }

  function list(status: 'counting' | 'pending_approval' | undefined): CountView[] {
    return counts
      .listCountTasks(db.read, status ? [status] : ['counting', 'pending_approval'])
      .filter((task) => task.status !== 'pending_approval' || !hooks.ownedByTask?.(db.read, task.id))
      .map((task) => view(task.id));
  }

  return { start, countItem, finish, approve, reject, list, view };
}

function closedLines(tx: WriteHandle, countId: number, round: number): ClosedLine[] {
  return tx.all<ClosedLine>(sql`
    SELECT p.sku, lot.code AS lot, l.counted, coalesce(l.expected, 0) AS expected
    FROM count_line l JOIN product p ON p.id = l.product_id LEFT JOIN lot ON lot.id = l.lot_id
    WHERE l.task_id = ${countId} AND l.round = ${round} ORDER BY p.sku, lot.code`);
}
