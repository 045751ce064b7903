import { v7 as uuidv7 } from 'uuid';
import type { CountView } from '../../../shared/stock';
import type { EventPayloadOf } from '../../../shared/sync/station-events';
import { applyTaskEvent, type TaskData, type Who } from '../../../shared/sync/site-records';
import type { TaskView } from '../../../shared/tasks';
import type { Clock } from '../../platform/clock';
import { toIso } from '../../platform/clock';
import type { Database, ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { AppError } from '../../platform/errors';
import type { AuditLog } from '../audit/service';
import type { Actor } from '../auth/session';
import type { EventBus } from '../events';
import { packStationForPicks } from '../picking/repo';
import { moveLooseUnits } from '../stock/ledger';
import { linkMovements, recordStockEvent } from '../stock/events';
import { ensureLot, findProductBySku } from '../stock/repo';
import { resolveLocation } from '../stock/resolve';
import type { StockService } from '../stock/service';
import { appendEvent, movementDeltas } from '../sync/outbox';
import { whoIs } from '../site/who';
import { findTask, findTaskByCount, linkCount, listTasks, writeTask, type StoredTask } from './repo';

type TaskEventType = 'task.created' | 'task.claimed' | 'task.released' | 'task.completed' | 'task.returned' | 'task.closed';

export type TaskDeps = {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly events: EventBus;
  readonly stock: StockService;
  /** Starts or reopens this station's count of a location (stock/counts.ts). */
  readonly startCount: (actor: Actor, location: string) => CountView;
};

/**
 * The site's shared tasks on this station (ADR 0007), first of them the recount: a shift lead on
 * one station asks, a person on another takes it (the claim is an event the centre settles in
 * arrival order), counts it here, and the result travels back for the shift lead to decide.
 * Every action applies at once here, by the same reducer the centre uses, and is an event.
 */
export function createTaskService(deps: TaskDeps) {
  const { db, clock, audit, events } = deps;

  const who = (actor: Actor): Who => whoIs(db.read, actor);

  function view(stored: StoredTask, actor: Actor | null): TaskView {
    const task = stored.data;
    const me = actor ? who(actor) : null;
    const unconfirmed =
      db.read.get(sql`SELECT 1 AS found FROM outbox WHERE state = 'pending' AND type LIKE 'task.%' AND json_extract(payload, '$.taskId') = ${task.taskId}`) !==
      undefined;
    return {
      taskId: task.taskId,
      kind: task.kind,
      location: task.location,
      note: task.note,
      goods: task.goods,
      state: task.state,
      createdBy: { name: task.createdBy.name, station: task.createdBy.stationId },
      createdAt: task.createdAt,
      claim: task.claim
        ? {
            name: task.claim.name,
            station: task.claim.stationId,
            at: task.claim.at,
            mine: me !== null && task.claim.personId === me.personId && task.claim.stationId === me.stationId,
          }
        : null,
      result: task.result,
      decision: task.decision ? { decision: task.decision.decision, reason: task.decision.reason, by: task.decision.by.name, at: task.decision.at } : null,
      countId: stored.countId,
      unconfirmed,
    };
  }

  const requireTask = (taskId: string): StoredTask => {
    const stored = findTask(db.read, taskId);
    if (!stored) throw new AppError('TASK_NOT_FOUND', `no task ${taskId}`);
    return stored;
  };

  /** Applies one of this station's task events here and records it for the centre, in `tx`. */
  function act<T extends TaskEventType>(tx: WriteHandle, actor: Actor, current: TaskData | null, type: T, payload: EventPayloadOf<T>): string {
    const at = clock.now();
    const applied = applyTaskEvent(current, { type, payload } as Parameters<typeof applyTaskEvent>[1], { actor: who(actor), at: toIso(at) });
    if (!applied.ok) throw new AppError(applied.refusal.code, applied.refusal.message);
    writeTask(tx, applied.value);
    const { eventId } = appendEvent(tx, { type, at, actor: { userId: actor.userId, name: actor.name }, payload });
    const action = type === 'task.closed' ? closeAction[(payload as EventPayloadOf<'task.closed'>).decision] : auditActionOf[type as Exclude<T, 'task.closed'>];
    audit.record(tx, { userId: actor.userId, action, outcome: 'ok', target: `task:${applied.value.taskId}`, detail: { location: applied.value.location } });
    return eventId;
  }

  const announce = (taskIds: readonly string[]): void => events.emit('tasks:changed', { taskIds });

  /** A recount of a location asked for in `tx` (from the tasks screen, or from an exception the shift lead settles). */
  function createRecount(tx: WriteHandle, actor: Actor, input: { location: string; note?: string | undefined }): string {
    const location = resolveLocation(tx, input.location);
    const taskId = uuidv7({ msecs: clock.now() });
    act(tx, actor, null, 'task.created', { taskId, kind: 'recount', location: location.code, ...(input.note ? { note: input.note } : {}) });
    return taskId;
  }

  function requestRecount(actor: Actor, input: { location: string; note?: string | undefined }): TaskView {
    const taskId = db.write((tx) => createRecount(tx, actor, input));
    announce([taskId]);
    return view(requireTask(taskId), actor);
  }

  function claim(actor: Actor, taskId: string): TaskView {
    db.write((tx) => act(tx, actor, requireTask(taskId).data, 'task.claimed', { taskId }));
    announce([taskId]);
    return view(requireTask(taskId), actor);
  }

  function release(actor: Actor, taskId: string): TaskView {
    db.write((tx) => act(tx, actor, requireTask(taskId).data, 'task.released', { taskId }));
    announce([taskId]);
    return view(requireTask(taskId), actor);
  }

  /** The task, held by this person on this station: what counting or returning needs. */
  function held(read: ReadHandle, actor: Actor, taskId: string, kind: TaskData['kind']): StoredTask {
    const stored = findTask(read, taskId);
    if (!stored) throw new AppError('TASK_NOT_FOUND', `no task ${taskId}`);
    if (stored.data.kind !== kind) throw new AppError('TASK_KIND', `task ${taskId} is a ${stored.data.kind}, not a ${kind}`, { kind: stored.data.kind });
    const holder = stored.data.claim;
    const me = whoIs(read, actor);
    if (stored.data.state !== 'claimed' || !holder || holder.personId !== me.personId || holder.stationId !== me.stationId) {
      throw new AppError('NOT_CLAIMANT', `task ${taskId} is not held by ${actor.name} here`);
    }
    return stored;
  }

  function startCount(actor: Actor, taskId: string): CountView {
    const stored = held(db.read, actor, taskId, 'recount');
    const count = deps.startCount(actor, stored.data.location);
    db.write((tx) => linkCount(tx, taskId, count.id));
    return count;
  }

  /**
   * A count of a task's location closed here: matched, or still different after the recount. The
   * result goes to the task, for the shift lead to decide on any station.
   */
  function countClosed(
    tx: WriteHandle,
    actor: Actor,
    countId: number,
    outcome: 'matched' | 'mismatch',
    lines: EventPayloadOf<'task.completed'>['result']['lines'],
  ): void {
    const stored = findTaskByCount(tx, countId);
    if (!stored || stored.data.state !== 'claimed') return;
    act(tx, actor, stored.data, 'task.completed', { taskId: stored.data.taskId, result: { outcome, lines } });
  }

  /**
   * The units of a return-to-bin task put back: the person holding it scans the task's location
   * (another one is refused), and the units go from the pack station where picks are emptied back
   * there, in one transaction with the event and the audit row.
   */
  function returnToBin(actor: Actor, input: { readonly taskId: string; readonly location: string }): TaskView {
    const location = db.write((tx) => {
      const stored = held(tx, actor, input.taskId, 'return_to_bin');
      const goods = stored.data.goods;
      if (!goods) throw new AppError('TASK_KIND', `task ${input.taskId} has no units to return`, { kind: stored.data.kind });
      const to = resolveLocation(tx, input.location);
      if (to.code !== stored.data.location)
        throw new AppError('WRONG_LOCATION', `${to.code} is not ${stored.data.location}`, { scanned: to.code, expected: stored.data.location });
      const from = packStationForPicks(tx);
      const product = findProductBySku(tx, goods.sku);
      if (!from || !product) throw new AppError('NO_PACK_STATION', 'the site has no active pack station holding picked units', {});
      const ids = moveLooseUnits(tx, {
        at: clock.now(),
        userId: actor.userId,
        kind: 'return',
        productId: product.id,
        fromLocationId: from.id,
        toLocationId: to.id,
        quantity: goods.quantity,
        reason: `order ${goods.orderId}, no longer to be picked in run ${goods.runId}`,
        scan: input.location,
      });
      const eventId = act(tx, actor, stored.data, 'task.returned', { taskId: input.taskId, movements: movementDeltas(tx, ids) });
      linkMovements(tx, eventId, ids);
      return to.code;
    });
    deps.stock.changed(location);
    announce([input.taskId]);
    return view(requireTask(input.taskId), actor);
  }

  /** Approving a mismatch turns each line's difference into an adjustment, recorded on this station. */
  function decide(actor: Actor, taskId: string, decision: 'approved' | 'rejected' | 'cancelled', reason: string): TaskView {
    const stored = requireTask(taskId);
    if (decision !== 'cancelled' && stored.data.state !== 'completed') throw new AppError('TASK_NOT_COMPLETED', `task ${taskId} is ${stored.data.state}`);
    db.write((tx) => {
      act(tx, actor, stored.data, 'task.closed', { taskId, decision, reason });
      const result = stored.data.result;
      if (decision === 'approved' && result && result.outcome === 'mismatch') {
        const location = resolveLocation(tx, stored.data.location);
        const ids: number[] = [];
        for (const line of result.lines) {
          const delta = line.counted - line.expected;
          const product = findProductBySku(tx, line.sku);
          if (delta === 0 || !product) continue;
          const lotId = line.lot === null ? 0 : ensureLot(tx, product.id, line.lot, null);
          ids.push(...deps.stock.applyAdjustment(tx, actor, { productId: product.id, locationId: location.id, lotId }, delta, reason));
        }
        recordStockEvent(tx, clock.now(), 'stock.count-approved', actor, ids, { reason, taskId });
      }
    });
    if (decision === 'approved') deps.stock.changed(stored.data.location);
    announce([taskId]);
    return view(requireTask(taskId), actor);
  }

  return {
    list: (actor: Actor, scope: 'open' | 'done'): TaskView[] =>
      listTasks(db.read, scope === 'open' ? ['open', 'claimed', 'completed'] : ['closed']).map((stored) => view(stored, actor)),
    requestRecount,
    createRecount,
    claim,
    release,
    startCount,
    returnToBin,
    countClosed,
    approve: (actor: Actor, taskId: string, reason: string) => decide(actor, taskId, 'approved', reason),
    reject: (actor: Actor, taskId: string, reason: string) => decide(actor, taskId, 'rejected', reason),
    cancel: (actor: Actor, taskId: string, reason: string) => decide(actor, taskId, 'cancelled', reason),
    announce,
  };
}

const auditActionOf = {
  'task.created': 'tasks:request-recount',
  'task.claimed': 'tasks:claim',
  'task.released': 'tasks:release',
  'task.completed': 'tasks:count-closed',
  'task.returned': 'tasks:return',
} as const;

const closeAction = { approved: 'tasks:approve', rejected: 'tasks:reject', cancelled: 'tasks:cancel' } as const;

export type TaskService = ReturnType<typeof createTaskService>;
