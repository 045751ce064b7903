import { applyTaskEvent, isTaskEvent, type TaskData, type Who } from '../../../shared/sync/site-records';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';

// SQL of the site's shared tasks on this station (ADR 0007).

type TaskRow = { task_id: string; version: number; data: string; count_id: number | null };

export type StoredTask = { readonly data: TaskData; readonly version: number; readonly countId: number | null };

const rowToTask = (row: TaskRow): StoredTask => ({ data: JSON.parse(row.data) as TaskData, version: row.version, countId: row.count_id });

export function findTask(read: ReadHandle, taskId: string): StoredTask | null {
  const row = read.get<TaskRow>(sql`SELECT task_id, version, data, count_id FROM task WHERE task_id = ${taskId}`);
  return row ? rowToTask(row) : null;
}

export function findTaskByCount(read: ReadHandle, countId: number): StoredTask | null {
  const row = read.get<TaskRow>(sql`SELECT task_id, version, data, count_id FROM task WHERE count_id = ${countId}`);
  return row ? rowToTask(row) : null;
}

export function listTasks(read: ReadHandle, states: readonly TaskData['state'][]): StoredTask[] {
  return read
    .all<TaskRow>(
      sql`SELECT task_id, version, data, count_id FROM task WHERE state IN (SELECT value FROM json_each(${JSON.stringify(states)})) ORDER BY task_id DESC LIMIT 200`,
    )
    .map(rowToTask);
}

export function writeTask(tx: WriteHandle, task: Readonly<TaskData>, version?: number): void {
  tx.run(sql`
    INSERT INTO task (task_id, kind, state, location, version, data) VALUES (${task.taskId}, ${task.kind}, ${task.state}, ${task.location}, ${version ?? 0}, ${JSON.stringify(task)})
    ON CONFLICT (task_id) DO UPDATE SET state = excluded.state, location = excluded.location, data = excluded.data,
      version = CASE WHEN ${version ?? null} IS NULL THEN task.version ELSE excluded.version END`);
  // A task decided here or on another station decides this station's count of it too, so the
  // location can be counted again and the count is never decided a second time in Stock.
  if (task.state === 'closed' && task.decision) {
    const stored = findTask(tx, task.taskId);
    if (stored?.countId != null) {
      const status = task.decision.decision === 'approved' ? 'approved' : 'rejected';
      tx.run(sql`
        UPDATE count_task SET status = ${status}, closed_at = coalesce(closed_at, ${Date.parse(task.decision.at) || null}), reason = coalesce(reason, ${task.decision.reason})
        WHERE id = ${stored.countId} AND status IN ('counting', 'pending_approval')`);
    }
  }
}

export function linkCount(tx: WriteHandle, taskId: string, countId: number): void {
  tx.run(sql`UPDATE task SET count_id = ${countId} WHERE task_id = ${taskId}`);
}

type PendingRow = { type: string; payload: string; occurred_at: number; person_id: string | null; actor_name: string | null };

/**
 * The centre's version of a task, with this station's events it has not confirmed yet applied on
 * top, in order: what the station's people did stays visible until the centre says otherwise.
 */
export function applyPulledTask(
  tx: WriteHandle,
  task: Readonly<TaskData>,
  version: number,
  context: { readonly generation: number },
  stationId?: string,
): void {
  const held = findTask(tx, task.taskId);
  if (held && context.generation === 0 && version < held.version) return;
  let current: TaskData = task;
  const station = stationId ?? tx.get<{ station_id: string }>(sql`SELECT station_id FROM centre_connection WHERE id = 1`)?.station_id ?? '';
  const pending = tx.all<PendingRow>(sql`
    SELECT o.type, o.payload, o.occurred_at, u.person_id, o.actor_name FROM outbox o LEFT JOIN app_user u ON u.id = o.actor_user_id
    WHERE o.state = 'pending' AND o.type LIKE 'task.%' AND json_extract(o.payload, '$.taskId') = ${task.taskId} ORDER BY o.seq`);
  for (const event of pending) {
    if (!isTaskEvent(event.type)) continue;
    const actor: Who = { personId: event.person_id ?? '', name: event.actor_name ?? '', stationId: station };
    const taskEvent = { type: event.type, payload: JSON.parse(event.payload) as unknown } as Parameters<typeof applyTaskEvent>[1];
    const applied = applyTaskEvent(current, taskEvent, {
      actor,
      at: new Date(event.occurred_at).toISOString(),
    });
    if (applied.ok) current = applied.value;
  }
  writeTask(tx, current, version);
}
