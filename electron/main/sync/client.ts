import type { z } from 'zod';
import {
  demoEnrolmentSchema,
  healthSchema,
  pushResponseSchema,
  reconcileResponseSchema,
  reconcileZoneResponseSchema,
  seqGapSchema,
  ssccBlockSchema,
  type SsccBlockGrant,
  type Health,
  type PushResponse,
  type ReconcileResponse,
  type ReconcileZoneResponse,
  type StationEvent,
} from '../../../shared/sync/protocol';

/** The centre answers UTF-8 JSON; a broken sequence reads as U+FFFD (then fails its schema), as `Response.text()` reads it. */
export const utf8 = new TextDecoder();

/** Why a request to the centre did not give a usable answer. */
export type FailureKind = 'network' | 'timeout' | 'http' | 'protocol' | 'auth';

export class SyncFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    /** From Retry-After (503): do not ask again before this many milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

export type SeqGap = { readonly seqGap: true; readonly lastProcessedSeq: number; readonly epoch: string };

export type CentreClient = {
  readonly health: () => Promise<Health>;
  readonly push: (events: readonly StationEvent[]) => Promise<PushResponse | SeqGap>;
  /**
   * A pull or bootstrap page as the centre sent it, as bytes (its status checked, its body neither
   * decoded nor parsed): the mirror writer decodes, reads and checks it off the main thread
   * (page-store.ts).
   */
  readonly pullPage: (cursor: string | null, limit: number) => Promise<Uint8Array>;
  readonly bootstrapPage: (page: string | null, limit: number) => Promise<Uint8Array>;
  readonly reconcile: (cursor: string) => Promise<ReconcileResponse>;
  readonly reconcileZone: (cursor: string, zone: string) => Promise<ReconcileZoneResponse>;
  /** A block of SSCC serial references for this station alone (docs/protocol.md, SSCC blocks). */
  readonly ssccBlock: (size: number) => Promise<SsccBlockGrant>;
};

export type Timeouts = { readonly firstByteMs: number; readonly totalMs: number };
export const defaultTimeouts: Timeouts = { firstByteMs: 10_000, totalMs: 60_000 };

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The centre over HTTP. Every request has two deadlines (docs/design.md §4): the first byte within 10 s and
 * the whole answer within 60 s. Every answer is parsed with the shared schema before use.
 */
