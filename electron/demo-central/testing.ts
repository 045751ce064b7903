import { v7 } from 'uuid';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { manualClock, type ManualClock } from '../platform/clock';
import type { Database } from '../platform/db/connection';
import { z } from 'zod';
import {
  bootstrapResponseSchema,
  healthSchema,
  protocolErrorSchema,
  pullResponseSchema,
  pushResponseSchema,
  reconcileResponseSchema,
  reconcileZoneResponseSchema,
  seqGapSchema,
  ssccBlockSchema,
  type BootstrapResponse,
  type CentreRecord,
  type MovementDelta,
  type PullResponse,
  type PushResponse,
  type StationEvent,
} from '../../shared/sync/protocol';
import { currentEventVersion, type EventPayloadOf, type EventType } from '../../shared/sync/station-events';
import { startCentral, type Central, type CentralOptions } from './central';
import { openCentreStore } from './store';
import {
  backupDoneSchema,
  centreDispatchSchema,
  centreExceptionsSchema,
  controlAcknowledgedSchema,
  orderControlDoneSchema,
  receivedEventsSchema,
  restoreDoneSchema,
  stockViewSchema,
  tickDoneSchema,
  runSentSchema,
  type CentreExceptions,
  type ReceivedEvents,
  type StockView,
  type TestControl,
} from './test-controls';

/**
 * Test helpers for the demo centre and for station sync tests that talk to it: a started centre in
 * a temp folder on a manual clock, an HTTP client for one station that parses every answer with
 * the protocol's schemas, and event factories.
 */

/** UUIDv7 (RFC 9562 §5.7), the event id stations use. */
export const uuidv7 = (ms = Date.now()): string => v7({ msecs: ms });

const reconcileAnswerSchema = z.union([reconcileResponseSchema, reconcileZoneResponseSchema]);

/** The schema of a 200 answer, by route: every answer a test gets is parsed with it (or with the error schema). */
const answerSchemas: Readonly<Record<string, z.ZodType>> = {
  'GET /v1/health': healthSchema,
  'POST /v1/push': pushResponseSchema,
  'GET /v1/pull': pullResponseSchema,
  'GET /v1/bootstrap': bootstrapResponseSchema,
  'GET /v1/reconcile': reconcileAnswerSchema,
  'POST /v1/sscc-blocks': ssccBlockSchema,
  'GET /v1/test/dispatch': centreDispatchSchema,
  'GET /v1/test/stock': stockViewSchema,
  'GET /v1/test/events': receivedEventsSchema,
  'GET /v1/test/exceptions': centreExceptionsSchema,
  'POST /v1/test/fail': controlAcknowledgedSchema,
  'POST /v1/test/stall': controlAcknowledgedSchema,
  'POST /v1/test/drop-after-commit': controlAcknowledgedSchema,
  'POST /v1/test/replay': controlAcknowledgedSchema,
  'POST /v1/test/backup': backupDoneSchema,
  'POST /v1/test/restore': restoreDoneSchema,
  'POST /v1/test/cancel-order': orderControlDoneSchema,
  'POST /v1/test/change-order': orderControlDoneSchema,
  'POST /v1/test/send-run': runSentSchema,
  'POST /v1/test/tick': tickDoneSchema,
};

/** Throws unless `body` is what the protocol (or the test controls) say this answer carries. */
export function checkAnswer(method: string, path: string, status: number, body: unknown): void {
  if (status !== 200) {
    protocolErrorSchema.parse(body);
    if (status === 409 && (body as { code?: unknown }).code === 'SEQ_GAP') seqGapSchema.parse(body);
    return;
  }
  const schema = answerSchemas[`${method} ${path.split('?')[0] ?? ''}`];
  if (!schema) throw new Error(`no schema for a 200 answer to ${method} ${path}`);
  schema.parse(body);
}

export type Answer = { readonly status: number; readonly headers: Headers; readonly body: unknown };

export type StationClient = {
  readonly url: string;
  readonly token: string;
  readonly get: (path: string) => Promise<Answer>;
  readonly post: (path: string, body: unknown) => Promise<Answer>;
  /** POST /v1/push, the answer parsed as the protocol says (throws on anything but 200). */
  readonly push: (events: readonly StationEvent[]) => Promise<PushResponse>;
  readonly pull: (cursor: string | null, limit?: number) => Promise<PullResponse>;
  /** Every bootstrap page, each parsed, until `next` is null. */
  readonly bootstrap: (limit?: number) => Promise<BootstrapResponse[]>;
  readonly control: (name: TestControl, body?: unknown) => Promise<Answer>;
  readonly stock: () => Promise<StockView['rows']>;
  readonly events: () => Promise<ReceivedEvents['events']>;
  /** What the centre raised itself: orders cancelled or changed while a run picked them. */
  readonly exceptions: () => Promise<CentreExceptions['exceptions']>;
  /** Every station's events, in the order the centre received them. */
  readonly siteEvents: () => Promise<ReceivedEvents['events']>;
};

