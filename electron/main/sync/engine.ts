import { z } from 'zod';
import { maxPushBatch, type PushResult, type StationEvent } from '../../../shared/sync/protocol';
import type { SiteExceptionKind, SyncStatus } from '../../../shared/sync/status';
import type { MovementDelta } from '../../../shared/sync/station-events';
import { isOlderVersion, stationVersion } from '../../../shared/version';
import type { Logger } from '../../platform/logging';
import { toIso, type Clock } from '../../platform/clock';
import type { Database, WriteHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { guard } from '../../platform/guard';
import { parseStoredJson } from '../../platform/json';
import type { EventBus } from '../events';
import { SyncFailure, type CentreClient } from './client';
import { mainThreadMirrorWriter, type MirrorWriter } from './mirror-writer';
import { countOpenSiteExceptions, recordSiteException } from '../exceptions/repo';
import { ssccLeft, storeSsccBlock } from '../packing/repo';
import { countAttempt, isUnreadable, pendingCount, pendingEvents, purgeAcked, recordResults, rewindTo } from './outbox';
import { latestReconcile } from './reconcile';
import { beginBootstrap, forgetCursor, readSyncState, recordFailure, recordPush, recordSuccess, recordUpdateRequired } from './state';

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
  /** Who stores the centre's pages (mirror-writer.ts); the main thread itself when not given. */
  readonly writer?: MirrorWriter | undefined;
  /** A scheduled round that failed outside its own handling (a database error, say): told, then tried again. */
  readonly onFailure?: (error: unknown) => void;
};

export const syncTiming = {
  intervalMs: 30_000,
  debounceMs: 500,
  /** A picker scanning every second never lets 500 ms of quiet pass: their events go at least this often. */
  debounceMaxMs: 5_000,
  backoffStartMs: 1_000,
  backoffMaxMs: 5 * 60_000,
  staleAfterMs: 30 * 60_000,
  /** How often the centre's health (epoch, minClientVersion) is asked for, beyond the first cycle. */
  healthEveryMs: 60 * 60_000,
  pullLimit: 1000,
  bootstrapLimit: 2500,
} as const;

/** Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015). */
export function backoffDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(syncTiming.backoffMaxMs, syncTiming.backoffStartMs * 2 ** Math.max(0, failures - 1));
  return Math.round(random() * ceiling);
}

/** SSCCs a station keeps in hand: a pack station seals a few hundred parcels a day, offline for hours at worst. */
const ssccTiming = { low: 200, block: 1000 } as const;

