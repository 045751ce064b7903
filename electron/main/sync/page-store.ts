import type { z } from 'zod';
import {
  bootstrapPageSchema,
  centreRecordSchema,
  pullChangeIdsSchema,
  pullPageSchema,
  type BootstrapPage,
  type CentreRecord,
  type PullPage,
} from '../../../shared/sync/protocol';
import type { WorkerConnection, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { ledgerBatch } from './ledger-batch';
import { orderBatch } from './order-batch';
import { applyStagedStock } from './bootstrap';
import { SyncFailure, utf8 } from './client';
import { applyCentreRecord, sweepNotInSnapshot } from './mirror';
import { rewindTo } from './outbox';
import { createLookups, type LedgerLookups } from './site-ledger';
import { readSyncState, recordBootstrapPage, recordBootstrapped, recordPull } from './state';

/**
 * Storing one page from the centre in the station's mirrors (docs/design.md §4, ADR 0004): the page
 * as the centre sent it (its bytes) is decoded, read, checked, and applied in short transactions. The same code
 * runs on the mirror writer's thread (mirror-writer.ts) or, where no worker is given, on the main
 * thread between its other tasks.
 */
export type PageToStore =
  | {
      readonly kind: 'bootstrap';
      /** The answer's body as it came (UTF-8 JSON): decoded here, so the main thread never holds it as a string. */
      readonly body: Uint8Array;
      readonly generation: number;
      /** Records stored before this page (the progress a person sees). */
      readonly done: number;
      readonly at: number;
    }
  | { readonly kind: 'pull'; readonly body: Uint8Array; readonly at: number };

/** What the page says, known before its records are stored: the next page can be asked for meanwhile. */
export type PageRead =
  | { readonly kind: 'bootstrap'; readonly next: string | null; readonly records: number; readonly total: number }
  | { readonly kind: 'pull'; readonly cursor: string; readonly hasMore: boolean }
  /** The centre restarted from a backup (new epoch): nothing stored, the engine starts over. */
  | { readonly kind: 'refetch'; readonly epoch: string; readonly lastProcessedSeq: number }
  /** A replayed, older answer: only changes the station has; nothing stored. */
  | { readonly kind: 'stale' };

export type StoreHooks = {
  /** Told as soon as the page is read and checked, before its records are stored. */
  readonly read: (read: PageRead) => void;
  /** Between two transactions: the main thread yields to its event loop here. */
  readonly between: () => Promise<void> | void;
  /** Work per transaction: a transaction ends once it has run this long. */
  readonly sliceBudgetMs: number;
};

/** Stores one page; answers the entities whose rows changed (the screens that show them reload). */
export async function storePage(db: WorkerConnection, page: PageToStore, hooks: StoreHooks): Promise<readonly string[]> {
  return page.kind === 'bootstrap' ? storeBootstrapPage(db, page, hooks) : storePullPage(db, page, hooks);
}

async function storeBootstrapPage(db: WorkerConnection, page: Extract<PageToStore, { kind: 'bootstrap' }>, hooks: StoreHooks): Promise<readonly string[]> {
  const answer: BootstrapPage = readPage(page.body, bootstrapPageSchema, 'bootstrap');
  hooks.read({ kind: 'bootstrap', next: answer.next, records: answer.records.length, total: answer.total });
  const { next } = answer;
  return applyRecords(db, answer.records, { generation: page.generation, at: page.at }, hooks, (tx) => {
    if (next !== null) {
      recordBootstrapPage(tx, next, answer.epoch, page.done + answer.records.length, answer.total);
      return;
    }
    rewindTo(tx, answer.lastProcessedSeq);
    applyStagedStock(tx, answer.lastProcessedSeq, page.at);
    sweepNotInSnapshot(tx, page.generation, page.at);
    recordBootstrapped(tx, page.at, answer.cursor, answer.epoch);
  });
}

async function storePullPage(db: WorkerConnection, page: Extract<PageToStore, { kind: 'pull' }>, hooks: StoreHooks): Promise<readonly string[]> {
  const answer: PullPage = readPage(page.body, pullPageSchema, 'pull');
  if (answer.mustRefetch) {
    hooks.read({ kind: 'refetch', epoch: answer.epoch, lastProcessedSeq: answer.lastProcessedSeq });
    return [];
  }
  const ids = check(answer.changes, pullChangeIdsSchema, 'pull').map((change) => change.changeId);
  // A replayed, older answer carries only changes we already have: never go back.
  const saved = readSyncState(db.read);
  const fresh = newestOfEachRun(answer.changes.filter((_, index) => ids[index]! > saved.lastChangeId));
  if (answer.changes.length > 0 && fresh.length === 0) {
    hooks.read({ kind: 'stale' });
    return [];
  }
  hooks.read({ kind: 'pull', cursor: answer.cursor, hasMore: answer.hasMore });
  const lastChangeId = Math.max(saved.lastChangeId, ...ids);
  const lookups = createLookups();
  // The movements' event ids, looked up at once (each record is checked in its slice).
  lookups.expect(
    db.read,
    fresh.flatMap((change) => {
      const { entity, key } = change as { entity?: unknown; key?: unknown };
      return entity === 'movement' && typeof key === 'string' ? [key] : [];
    }),
  );
  return applyRecords(db, fresh, { generation: 0, at: page.at, lookups }, hooks, (tx) => {
    if (fresh.length > 0) recordPull(tx, page.at, answer.cursor, lastChangeId, answer.epoch);
    else tx.run(sql`UPDATE sync_state SET last_pull_at = ${page.at} WHERE id = 1`);
  });
}

/**
 * A run's versions are whole records, and a page brings one per pick pushed (a 500-line run picked
 * for a minute: a hundred versions of a large record). Only the newest of each run in the page is
 * stored: the ones before it would be written and replaced in the same page.
 */
function newestOfEachRun(changes: readonly unknown[]): readonly unknown[] {
  const runKey = (change: unknown): string | null => {
    const { entity, key } = change as { entity?: unknown; key?: unknown };
    return entity === 'run' && typeof key === 'string' ? key : null;
  };
  const last = new Map<string, number>();
  changes.forEach((change, index) => {
    const key = runKey(change);
    if (key !== null) last.set(key, index);
  });
  return changes.filter((change, index) => {
    const key = runKey(change);
    return key === null || last.get(key) === index;
  });
}

function readPage<T>(bytes: Uint8Array, schema: z.ZodType<T>, what: string): T {
  let body: unknown;
  try {
    body = JSON.parse(utf8.decode(bytes));
  } catch (error) {
    throw new SyncFailure('protocol', `unreadable ${what} answer from the centre: ${(error as Error).message}`);
  }
  return check(body, schema, what);
}

function check<T>(body: unknown, schema: z.ZodType<T>, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SyncFailure('protocol', `the centre's ${what} answer does not follow the protocol: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/**
 * Checks and applies records in short transactions, each ending when its time budget is spent;
 * `last` runs in the final one, so the cursor moves with the data it covers. A record off the
 * protocol aborts the page.
 */
async function applyRecords(
  db: WorkerConnection,
  records: readonly unknown[],
  context: { readonly generation: number; readonly at: number; readonly lookups?: LedgerLookups },
  hooks: StoreHooks,
  last: (tx: WriteHandle) => void,
): Promise<readonly string[]> {
  const entities = new Set<string>();
  const lookups = context.lookups ?? createLookups();
  let start = 0;
  let finished = false;
  do {
    await hooks.between();
    // Redoable: a slice a power cut takes back is fetched again with the cursor or page it moved.
    start = db.writeRedoable((tx) => {
      const began = performance.now();
      const batch = ledgerBatch();
      const orders = orderBatch();
      const settle = (): void => {
        batch.settle(tx);
        orders.settle(tx);
      };
      let previous: string | null = null;
      let index = start;
      while (index < records.length) {
        const parsed = centreRecordSchema.safeParse(records[index]);
        if (!parsed.success)
          throw new SyncFailure('protocol', `a record from the centre does not follow the protocol: ${parsed.error.issues[0]?.message ?? ''}`);
        const record: CentreRecord = parsed.data;
        // Movements and orders are written together; a record of another kind sees them written.
        if (record.entity !== previous) settle();
        previous = record.entity;
        const applied = applyCentreRecord(tx, record, { at: context.at, generation: context.generation, lookups, batch, orders });
        if (record.entity !== 'movement' || applied.stockChanged) entities.add(record.entity);
        index += 1;
        if (performance.now() - began >= hooks.sliceBudgetMs) break;
      }
      settle();
      // The closing step (a page's record, the bootstrap's stock) gets a slice of its own unless this
      // one has most of its budget left: records applied without it are applied again, unchanged.
      if (index >= records.length && (index === start || performance.now() - began < hooks.sliceBudgetMs / 2)) {
        last(tx);
        finished = true;
      }
      return index;
    });
  } while (!finished);
  return [...entities];
}
