import type { CountLineView, CountStatus } from '../../../shared/stock';
import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql, sqlIn } from '../../platform/db/sql';

export type CountTask = {
  readonly id: number;
  readonly locationId: number;
  readonly location: string;
  readonly status: CountStatus;
  readonly round: 1 | 2;
  readonly createdBy: string;
  readonly createdAt: number;
};

type TaskRow = { id: number; location_id: number; location: string; status: CountStatus; round: 1 | 2; created_by: string; created_at: number };

const taskColumns = sql`t.id, t.location_id, l.code AS location, t.status, t.round, u.name AS created_by, t.created_at`;
const taskFrom = sql`count_task t JOIN location l ON l.id = t.location_id JOIN app_user u ON u.id = t.created_by`;
const rowToTask = (row: TaskRow): CountTask => ({
  id: row.id,
  locationId: row.location_id,
  location: row.location,
  status: row.status,
  round: row.round,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export function findCountTask(read: ReadHandle, id: number): CountTask | null {
  const row = read.get<TaskRow>(sql`SELECT ${taskColumns} FROM ${taskFrom} WHERE t.id = ${id}`);
  return row ? rowToTask(row) : null;
}

export function openCountAt(read: ReadHandle, locationId: number): CountTask | null {
  const row = read.get<TaskRow>(
    sql`SELECT ${taskColumns} FROM ${taskFrom} WHERE t.location_id = ${locationId} AND t.status IN ('counting', 'pending_approval')`,
  );
  return row ? rowToTask(row) : null;
}

export function listCountTasks(read: ReadHandle, statuses: readonly CountStatus[]): CountTask[] {
  return read.all<TaskRow>(sql`SELECT ${taskColumns} FROM ${taskFrom} WHERE t.status IN ${sqlIn(statuses)} ORDER BY t.id`).map(rowToTask);
}

export function insertCountTask(tx: WriteHandle, locationId: number, userId: number, at: number): number {
  return Number(
    tx.run(sql`INSERT INTO count_task (location_id, status, round, created_by, created_at) VALUES (${locationId}, 'counting', 1, ${userId}, ${at})`)
      .lastInsertRowid,
  );
}

export function updateCountTask(
  tx: WriteHandle,
  id: number,
  patch: { status: CountStatus; round?: 1 | 2; closedBy?: number; closedAt?: number; reason?: string },
): void {
  tx.run(sql`
    UPDATE count_task SET status = ${patch.status}, round = coalesce(${patch.round ?? null}, round),
      closed_by = coalesce(${patch.closedBy ?? null}, closed_by), closed_at = coalesce(${patch.closedAt ?? null}, closed_at),
      reason = coalesce(${patch.reason ?? null}, reason)
    WHERE id = ${id}`);
}

export function addCounted(tx: WriteHandle, key: { taskId: number; round: number; productId: number; lotId: number }, units: number): void {
  tx.run(sql`
    INSERT INTO count_line (task_id, round, product_id, lot_id, counted) VALUES (${key.taskId}, ${key.round}, ${key.productId}, ${key.lotId}, ${units})
    ON CONFLICT (task_id, round, product_id, lot_id) DO UPDATE SET counted = counted + excluded.counted`);
}

export function setExpected(tx: WriteHandle, key: { taskId: number; round: number; productId: number; lotId: number }, expected: number): void {
  tx.run(sql`
    INSERT INTO count_line (task_id, round, product_id, lot_id, counted, expected) VALUES (${key.taskId}, ${key.round}, ${key.productId}, ${key.lotId}, 0, ${expected})
    ON CONFLICT (task_id, round, product_id, lot_id) DO UPDATE SET expected = excluded.expected`);
}

export type CountLineRecord = { productId: number; lotId: number; counted: number; expected: number | null };

export function countLines(read: ReadHandle, taskId: number, round: number): CountLineRecord[] {
  return read
    .all<{ product_id: number; lot_id: number; counted: number; expected: number | null }>(
      sql`
      SELECT product_id, lot_id, counted, expected FROM count_line WHERE task_id = ${taskId} AND round = ${round}`,
    )
    .map((row) => ({ productId: row.product_id, lotId: row.lot_id, counted: row.counted, expected: row.expected }));
}

export function countLineViews(read: ReadHandle, taskId: number, round: number, showExpected: boolean): CountLineView[] {
  return read
    .all<{ sku: string; description_fr: string; description_en: string; description_zh: string; lot: string | null; counted: number; expected: number | null }>(
      sql`
      SELECT p.sku, p.description_fr, p.description_en, p.description_zh, lot.code AS lot, c.counted, c.expected
      FROM count_line c JOIN product p ON p.id = c.product_id LEFT JOIN lot ON lot.id = c.lot_id
      WHERE c.task_id = ${taskId} AND c.round = ${round}
      ORDER BY p.sku, lot.code`,
    )
    .map((row) => ({
      product: { sku: row.sku, description: { fr: row.description_fr, en: row.description_en, zh: row.description_zh } },
      lot: row.lot,
      counted: row.counted,
      expected: showExpected ? row.expected : null,
    }));
}