/** What a centre's exception means for this station's people, whatever the event. */
const exceptionKinds: Readonly<Record<string, SiteExceptionKind>> = {
  NEGATIVE_STOCK: 'NEGATIVE_STOCK',
  ALREADY_CLAIMED: 'CLAIM_LOST',
  TASK_CLOSED: 'TASK_CLOSED',
  BADGE_TAKEN: 'BADGE_TAKEN',
};
/** …and for the events of pick runs (ADR 0009), where the same order codes mean something else. */
const runExceptionKinds: Readonly<Record<string, Readonly<Record<string, SiteExceptionKind>>>> = {
  // A run the centre could not reserve: the shift lead plans its orders again.
  'run.released': { ORDER_IN_RUN: 'RUN_REFUSED', NOT_ENOUGH_STOCK: 'RUN_REFUSED', ORDER_NOT_OPEN: 'RUN_REFUSED', ORDER_CHANGED: 'RUN_REFUSED' },
  'run.rerun': {
    ORDER_IN_RUN: 'RUN_REFUSED',
    NOT_ENOUGH_STOCK: 'RUN_REFUSED',
    ORDER_NOT_OPEN: 'RUN_REFUSED',
    ORDER_CHANGED: 'RUN_REFUSED',
    NOT_SHORT: 'RUN_REFUSED',
  },
  // Someone else's claim reached the centre first: the picker here is told at once.
  'run.claimed': { RUN_TAKEN: 'CLAIM_LOST', RUN_ASSIGNED: 'CLAIM_LOST' },
  'run.picked': { RUN_NOT_HELD: 'CLAIM_LOST' },
  'run.short': { RUN_NOT_HELD: 'CLAIM_LOST' },
};
const exceptionKindOf = (type: string, code: string): SiteExceptionKind | undefined => runExceptionKinds[type]?.[code] ?? exceptionKinds[code];

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
  const writer = deps.writer ?? mainThreadMirrorWriter(db);
  let running: Promise<SyncStatus> | null = null;
  let state: SyncStatus['state'] = 'idle';
  let failures = 0;
  let nextAttemptAt: number | null = null;
  let healthAt: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let debounce: NodeJS.Timeout | null = null;
  /** When the first commit not yet followed by a round was told (null: none waits). */
  let burstSince: number | null = null;
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
      if (result.status !== 'accepted_with_exception' || !code) continue;
      const event = tx.get<{ type: string; payload: string }>(sql`SELECT type, payload FROM outbox WHERE event_id = ${result.eventId}`);
      const kind = exceptionKindOf(event?.type ?? '', code);
      if (!kind) continue;
      const about = event ? (JSON.parse(event.payload) as { taskId?: string; runId?: string; movements?: MovementDelta[] }) : {};
      const { taskId, runId } = about;
      // A balance below zero: the place this event took from is what a recount counts.
      const taken = kind === 'NEGATIVE_STOCK' ? about.movements?.find((movement) => movement.from.location !== null) : undefined;
      const location = taken?.from.location ?? null;
      recordSiteException(tx, clock.now(), {
        kind,
        subject: taken && location ? `${taken.sku}@${location}` : (taskId ?? runId ?? result.eventId),
        location,
        detail: { eventId: result.eventId, code, message: result.problem?.message ?? '' },
        cause: result.eventId,
      });
      const holder = /(?:taken by|assigned to) ([^(]+)/.exec(result.problem?.message ?? '')?.[1]?.trim() ?? '';
      if (code === 'ALREADY_CLAIMED' && taskId) {
        const location = tx.get<{ location: string }>(sql`SELECT location FROM task WHERE task_id = ${taskId}`)?.location ?? '';
        events.emit('tasks:claim-lost', { taskId, location, holder });
      }
      if (kind === 'CLAIM_LOST' && runId) events.emit('picking:claim-lost', { runId, holder });
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
    const fetchPage = (page: string): Promise<Uint8Array> => {
      const promise = client.bootstrapPage(page === '' ? null : page, syncTiming.bootstrapLimit);
      // If storing this page fails, the page already on its way must not become an unhandled rejection.
      promise.catch(() => undefined);
      return promise;
    };
    let coming = fetchPage(saved.bootstrapPage ?? '');
    for (;;) {
      let body: Uint8Array;
      try {
        body = await coming;
      } catch (error) {
        // The snapshot a resumed bootstrap was reading is gone (a restore, or kept too long): start over.
        if (error instanceof SyncFailure && error.status === 410) db.write((tx) => beginBootstrap(tx, generation + 1));
        throw error;
      }
      const page = writer.store({ kind: 'bootstrap', body, generation, done, at: clock.now() });
      const read = await page.read;
      if (read.kind !== 'bootstrap') throw new SyncFailure('protocol', 'the mirror writer read a bootstrap page as another kind');
      if (read.next !== null) coming = fetchPage(read.next);
      done += read.records;
      announce();
      for (const entity of await page.stored) entities.add(entity);
      announce();
      if (read.next === null) break;
    }
    events.emit('sync:pulled', { bootstrap: true, entities: [...entities, 'stock'] });
  }

  async function pull(client: CentreClient): Promise<void> {
    let refetched = false;
    // The next page is asked for while this one is stored: the centre and the disk work together.
    let coming: { cursor: string; body: Promise<Uint8Array> } | null = null;
    const ask = (cursor: string): Promise<Uint8Array> => {
      const body = client.pullPage(cursor, syncTiming.pullLimit);
      body.catch(() => undefined);
      return body;
    };
    for (;;) {
      const saved = readSyncState(db.read);
      if (!saved.bootstrapped || saved.cursor === null) {
        await runBootstrap(client);
        refetched = true;
        coming = null;
        continue;
      }
      const body = await (coming !== null && coming.cursor === saved.cursor ? coming.body : ask(saved.cursor));
      const page = writer.store({ kind: 'pull', body, at: clock.now() });
      const read = await page.read;
      coming = read.kind === 'pull' && read.hasMore ? { cursor: read.cursor, body: ask(read.cursor) } : null;
      const entities = await page.stored;
      if (read.kind === 'stale') return;
      if (read.kind === 'refetch') {
        if (refetched) throw new SyncFailure('protocol', 'the centre asks for a refetch right after one');
        // A restored centre (new epoch) may have lost events it had acknowledged: they are pending again.
        db.write((tx) => {
          forgetCursor(tx, read.epoch);
          rewindTo(tx, read.lastProcessedSeq);
        });
        continue;
      }
      if (read.kind !== 'pull') throw new SyncFailure('protocol', 'the mirror writer read a pull page as another kind');
      if (entities.length > 0) events.emit('sync:pulled', { bootstrap: false, entities: [...entities] });
      if (!read.hasMore) return;
    }
  }

  /**
   * SSCC serial references for this station's parcels and labels, asked for while online so that
   * packing never waits for the network (docs/protocol.md, SSCC blocks): a new block when fewer
   * than `ssccTiming.low` are left.
   */
  async function topUpSscc(client: CentreClient): Promise<void> {
    if (!readSyncState(db.read).bootstrapped || ssccLeft(db.read) >= ssccTiming.low) return;
    try {
      const grant = await client.ssccBlock(ssccTiming.block);
      db.write((tx) => storeSsccBlock(tx, grant));
    } catch (error) {
      // Not a failure of the sync (its events went and came): asked again next cycle; packing says SSCC_EXHAUSTED when none is left.
      log.warn({ err: error, left: ssccLeft(db.read) }, 'no SSCC block from the centre this cycle');
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
        await topUpSscc(centre.client);
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

  /** After each local commit: soon, but once for a burst of scans, and not before a backoff ends; never later than debounceMaxMs into a burst. */
  function trigger(): void {
    if (!scheduling) return;
    const now = clock.now();
    burstSince ??= now;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(
      guard(log, 'sync after a change', () => {
        burstSince = null;
        if (nextAttemptAt === null || nextAttemptAt <= clock.now()) scheduledRound();
      }),
      Math.max(0, Math.min(syncTiming.debounceMs, burstSince + syncTiming.debounceMaxMs - now)),
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
