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
  /** A bootstrap under way: the page to fetch next ('' for the first), its epoch and generation. */
  readonly bootstrapPage: string | null;
  readonly bootstrapEpoch: string | null;
  readonly bootstrapGeneration: number;
  readonly bootstrapDone: number;
  readonly bootstrapTotal: number;
  readonly stockLoaded: boolean;
  readonly updateRequired: string | null;
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
  bootstrap_page: string | null;
  bootstrap_epoch: string | null;
  bootstrap_generation: number;
  bootstrap_done: number;
  bootstrap_total: number;
  stock_loaded: number;
  update_required: string | null;
};

export function readSyncState(read: ReadHandle): SyncState {
  const row = read.get<Row>(sql`
    SELECT last_seq, last_acked_seq, cursor, last_change_id, epoch, bootstrapped, last_push_at, last_pull_at, failing_since, last_error,
           bootstrap_page, bootstrap_epoch, bootstrap_generation, bootstrap_done, bootstrap_total, stock_loaded, update_required
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
    bootstrapPage: row.bootstrap_page,
    bootstrapEpoch: row.bootstrap_epoch,
    bootstrapGeneration: row.bootstrap_generation,
    bootstrapDone: row.bootstrap_done,
    bootstrapTotal: row.bootstrap_total,
    stockLoaded: row.stock_loaded === 1,
    updateRequired: row.update_required,
  };
}

export function recordPush(tx: WriteHandle, at: number, lastProcessedSeq: number, epoch: string): void {
  tx.run(sql`UPDATE sync_state SET last_push_at = ${at}, last_acked_seq = ${lastProcessedSeq}, epoch = ${epoch} WHERE id = 1`);
}

/** Stored with the pulled data, in its transaction: the cursor and what it covers move together. */
export function recordPull(tx: WriteHandle, at: number, cursor: string, lastChangeId: number, epoch: string): void {
  tx.run(sql`UPDATE sync_state SET last_pull_at = ${at}, cursor = ${cursor}, last_change_id = ${lastChangeId}, epoch = ${epoch} WHERE id = 1`);
}

/** A new bootstrap: its generation (what its end sweeps by), the first page to fetch, an empty stage. */
export function beginBootstrap(tx: WriteHandle, generation: number): void {
  tx.run(sql`DELETE FROM bootstrap_stock`);
  tx.run(sql`
    UPDATE sync_state SET bootstrap_page = '', bootstrap_epoch = NULL, bootstrap_generation = ${generation}, bootstrap_done = 0, bootstrap_total = 0
    WHERE id = 1`);
}

/** A page stored whole, in the transaction that stored its last records: a restart continues from the next. */
export function recordBootstrapPage(tx: WriteHandle, next: string, epoch: string, done: number, total: number): void {
  tx.run(sql`UPDATE sync_state SET bootstrap_page = ${next}, bootstrap_epoch = ${epoch}, bootstrap_done = ${done}, bootstrap_total = ${total} WHERE id = 1`);
}

export function recordBootstrapped(tx: WriteHandle, at: number, cursor: string, epoch: string): void {
  tx.run(sql`
    UPDATE sync_state SET bootstrapped = 1, stock_loaded = 1, last_pull_at = ${at}, cursor = ${cursor}, last_change_id = 0, epoch = ${epoch},
      bootstrap_page = NULL, bootstrap_epoch = NULL, bootstrap_done = 0, bootstrap_total = 0
    WHERE id = 1`);
}

export function recordUpdateRequired(tx: WriteHandle, minClientVersion: string | null): void {
  tx.run(sql`UPDATE sync_state SET update_required = ${minClientVersion} WHERE id = 1`);
}

/** The centre's epoch changed (restored from a backup): everything pulled must be fetched again. */
export function forgetCursor(tx: WriteHandle, epoch: string): void {
  tx.run(sql`UPDATE sync_state SET bootstrapped = 0, cursor = NULL, last_change_id = 0, epoch = ${epoch}, bootstrap_page = NULL WHERE id = 1`);
}

export function recordFailure(tx: WriteHandle, at: number, error: string): void {
  tx.run(sql`UPDATE sync_state SET failing_since = coalesce(failing_since, ${at}), last_error = ${error} WHERE id = 1`);
}

export function recordSuccess(tx: WriteHandle): void {
  tx.run(sql`UPDATE sync_state SET failing_since = NULL, last_error = NULL WHERE id = 1`);
}
