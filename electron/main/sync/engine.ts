import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { z } from 'zod';
import { centreRecordSchema, maxPushBatch, type BootstrapPage, type CentreRecord, type StationEvent } from '../../../shared/sync/protocol';
import type { SyncStatus } from '../../../shared/sync/status';
import type { Logger } from '../../platform/logging';
import { toIso, type Clock } from '../../platform/clock';
import type { Database, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { guard } from '../../platform/guard';
import { parseStoredJson } from '../../platform/json';
import type { EventBus } from '../events';
import { SyncFailure, type CentreClient } from './client';
import { applyCentreRecord, type ApplyOptions } from './mirror';
import { countAttempt, isUnreadable, pendingCount, pendingEvents, purgeAcked, recordResults, rewindTo } from './outbox';
import { forgetCursor, readSyncState, recordBootstrapped, recordFailure, recordPull, recordPush, recordSuccess } from './state';

const lastErrorSchema = z.object({ kind: z.string(), message: z.string() });
/** The stored last error, or its text when it is not what we wrote (a damaged row never breaks the status). */
function lastErrorOf(text: string): { kind: string; message: string } {
  const parsed = parseStoredJson(text);
  const error = parsed.ok ? lastErrorSchema.safeParse(parsed.value) : null;
  return error?.success ? error.data : { kind: 'protocol', message: text.slice(0, 500) };
}

export type SyncEngineDeps = {
  readonly db: Database;
  readonly clock: Clock;
  readonly events: EventBus;
  readonly log: Logger;
  /** The centre this station talks to, or null before one is configured. */
  readonly centre: () => { readonly mode: 'demo' | 'remote'; readonly client: CentreClient } | null;
  /** Offline is trusted only when the operating system says so (Electron's net.isOnline). */
  readonly isOnline?: () => boolean;
  readonly random?: () => number;
  /** A scheduled round that failed outside its own handling (a database error, say): told, then tried again. */
  readonly onFailure?: (error: unknown) => void;
};

export const syncTiming = {
  intervalMs: 30_000,
  debounceMs: 500,
  backoffStartMs: 1_000,
  backoffMaxMs: 5 * 60_000,
  staleAfterMs: 30 * 60_000,
  pullLimit: 500,
  bootstrapLimit: 2500,
  /** Records per transaction while applying a page: keeps each main-thread task short (DESIGN §3). */
  applyChunk: 400,
} as const;

/** Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015). */
export function backoffDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(syncTiming.backoffMaxMs, syncTiming.backoffStartMs * 2 ** Math.max(0, failures - 1));
  return Math.round(random() * ceiling);
}