export function createCentreClient(options: {
  readonly baseUrl: string;
  readonly token: string;
  readonly timeouts?: Timeouts;
  readonly now?: () => number;
}): CentreClient {
  const timeouts = options.timeouts ?? defaultTimeouts;
  const now = options.now ?? Date.now;

  /** One request under both deadlines; the answer's body, or why there is none. */
  async function exchange(path: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<{ readonly response: Response; readonly body: Uint8Array }> {
    const controller = new AbortController();
    let phase: 'first byte' | 'body' = 'first byte';
    const total = setTimeout(() => controller.abort(), timeouts.totalMs);
    const firstByte = setTimeout(() => controller.abort(), timeouts.firstByteMs);
    try {
      let response: Response;
      try {
        response = await fetch(new URL(path, options.baseUrl), {
          method: init.method,
          headers: { Authorization: `Bearer ${options.token}`, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          body: init.body === undefined ? null : JSON.stringify(init.body),
          signal: controller.signal,
        });
      } catch (error) {
        if (controller.signal.aborted) throw new SyncFailure('timeout', `no answer from the centre within ${timeouts.firstByteMs / 1000} s (${path})`);
        throw new SyncFailure('network', `cannot reach the centre: ${(error as Error).message}`);
      }
      clearTimeout(firstByte);
      phase = 'body';
      try {
        // Bytes, not text: a page is decoded where it is read, on the mirror writer's thread.
        return { response, body: new Uint8Array(await response.arrayBuffer()) };
      } catch (error) {
        if (controller.signal.aborted) throw new SyncFailure('timeout', `the centre's answer took more than ${timeouts.totalMs / 1000} s (${path})`);
        throw new SyncFailure('network', `the centre's answer broke off (HTTP ${response.status}): ${(error as Error).message}`, response.status);
      }
    } catch (error) {
      if (error instanceof SyncFailure) throw error;
      throw new SyncFailure(phase === 'body' ? 'timeout' : 'network', String(error));
    } finally {
      clearTimeout(firstByte);
      clearTimeout(total);
    }
  }

  /** Refused tokens and error statuses, as failures a person can be told. */
  function refuse(response: Response, path: string): never {
    if (response.status === 401 || response.status === 403) throw new SyncFailure('auth', 'the centre refused this station token', response.status);
    throw new SyncFailure(
      'http',
      `the centre answered HTTP ${response.status} (${path})`,
      response.status,
      parseRetryAfter(response.headers.get('retry-after'), now()),
    );
  }

  async function request<S extends z.ZodType>(
    path: string,
    schema: S,
    init: { method: 'GET' | 'POST'; body?: unknown } = { method: 'GET' },
    accept409 = false,
  ): Promise<z.infer<S> | SeqGap> {
    const answer = await exchange(path, init);
    const { response } = answer;
    let body: unknown;
    try {
      body = JSON.parse(utf8.decode(answer.body));
    } catch (error) {
      if (!response.ok) refuse(response, path);
      throw new SyncFailure('protocol', `unreadable answer (HTTP ${response.status}): ${(error as Error).message}`, response.status);
    }
    if (response.status === 409 && accept409) {
      const gap = seqGapSchema.safeParse(body);
      if (gap.success) return { seqGap: true, lastProcessedSeq: gap.data.lastProcessedSeq, epoch: gap.data.epoch };
    }
    if (!response.ok) refuse(response, path);
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new SyncFailure('protocol', `the centre's answer does not follow the protocol (${path}): ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data;
  }

  async function page(path: string): Promise<Uint8Array> {
    const { response, body } = await exchange(path, { method: 'GET' });
    if (!response.ok) refuse(response, path);
    return body;
  }

  const query = (params: Record<string, string | number | null>): string => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== null) search.set(key, String(value));
    return search.toString();
  };

  return {
    health: async () => (await request('/v1/health', healthSchema)) as Health,
    push: (events) => request<typeof pushResponseSchema>('/v1/push', pushResponseSchema, { method: 'POST', body: { events } }, true),
    pullPage: (cursor, limit) => page(`/v1/pull?${query({ cursor, limit })}`),
    bootstrapPage: (token, limit) => page(`/v1/bootstrap?${query({ page: token, limit })}`),
    reconcile: async (cursor) => (await request(`/v1/reconcile?${query({ cursor })}`, reconcileResponseSchema)) as ReconcileResponse,
    reconcileZone: async (cursor, zone) => (await request(`/v1/reconcile?${query({ cursor, zone })}`, reconcileZoneResponseSchema)) as ReconcileZoneResponse,
    ssccBlock: async (size) => (await request('/v1/sscc-blocks', ssccBlockSchema, { method: 'POST', body: { size } })) as SsccBlockGrant,
  };
}

/**
 * The demo centre enrols any station that asks on its loopback address (docs/protocol.md, demo
 * centre): the answer is this station's own bearer token, kept in the secret store.
 */
export async function enrolDemoStation(baseUrl: string, stationId: string, timeouts: Timeouts): Promise<string> {
  let response: Response;
  try {
    response = await fetch(new URL('/v1/demo/enrol', baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ stationId }),
      signal: AbortSignal.timeout(timeouts.totalMs),
    });
  } catch (error) {
    throw new SyncFailure('network', `cannot reach the demo centre: ${(error as Error).message}`);
  }
  const parsed = demoEnrolmentSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success)
    throw new SyncFailure('protocol', `the demo centre did not enrol this station (HTTP ${response.status})`, response.status);
  return parsed.data.token;
}
