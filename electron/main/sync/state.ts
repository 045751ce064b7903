import type { ReadHandle, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';

export type SyncState = {
  readonly lastSeq: number;
  readonly lastAckedSeq: number;
  readonly cursor: string | null;
  readonly lastChangeId: number;
  readonly epoch: string | null;
  readonly bootstrapped: boolean;
  readonly lastPushAt: number | null;
  readonly lastPullAt: number | null;
  readonly failingSince: number | null;
  readonly lastError: string | null;
};

type Row = {
  last_seq: number;
  last_acked_seq: number;
  cursor: string | null;
  last_change_id: number;
  epoch: string | null;
  bootstrapped: number;
  last_push_at: number | null;
  last_pull_at: number | null;
  failing_since: number | null;
  last_error: string | null;
};

export function readSyncState(read: ReadHandle): SyncState {
  const row = read.get<Row>(sql`
    SELECT last_seq, last_acked_seq, cursor, last_change_id, epoch, bootstrapped, last_push_at, last_pull_at, failing_since, last_error
    FROM sync_state WHERE id = 1`);
  if (!row) throw new Error('sync_state row missing (migration 3)');
  return {
    lastSeq: row.last_seq,
    lastAckedSeq: row.last_acked_seq,
    cursor: row.cursor,
    lastChangeId: row.last_change_id,
    epoch: row.epoch,
    bootstrapped: row.bootstrapped === 1,
    lastPushAt: row.last_push_at,
    lastPullAt: row.last_pull_at,
    failingSince: row.failing_since,
    lastError: row.last_error,
  };
}

export function recordPush(tx: WriteHandle, at: number, lastProcessedSeq: number, epoch: string): void {
  tx.run(sql`UPDATE sync_state SET last_push_at = ${at}, last_acked_seq = ${lastProcessedSeq}, epoch = ${epoch} WHERE id = 1`);
}

/** Stored with the pulled data, in its transaction: the cursor and what it covers move together. */
export function recordPull(tx: WriteHandle, at: number, cursor: string, lastChangeId: number, epoch: string): void {
  tx.run(sql`UPDATE sync_state SET last_pull_at = ${at}, cursor = ${cursor}, last_change_id = ${lastChangeId}, epoch = ${epoch} WHERE id = 1`);
}

export function recordBootstrapped(tx: WriteHandle, at: number, cursor: string, epoch: string): void {
  tx.run(sql`UPDATE sync_state SET bootstrapped = 1, last_pull_at = ${at}, cursor = ${cursor}, last_change_id = 0, epoch = ${epoch} WHERE id = 1`);
}

/** The centre's epoch changed (restored from a backup): everything pulled must be fetched again. */
export function forgetCursor(tx: WriteHandle, epoch: string): void {
  tx.run(sql`UPDATE sync_state SET bootstrapped = 0, cursor = NULL, last_change_id = 0, epoch = ${epoch} WHERE id = 1`);
}

export function recordFailure(tx: WriteHandle, at: number, error: string): void {
  tx.run(sql`UPDATE sync_state SET failing_since = coalesce(failing_since, ${at}), last_error = ${error} WHERE id = 1`);
}

export function recordSuccess(tx: WriteHandle): void {
  tx.run(sql`UPDATE sync_state SET failing_since = NULL, last_error = NULL WHERE id = 1`);
}
