import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { z } from 'zod';
import {
  centreRecordSchema,
  maxPushBatch,
  type BootstrapPage,
  type CentreRecord,
  type PullPage,
  type PushResult,
  type StationEvent,
} from '../../../shared/sync/protocol';
import type { SyncStatus } from '../../../shared/sync/status';
import { isOlderVersion, stationVersion } from '../../../shared/version';
import type { Logger } from '../../platform/logging';
import { toIso, type Clock } from '../../platform/clock';
import type { Database, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { guard } from '../../platform/guard';
import { parseStoredJson } from '../../platform/json';
import type { EventBus } from '../events';
import { applyStagedStock } from './bootstrap';
import { SyncFailure, type CentreClient } from './client';
import { countOpenSiteExceptions, recordSiteException } from './exceptions';
import { applyCentreRecord, sweepNotInSnapshot } from './mirror';
import { createLookups, type LedgerLookups } from './site-ledger';
import { countAttempt, isUnreadable, pendingCount, pendingEvents, purgeAcked, recordResults, rewindTo } from './outbox';
import { latestReconcile } from './reconcile';
import {
  beginBootstrap,
  forgetCursor,
  readSyncState,
  recordBootstrapPage,
  recordBootstrapped,
  recordFailure,
  recordPull,
  recordPush,
  recordSuccess,
  recordUpdateRequired,
} from './state';

export type SyncEngineDeps = {
  readonly db: Database;
  readonly clock: Clock;
  readonly events: EventBus;
  readonly log: Logger;
  /** The centre this station talks to, or null before one is configured. */
  readonly centre: () => { readonly mode: 'demo' | 'remote'; readonly client: CentreClient } | null;
  /** Offline is trusted only when the operating system says so (Electron's net.isOnline). */
  readonly isOnline?: (() => boolean) | undefined;
  readonly random?: () => number;
  /** This build's version, compared with the centre's minClientVersion (default: shared/version.ts). */
  readonly appVersion?: string | undefined;
  /** A scheduled round that failed outside its own handling (a database error, say): told, then tried again. */
  readonly onFailure?: (error: unknown) => void;
};

export const syncTiming = {
  intervalMs: 30_000,
  debounceMs: 500,
  backoffStartMs: 1_000,
  backoffMaxMs: 5 * 60_000,
  staleAfterMs: 30 * 60_000,
  /** How often the centre's health (epoch, minClientVersion) is asked for, beyond the first cycle. */
  healthEveryMs: 60 * 60_000,
  pullLimit: 1000,
  bootstrapLimit: 2500,
  /** Work per main-thread task while applying a page; a slice ends when it has run this long (docs/design.md §3). */
  sliceBudgetMs: 20,
} as const;

/** Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015). */
export function backoffDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(syncTiming.backoffMaxMs, syncTiming.backoffStartMs * 2 ** Math.max(0, failures - 1));
  return Math.round(random() * ceiling);
}

/** What a push outcome means for this station's people (ADR 0007): an exception here, told at once. */
const exceptionKinds = { NEGATIVE_STOCK: 'NEGATIVE_STOCK', ALREADY_CLAIMED: 'CLAIM_LOST', TASK_CLOSED: 'TASK_CLOSED', BADGE_TAKEN: 'BADGE_TAKEN' } as const;

const lastErrorSchema = z.object({ kind: z.string(), message: z.string() });
/** The stored last error, or its text when it is not what we wrote (a damaged row never breaks the status). */
function lastErrorOf(text: string): { kind: string; message: string } {
  const parsed = parseStoredJson(text);
  const error = parsed.ok ? lastErrorSchema.safeParse(parsed.value) : null;
  return error?.success ? error.data : { kind: 'protocol', message: text.slice(0, 500) };
}