export function stationClient(central: Pick<Central, 'url'>, token: string): StationClient {
  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${central.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const answer = { status: response.status, headers: response.headers, body: text.length > 0 ? (JSON.parse(text) as unknown) : null };
    checkAnswer(method, path, answer.status, answer.body);
    return answer;
  };
  const expect200 = (answer: Answer, what: string): unknown => {
    if (answer.status !== 200) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const get = (path: string): Promise<Answer> => call('GET', path);
  const post = (path: string, body: unknown): Promise<Answer> => call('POST', path, body);
  return {
    url: central.url,
    token,
    get,
    post,
    push: async (events) => pushResponseSchema.parse(expect200(await post('/v1/push', { events }), 'push')),
    pull: async (cursor, limit) => {
      const query = new URLSearchParams();
      if (cursor !== null) query.set('cursor', cursor);
      if (limit !== undefined) query.set('limit', String(limit));
      return pullResponseSchema.parse(expect200(await get(`/v1/pull?${query.toString()}`), 'pull'));
    },
    bootstrap: async (limit) => {
      const pages: BootstrapResponse[] = [];
      let next: string | null = null;
      do {
        const query = new URLSearchParams();
        if (next !== null) query.set('page', next);
        if (limit !== undefined) query.set('limit', String(limit));
        const page = bootstrapResponseSchema.parse(expect200(await get(`/v1/bootstrap?${query.toString()}`), 'bootstrap'));
        pages.push(page);
        next = page.next;
      } while (next !== null);
      return pages;
    },
    control: (name, body = {}) => post(`/v1/test/${name}`, body),
    stock: async () => stockViewSchema.parse(expect200(await get('/v1/test/stock'), 'stock')).rows,
    events: async () => receivedEventsSchema.parse(expect200(await get('/v1/test/events'), 'events')).events,
    exceptions: async () => centreExceptionsSchema.parse(expect200(await get('/v1/test/exceptions'), 'exceptions')).exceptions,
    siteEvents: async () => receivedEventsSchema.parse(expect200(await get('/v1/test/events?site=1'), 'events')).events,
  };
}

export type TestCentral = {
  readonly central: Central;
  readonly clock: ManualClock;
  readonly dataDir: string;
  /** A client for `stationId` (default 'station-1'), its token issued. */
  readonly station: (stationId?: string) => StationClient;
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** The centre's database alone, migrated, in a temp folder closed and removed after the test: for its SQL. */
export function testCentreDb(): Database {
  const dir = mkdtempSync(join(tmpdir(), 'quai-central-db-'));
  const store = openCentreStore(join(dir, 'central.sqlite'));
  cleanups.push(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  });
  return store.db();
}

/** A centre in test mode on port 0, in a temp folder, on a manual clock (2026-11-26 09:00 in Paris). */
export async function startTestCentral(options: Partial<CentralOptions> = {}): Promise<TestCentral> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'quai-central-'));
  const clock = manualClock();
  const central = await startCentral({ clock, testMode: true, ...options, dataDir });
  cleanups.push(async () => {
    await central.close();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return { central, clock, dataDir, station: (stationId = 'station-1') => stationClient(central, central.issueStationToken(stationId)) };
}

/** A station's numbered events: `seq` from 1, each a fresh UUIDv7. */
export function stockMoved(
  seq: number,
  movements: readonly MovementDelta[],
  extra: { reason?: string; orderId?: string } = {},
  occurredAt = '2026-11-26T08:30:00.000Z',
): StationEvent {
  return siteEvent(seq, 'stock.moved', { movements: [...movements], ...extra }, occurredAt);
}

export const testActor = { personId: '0193a0c4-1f2e-7000-8000-00000000c0de', name: 'Camille Martin' } as const;

/** Any event of the protocol at its current version (shared/sync/events.ts). */
export function siteEvent<T extends EventType>(seq: number, type: T, payload: EventPayloadOf<T>, occurredAt = '2026-11-26T08:30:00.000Z'): StationEvent {
  return { eventId: uuidv7(Date.parse(occurredAt)), seq, type, schemaVersion: currentEventVersion[type], occurredAt, actor: { ...testActor }, payload };
}

/** A move of `quantity` of `sku` between two places (null location = outside the warehouse). */
export function movement(
  sku: string,
  quantity: number,
  from: { location: string | null; container?: string | null },
  to: { location: string | null; container?: string | null },
  lot: string | null = null,
): MovementDelta {
  return {
    kind: from.location === null ? 'receipt' : to.location === null ? 'ship' : 'move',
    sku,
    lot,
    from: { location: from.location, container: from.container ?? null },
    to: { location: to.location, container: to.container ?? null },
    quantity,
  };
}

export const recordsOf = <E extends CentreRecord['entity']>(records: readonly CentreRecord[], entity: E): Extract<CentreRecord, { entity: E }>[] =>
  records.filter((r): r is Extract<CentreRecord, { entity: E }> => r.entity === entity);