/**
 * Push, then pull until caught up (DESIGN §4). One cycle at a time; failures are recorded and
 * retried with backoff; nothing recorded locally is ever dropped.
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const { db, clock, events } = deps;
  const log = deps.log.child({ module: 'sync' });
  const random = deps.random ?? Math.random;
  let running: Promise<SyncStatus> | null = null;
  let state: SyncStatus['state'] = 'idle';
  let failures = 0;
  let nextAttemptAt: number | null = null;
  let bootstrap: SyncStatus['bootstrap'] = null;
  let timer: NodeJS.Timeout | null = null;
  let debounce: NodeJS.Timeout | null = null;
  let scheduling = false;

  function status(): SyncStatus {
    const saved = readSyncState(db.read);
    const now = clock.now();
    const exceptions = db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE outcome IN ('accepted_with_exception', 'rejected')`)?.n ?? 0;
    return {
      mode: deps.centre()?.mode ?? 'none',
      state,
      pending: pendingCount(db.read),
      lastPushAt: saved.lastPushAt === null ? null : toIso(saved.lastPushAt),
      lastPullAt: saved.lastPullAt === null ? null : toIso(saved.lastPullAt),
      failingSince: saved.failingSince === null ? null : toIso(saved.failingSince),
      stale: saved.failingSince !== null && now - saved.failingSince >= syncTiming.staleAfterMs,
      lastError: saved.lastError === null ? null : lastErrorOf(saved.lastError),
      nextAttemptAt: nextAttemptAt === null ? null : toIso(nextAttemptAt),
      bootstrap,
      exceptions,
    };
  }

  const announce = (): void => events.emit('sync:status-changed', status());

  async function push(client: CentreClient): Promise<void> {
    let stalled = 0;
    for (;;) {
      const read = pendingEvents(db.read, maxPushBatch);
      // Seqs are gapless: a damaged event cannot be skipped. Push what comes before it, then stop and say which.
      const damaged = read.findIndex(isUnreadable);
      const batch = (damaged < 0 ? read : read.slice(0, damaged)) as StationEvent[];
      if (batch.length === 0) {
        if (damaged < 0) return;
        throw new SyncFailure(
          'protocol',
          `outbox event ${read[damaged]?.seq ?? '?'} is damaged (its payload is not JSON): export the unsynced events and call IT`,
        );
      }
      db.write((tx) =>
        countAttempt(
          tx,
          batch.map((event) => event.seq),
        ),
      );
      const answer = await client.push(batch);
      if ('seqGap' in answer) {
        // The centre lost events we had sent (a restore): give them again, from where it stands.
        log.warn({ lastProcessedSeq: answer.lastProcessedSeq, epoch: answer.epoch }, 'centre is behind: re-pushing');
        db.write((tx) => {
          if (readSyncState(tx).epoch !== answer.epoch) forgetCursor(tx, answer.epoch);
          rewindTo(tx, answer.lastProcessedSeq);
          recordPush(tx, clock.now(), answer.lastProcessedSeq, answer.epoch);
        });
        if (++stalled > 3) throw new SyncFailure('protocol', 'the centre keeps refusing our sequence');
        continue;
      }
      const acked = db.write((tx) => {
        const saved = readSyncState(tx);
        if (saved.epoch !== null && saved.epoch !== answer.epoch) {
          log.warn({ from: saved.epoch, to: answer.epoch }, 'centre epoch changed: refetching, re-pushing what it lost');
          forgetCursor(tx, answer.epoch);
          rewindTo(tx, answer.lastProcessedSeq);
        }
        const count = recordResults(tx, answer.results, new Set(batch.map((event) => event.eventId)), clock.now());
        recordPush(tx, clock.now(), answer.lastProcessedSeq, answer.epoch);
        return count;
      });
      if (acked === 0 && ++stalled > 3) throw new SyncFailure('protocol', 'the centre answers without acknowledging our events');
      announce();
    }
  }

  /**
   * Checks and applies records in short transactions, yielding between them; `last` runs in the final
   * one, so the cursor moves with the data it covers. A record off the protocol aborts the page.
   */
  async function applyRecords(records: readonly unknown[], options: ApplyOptions, last: (tx: WriteHandle) => void): Promise<void> {
    let start = 0;
    // Reading the page was one task (in the I/O phase): let timers and other I/O run before the first
    // slice (a setImmediate would resume in the same loop turn), then one task per slice.
    await new Promise((resolve) => setTimeout(resolve, 0));
    do {
      if (start > 0) await yieldToLoop();
      const chunk = records.slice(start, start + syncTiming.applyChunk);
      start += syncTiming.applyChunk;
      const final = start >= records.length;
      const checked = chunk.map((record): CentreRecord => {
        const parsed = centreRecordSchema.safeParse(record);
        if (!parsed.success)
          throw new SyncFailure('protocol', `a record from the centre does not follow the protocol: ${parsed.error.issues[0]?.message ?? ''}`);
        return parsed.data;
      });
      db.write((tx) => {
        for (const record of checked) applyCentreRecord(tx, record, clock.now(), options);
        if (final) last(tx);
      });
    } while (start < records.length);
  }

  async function runBootstrap(client: CentreClient): Promise<void> {
    const openingStock = (db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM movement`)?.n ?? 0) === 0;
    const startedAt = clock.now();
    // Orders and ASNs are the centre's: a bootstrap replaces them. Empty mirrors (a new station)
    // take inserts alone; otherwise records replace theirs and what the snapshot lacks is swept.
    const emptyMirror = (db.read.get<{ n: number }>(sql`SELECT (SELECT count(*) FROM customer_order) + (SELECT count(*) FROM asn) AS n`)?.n ?? 0) === 0;
    let done = 0;
    let epoch: string | null = null;
    // The next page is on its way while this one is stored: the network and the disk work together.
    const fetchPage = (page: string | null): Promise<BootstrapPage> => {
      const promise = client.bootstrap(page, syncTiming.bootstrapLimit);
      // If storing this page fails, the page already on its way must not become an unhandled rejection.
      promise.catch(() => undefined);
      return promise;
    };
    let coming = fetchPage(null);
    for (;;) {
      const answer = await coming;
      if (answer.next !== null) coming = fetchPage(answer.next);
      if (epoch !== null && answer.epoch !== epoch) throw new SyncFailure('protocol', 'the centre was restored during the bootstrap; starting again');
      epoch = answer.epoch;
      bootstrap = { done, total: answer.total };
      announce();
      const next = answer.next;
      await applyRecords(answer.records, { openingStock, emptyMirror }, (tx) => {
        if (next !== null) return;
        tx.run(sql`DELETE FROM customer_order WHERE pulled_at < ${startedAt}`);
        tx.run(sql`DELETE FROM asn WHERE pulled_at < ${startedAt}`);
        recordBootstrapped(tx, clock.now(), answer.cursor, answer.epoch);
      });
      done += answer.records.length;
      bootstrap = { done, total: answer.total };
      announce();
      if (next === null) break;
    }
    bootstrap = null;
    events.emit('sync:pulled', { bootstrap: true });
  }

  async function pull(client: CentreClient): Promise<void> {
    let refetched = false;
    for (;;) {
      const saved = readSyncState(db.read);
      if (!saved.bootstrapped || saved.cursor === null) {
        await runBootstrap(client);
        refetched = true;
        continue;
      }
      const answer = await client.pull(saved.cursor, syncTiming.pullLimit);
      if (answer.mustRefetch) {
        if (refetched) throw new SyncFailure('protocol', 'the centre asks for a refetch right after one');
        db.write((tx) => forgetCursor(tx, answer.epoch));
        continue;
      }
      // A replayed, older answer carries only changes we already have: never go back.
      const fresh = answer.changes.filter((change) => change.changeId > saved.lastChangeId);
      if (answer.changes.length > 0 && fresh.length === 0) return;
      const lastChangeId = Math.max(saved.lastChangeId, ...fresh.map((change) => change.changeId));
      await applyRecords(fresh, { openingStock: false }, (tx) => {
        if (fresh.length > 0) recordPull(tx, clock.now(), answer.cursor, lastChangeId, answer.epoch);
        else tx.run(sql`UPDATE sync_state SET last_pull_at = ${clock.now()} WHERE id = 1`);
      });
      if (fresh.length > 0) events.emit('sync:pulled', { bootstrap: false });
      if (!answer.hasMore) return;
    }
  }

  async function cycle(): Promise<SyncStatus> {
    const centre = deps.centre();
    if (!centre) return status();
    if (deps.isOnline && !deps.isOnline()) {
      state = 'offline';
      announce();
      return status();
    }
    state = 'syncing';
    announce();
    try {
      await push(centre.client);
      await pull(centre.client);
      db.write((tx) => {
        recordSuccess(tx);
        purgeAcked(tx, clock.now());
      });
      failures = 0;
      nextAttemptAt = null;
      state = 'idle';
    } catch (error) {
      failures += 1;
      const failure = error instanceof SyncFailure ? error : new SyncFailure('protocol', String(error));
      if (!(error instanceof SyncFailure)) log.error({ err: error }, 'sync cycle failed');
      else log.warn({ kind: failure.kind, status: failure.status }, failure.message);
      const delay = Math.max(failure.retryAfterMs ?? 0, backoffDelay(failures, random));
      nextAttemptAt = clock.now() + delay;
      db.write((tx) => recordFailure(tx, clock.now(), JSON.stringify({ kind: failure.kind, message: failure.message })));
      state = 'failing';
    }
    bootstrap = null;
    announce();
    return status();
  }

  /** One cycle now (or the one already running). Never throws: the outcome is in the status. */
  function syncNow(): Promise<SyncStatus> {
    running ??= cycle().finally(() => {
      running = null;
      if (scheduling) schedule();
    });
    return running;
  }

  // Rounds started by a timer or an event: a failure is logged and told, never thrown into the event
  // loop (issue #9), and `finally` above has already scheduled the next round.
  const scheduledRound = guard(log, 'sync round', () => syncNow(), deps.onFailure);

  function schedule(): void {
    if (timer) clearTimeout(timer);
    const wait = nextAttemptAt === null ? syncTiming.intervalMs : Math.max(0, nextAttemptAt - clock.now());
    timer = setTimeout(scheduledRound, wait);
    timer.unref();
  }

  /** After each local commit: soon, but once for a burst of scans, and not before a backoff ends. */
  function trigger(): void {
    if (!scheduling) return;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(
      guard(log, 'sync after a change', () => {
        if (nextAttemptAt === null || nextAttemptAt <= clock.now()) scheduledRound();
      }),
      syncTiming.debounceMs,
    );
    debounce.unref();
  }

  const unsubscribe = events.subscribe((name) => {
    if (name === 'stock:changed') trigger();
  });

  return {
    status,
    syncNow,
    trigger,
    start: () => {
      scheduling = true;
      scheduledRound();
    },
    stop: async () => {
      scheduling = false;
      unsubscribe();
      if (timer) clearTimeout(timer);
      if (debounce) clearTimeout(debounce);
      await running;
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