/**
 * Push, then pull until caught up (docs/design.md §4). One cycle at a time; failures are recorded and
 * retried with backoff; nothing recorded locally is ever dropped.
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const { db, clock, events } = deps;
  const log = deps.log.child({ module: 'sync' });
  const random = deps.random ?? Math.random;
  const appVersion = deps.appVersion ?? stationVersion;
  let running: Promise<SyncStatus> | null = null;
  let state: SyncStatus['state'] = 'idle';
  let failures = 0;
  let nextAttemptAt: number | null = null;
  let healthAt: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let debounce: NodeJS.Timeout | null = null;
  let scheduling = false;

  function status(): SyncStatus {
    const saved = readSyncState(db.read);
    const now = clock.now();
    const exceptions = db.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE outcome IN ('accepted_with_exception', 'rejected')`)?.n ?? 0;
    return {
      mode: deps.centre()?.mode ?? 'none',
      state: saved.updateRequired !== null ? 'update_required' : state,
      pending: pendingCount(db.read),
      lastPushAt: saved.lastPushAt === null ? null : toIso(saved.lastPushAt),
      lastPullAt: saved.lastPullAt === null ? null : toIso(saved.lastPullAt),
      failingSince: saved.failingSince === null ? null : toIso(saved.failingSince),
      stale: saved.failingSince !== null && now - saved.failingSince >= syncTiming.staleAfterMs,
      lastError: saved.lastError === null ? null : lastErrorOf(saved.lastError),
      nextAttemptAt: nextAttemptAt === null ? null : toIso(nextAttemptAt),
      bootstrap: saved.bootstrapPage !== null ? { done: saved.bootstrapDone, total: saved.bootstrapTotal } : null,
      stockLoaded: saved.stockLoaded,
      updateRequired: saved.updateRequired === null ? null : { minClientVersion: saved.updateRequired, appVersion },
      exceptions,
      siteExceptions: countOpenSiteExceptions(db.read),
      reconcile: latestReconcile(db.read),
    };
  }

  const announce = (): void => events.emit('sync:status-changed', status());

  /** The centre says which versions it still serves: an older station keeps its events and waits for IT. */
  async function checkHealth(client: CentreClient): Promise<boolean> {
    const now = clock.now();
    if (healthAt !== null && now - healthAt < syncTiming.healthEveryMs && readSyncState(db.read).updateRequired === null) return true;
    const health = await client.health();
    healthAt = now;
    const tooOld = isOlderVersion(appVersion, health.minClientVersion);
    db.write((tx) => recordUpdateRequired(tx, tooOld ? health.minClientVersion : null));
    if (tooOld) log.warn({ appVersion, minClientVersion: health.minClientVersion }, 'the centre needs a newer Quai: not syncing until updated');
    return !tooOld;
  }

  /** Outcomes this station's people must hear of: recorded as the site's exceptions, and told at once. */
  function noteExceptions(tx: WriteHandle, results: readonly PushResult[]): void {
    for (const result of results) {
      const code = result.problem?.code;
      if (result.status !== 'accepted_with_exception' || !code || !(code in exceptionKinds)) continue;
      const event = tx.get<{ type: string; payload: string }>(sql`SELECT type, payload FROM outbox WHERE event_id = ${result.eventId}`);
      const taskId = event ? (JSON.parse(event.payload) as { taskId?: string }).taskId : undefined;
      recordSiteException(tx, clock.now(), exceptionKinds[code as keyof typeof exceptionKinds], taskId ?? result.eventId, {
        eventId: result.eventId,
        message: result.problem?.message ?? '',
      });
      if (code === 'ALREADY_CLAIMED' && taskId) {
        const location = tx.get<{ location: string }>(sql`SELECT location FROM task WHERE task_id = ${taskId}`)?.location ?? '';
        const holder = /taken by ([^(]+)/.exec(result.problem?.message ?? '')?.[1]?.trim() ?? '';
        events.emit('tasks:claim-lost', { taskId, location, holder });
      }
    }
  }

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
        noteExceptions(tx, answer.results);
        recordPush(tx, clock.now(), answer.lastProcessedSeq, answer.epoch);
        return count;
      });
      if (acked === 0 && ++stalled > 3) throw new SyncFailure('protocol', 'the centre answers without acknowledging our events');
      announce();
    }
  }

  /**
   * Checks and applies records in short transactions, each ending when its time budget is spent,
   * yielding to the event loop between them so scans and IPC answer meanwhile; `last` runs in the
   * final one, so the cursor moves with the data it covers. A record off the protocol aborts the page.
   */
  async function applyRecords(
    records: readonly unknown[],
    generation: number,
    entities: Set<string>,
    last: (tx: WriteHandle) => void,
    lookups: LedgerLookups = createLookups(),
  ): Promise<void> {
    let start = 0;
    let finished = false;
    // Reading the page was one task (in the I/O phase): let timers and other I/O run before the first slice.
    await new Promise((resolve) => setTimeout(resolve, 0));
    do {
      if (start > 0) await yieldToLoop();
      // Redoable: a slice a power cut takes back is fetched again with the cursor or page it moved.
      start = db.writeRedoable((tx) => {
        const began = performance.now();
        let index = start;
        const at = clock.now();
        while (index < records.length) {
          const parsed = centreRecordSchema.safeParse(records[index]);
          if (!parsed.success)
            throw new SyncFailure('protocol', `a record from the centre does not follow the protocol: ${parsed.error.issues[0]?.message ?? ''}`);
          const record: CentreRecord = parsed.data;
          const applied = applyCentreRecord(tx, record, { at, generation, lookups });
          if (record.entity !== 'movement' || applied.stockChanged) entities.add(record.entity);
          index += 1;
          if (performance.now() - began >= syncTiming.sliceBudgetMs) break;
        }
        // The closing step (a page's record, the bootstrap's stock) gets a slice of its own unless this
        // one has most of its budget left: records applied without it are applied again, unchanged.
        if (index >= records.length && (index === start || performance.now() - began < syncTiming.sliceBudgetMs / 2)) {
          last(tx);
          finished = true;
        }
        return index;
      });
    } while (!finished);
  }

  /**
   * A paged snapshot of what the site's stations need (docs/protocol.md, bootstrap). Resumable:
   * each page is recorded as done with its last records, so a station stopped half-way continues
   * from the next page; the stock is staged and applied whole with the last page (issue #9).
   */
  async function runBootstrap(client: CentreClient): Promise<void> {
    let saved = readSyncState(db.read);
    if (saved.bootstrapPage === null) {
      db.write((tx) => beginBootstrap(tx, saved.bootstrapGeneration + 1));
      saved = readSyncState(db.read);
    }
    const generation = saved.bootstrapGeneration;
    let done = saved.bootstrapDone;
    const entities = new Set<string>();
    // The next page is on its way while this one is stored: the network and the disk work together.
    const fetchPage = (page: string): Promise<BootstrapPage> => {
      const promise = client.bootstrap(page === '' ? null : page, syncTiming.bootstrapLimit);
      // If storing this page fails, the page already on its way must not become an unhandled rejection.
      promise.catch(() => undefined);
      return promise;
    };
    let coming = fetchPage(saved.bootstrapPage ?? '');
    for (;;) {
      let answer: BootstrapPage;
      try {
        answer = await coming;
      } catch (error) {
        // The snapshot a resumed bootstrap was reading is gone (a restore, or kept too long): start over.
        if (error instanceof SyncFailure && error.status === 410) db.write((tx) => beginBootstrap(tx, generation + 1));
        throw error;
      }
      const next = answer.next;
      if (next !== null) coming = fetchPage(next);
      done += answer.records.length;
      announce();
      await applyRecords(answer.records, generation, entities, (tx) => {
        if (next !== null) {
          recordBootstrapPage(tx, next, answer.epoch, done, answer.total);
          return;
        }
        rewindTo(tx, answer.lastProcessedSeq);
        applyStagedStock(tx, answer.lastProcessedSeq, clock.now());
        sweepNotInSnapshot(tx, generation, clock.now());
        recordBootstrapped(tx, clock.now(), answer.cursor, answer.epoch);
      });
      announce();
      if (next === null) break;
    }
    events.emit('sync:pulled', { bootstrap: true, entities: [...entities, 'stock'] });
  }

  async function pull(client: CentreClient): Promise<void> {
    let refetched = false;
    const lookups = createLookups();
    // The next page is asked for while this one is applied: the centre and the disk work together.
    let coming: { cursor: string; answer: Promise<PullPage> } | null = null;
    const ask = (cursor: string): Promise<PullPage> => {
      const answer = client.pull(cursor, syncTiming.pullLimit);
      answer.catch(() => undefined);
      return answer;
    };
    for (;;) {
      const saved = readSyncState(db.read);
      if (!saved.bootstrapped || saved.cursor === null) {
        await runBootstrap(client);
        refetched = true;
        coming = null;
        continue;
      }
      const answer: PullPage = await (coming !== null && coming.cursor === saved.cursor ? coming.answer : ask(saved.cursor));
      coming = answer.hasMore && !answer.mustRefetch ? { cursor: answer.cursor, answer: ask(answer.cursor) } : null;
      if (answer.mustRefetch) {
        if (refetched) throw new SyncFailure('protocol', 'the centre asks for a refetch right after one');
        // A restored centre (new epoch) may have lost events it had acknowledged: they are pending again.
        db.write((tx) => {
          forgetCursor(tx, answer.epoch);
          rewindTo(tx, answer.lastProcessedSeq);
        });
        continue;
      }
      // A replayed, older answer carries only changes we already have: never go back.
      const fresh = answer.changes.filter((change) => change.changeId > saved.lastChangeId);
      if (answer.changes.length > 0 && fresh.length === 0) return;
      const lastChangeId = Math.max(saved.lastChangeId, ...fresh.map((change) => change.changeId));
      const entities = new Set<string>();
      lookups.expect(
        db.read,
        fresh.flatMap((change) => (change.entity === 'movement' && typeof change.key === 'string' ? [change.key] : [])),
      );
      await applyRecords(
        fresh,
        0,
        entities,
        (tx) => {
          if (fresh.length > 0) recordPull(tx, clock.now(), answer.cursor, lastChangeId, answer.epoch);
          else tx.run(sql`UPDATE sync_state SET last_pull_at = ${clock.now()} WHERE id = 1`);
        },
        lookups,
      );
      if (entities.size > 0) events.emit('sync:pulled', { bootstrap: false, entities: [...entities] });
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
      if (await checkHealth(centre.client)) {
        await push(centre.client);
        await pull(centre.client);
      }
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
      if (timer) clearTimeout(timer);
      if (debounce) clearTimeout(debounce);
      await running;
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
