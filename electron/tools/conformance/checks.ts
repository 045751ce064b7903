import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { currentEventVersion, type EventPayloadOf, type EventType, type MovementDelta } from '../../../shared/sync/station-events';
import {
  bootstrapResponseSchema,
  healthSchema,
  protocolErrorSchema,
  protocolVersion,
  pullResponseSchema,
  pushResponseSchema,
  seqGapSchema,
  type BootstrapResponse,
  type CentreRecord,
  type StationEvent,
} from '../../../shared/sync/protocol';

/**
 * The protocol's conformance checks (docs/protocol.md): run against any centre, with one or two
 * station tokens of a TEST site (the checks push events: moves of one unit that they move back,
 * and a recount task they cancel). The marketplace's team runs them on their own service with
 * `npm run conformance -- --url <centre> --token <token> [--token2 <token of another station>]`.
 */

export type CheckResult = { readonly name: string; readonly ok: boolean; readonly detail: string };

type Answer = { readonly status: number; readonly body: unknown };

class CheckFailed extends Error {}

function must(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

function parse<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  must(parsed.success, `${what} does not follow the protocol: ${parsed.success ? '' : (parsed.error.issues[0]?.message ?? '')}`);
  return parsed.data;
}

function stationOf(url: string, token: string | null) {
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(new URL(path, url), {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  };
  let seq = 0;
  const event = <T extends EventType>(type: T, payload: EventPayloadOf<T>, overrides: Partial<StationEvent> = {}): StationEvent => ({
    eventId: uuidv7(),
    seq: ++seq,
    type,
    schemaVersion: currentEventVersion[type],
    occurredAt: new Date().toISOString(),
    actor: { personId: '0193a0c4-1f2e-7000-8000-0000c0f0c0f0', name: 'Conformance check' },
    payload,
    ...overrides,
  });
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    /** Continues the station's seq from what the centre has processed. */
    startAt: (lastProcessedSeq: number) => {
      seq = lastProcessedSeq;
    },
    event,
    nextSeq: () => seq + 1,
    skipSeq: (by: number) => {
      seq += by;
    },
  };
}

async function bootstrapAll(station: ReturnType<typeof stationOf>, limit: number): Promise<BootstrapResponse[]> {
  const pages: BootstrapResponse[] = [];
  let next: string | null = null;
  do {
    const query = new URLSearchParams({ limit: String(limit), ...(next ? { page: next } : {}) });
    const answer = await station.get(`/v1/bootstrap?${query.toString()}`);
    must(answer.status === 200, `bootstrap page answered HTTP ${answer.status}`);
    const page = parse(bootstrapResponseSchema, answer.body, 'a bootstrap page');
    pages.push(page);
    next = page.next;
    must(pages.length < 10_000, 'bootstrap never ends');
  } while (next !== null);
  return pages;
}

const stockOf = (records: readonly CentreRecord[]) => records.flatMap((r) => (r.entity === 'stock' && r.data && r.data.quantity > 1 ? [r.data] : []));

export async function runConformance(options: { readonly url: string; readonly token: string; readonly token2?: string | undefined }): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const check = async (name: string, run: () => Promise<string>): Promise<void> => {
    try {
      results.push({ name, ok: true, detail: await run() });
    } catch (error) {
      results.push({ name, ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  };
  const one = stationOf(options.url, options.token);
  const two = options.token2 ? stationOf(options.url, options.token2) : null;
  let epoch = '';
  let records: CentreRecord[] = [];
  let cursor = '';

  await check('auth: every route refuses a missing or unknown token with 401 { code, message }', async () => {
    for (const path of ['/v1/health', '/v1/pull', '/v1/bootstrap']) {
      for (const station of [stationOf(options.url, null), stationOf(options.url, 'not-a-token-of-this-centre')]) {
        const answer = await station.get(path);
        must(answer.status === 401, `${path} answered ${answer.status} without a valid token`);
        parse(protocolErrorSchema, answer.body, `the 401 of ${path}`);
      }
    }
    const push = await stationOf(options.url, null).post('/v1/push', { events: [] });
    must(push.status === 401 || push.status === 400, `push answered ${push.status} without a token`);
    return 'health, pull, bootstrap and push refuse';
  });

  await check(`health: epoch, time, minClientVersion, protocol ${protocolVersion}`, async () => {
    const answer = await one.get('/v1/health');
    must(answer.status === 200, `health answered ${answer.status}`);
    const health = parse(healthSchema, answer.body, 'health');
    must(health.protocolVersion === protocolVersion, `protocolVersion ${health.protocolVersion}, this suite checks ${protocolVersion}`);
    epoch = health.epoch;
    return `site ${health.siteId}, station ${health.stationId}`;
  });

  await check('bootstrap: small pages cover each record once, with one cursor and the station seq', async () => {
    const pages = await bootstrapAll(one, 50);
    records = pages.flatMap((page) => page.records);
    const keys = records.map((r) => `${r.entity}:${r.key}`);
    must(new Set(keys).size === keys.length, 'a record came twice in one snapshot');
    must(new Set(pages.map((p) => p.cursor)).size === 1, 'pages carry different cursors');
    must(
      pages.every((p) => p.epoch === epoch),
      'a page is from another epoch',
    );
    cursor = pages[0]?.cursor ?? '';
    one.startAt(pages[0]?.lastProcessedSeq ?? 0);
    must(stockOf(records).length > 0, 'the site has no stock line of 2 units or more to move for the checks');
    return `${pages.length} pages, ${records.length} records`;
  });

  const line = (): { move: (from: string, to: string) => MovementDelta; away: string; home: string } => {
    const stock = stockOf(records)[0];
    must(stock, 'no stock to move');
    const other = records.find((r) => r.entity === 'location' && r.key !== stock.location && r.data?.active);
    must(other, 'no second location');
    const place = (location: string) => ({ location, container: location === stock.location ? stock.container : null });
    return {
      home: stock.location,
      away: other.key,
      move: (from, to) => ({ kind: 'move', sku: stock.sku, lot: stock.lot, from: place(from), to: place(to), quantity: 1 }),
    };
  };

  const movedIds: string[] = [];
  await check('push: applied, then duplicate on a resend; lastProcessedSeq follows', async () => {
    const { move, home, away } = line();
    const events = [one.event('stock.moved', { movements: [move(home, away)] }), one.event('stock.moved', { movements: [move(away, home)] })];
    const first = parse(pushResponseSchema, (await one.post('/v1/push', { events })).body, 'push answer');
    must(
      first.results.every((r) => r.status === 'applied'),
      `expected applied, got ${first.results.map((r) => r.status).join(', ')}`,
    );
    must(first.lastProcessedSeq === events.at(-1)?.seq, `lastProcessedSeq ${first.lastProcessedSeq}`);
    const again = parse(pushResponseSchema, (await one.post('/v1/push', { events })).body, 'resend answer');
    must(
      again.results.every((r) => r.status === 'duplicate'),
      `a resend gave ${again.results.map((r) => r.status).join(', ')}`,
    );
    movedIds.push(...events.map((e) => e.eventId));
    return 'two moves applied once';
  });

  await check('push: a skipped seq is 409 SEQ_GAP and applies nothing; a reused seq is rejected SEQ_REUSED', async () => {
    const { move, home, away } = line();
    one.skipSeq(3);
    const gap = await one.post('/v1/push', { events: [one.event('stock.moved', { movements: [move(home, away)] })] });
    must(gap.status === 409, `a gap answered ${gap.status}`);
    const body = parse(seqGapSchema, gap.body, 'SEQ_GAP');
    one.startAt(body.lastProcessedSeq);
    const reused = one.event('stock.moved', { movements: [move(home, away)] }, { seq: body.lastProcessedSeq });
    const answer = parse(pushResponseSchema, (await one.post('/v1/push', { events: [reused] })).body, 'push answer');
    must(
      answer.results[0]?.status === 'rejected' && answer.results[0].problem?.code === 'SEQ_REUSED',
      `a reused seq gave ${JSON.stringify(answer.results[0])}`,
    );
    one.startAt(answer.lastProcessedSeq);
    return `resumed at seq ${body.lastProcessedSeq + 1}`;
  });

  await check('push: unknown SKU, bad payload, unknown type and version are rejected with their code; the seq counts', async () => {
    const { move, home, away } = line();
    const events = [
      one.event('stock.moved', { movements: [{ ...move(home, away), sku: 'NO-SUCH-SKU-CONFORMANCE' }] }),
      one.event('stock.moved', { movements: [] }, { payload: { movements: 'not a list' } }),
      one.event('stock.moved', { movements: [] }, { type: 'no.such-type' }),
      one.event('stock.moved', { movements: [] }, { schemaVersion: 999 }),
    ];
    const answer = parse(pushResponseSchema, (await one.post('/v1/push', { events })).body, 'push answer');
    const codes = answer.results.map((r) => `${r.status}:${r.problem?.code ?? ''}`);
    const wanted = ['rejected:UNKNOWN_SKU', 'rejected:BAD_PAYLOAD', 'rejected:UNKNOWN_EVENT_TYPE', 'rejected:UNSUPPORTED_EVENT_VERSION'];
    must(JSON.stringify(codes) === JSON.stringify(wanted), `got ${codes.join(', ')}`);
    must(answer.lastProcessedSeq === events.at(-1)?.seq, 'rejected events must count as processed');
    return wanted.join(', ');
  });

  await check("pull: changes in commit order from the bootstrap cursor, the station's own moves among them", async () => {
    const answer = await one.get(`/v1/pull?${new URLSearchParams({ cursor, limit: '1000' }).toString()}`);
    const pulled = parse(pullResponseSchema, answer.body, 'pull');
    const ids = pulled.changes.map((c) => c.changeId);
    must(
      ids.every((id, index) => index === 0 || id > (ids[index - 1] ?? 0)),
      'change ids are not increasing',
    );
    const moves = pulled.changes.flatMap((c) => (c.entity === 'movement' && c.data ? [c.data.eventId] : []));
    must(
      movedIds.every((id) => moves.includes(id)),
      "the station's applied moves are not in its pull",
    );
    const none = parse(pullResponseSchema, (await one.get('/v1/pull')).body, 'pull without cursor');
    must(none.mustRefetch, 'a pull without cursor must ask for a bootstrap');
    const bad = await one.get('/v1/pull?cursor=not-a-cursor');
    must(bad.status === 400, `a foreign cursor answered ${bad.status}`);
    return `${pulled.changes.length} changes`;
  });

  if (!two) {
    results.push({ name: 'fan-out and claims (need --token2)', ok: true, detail: 'skipped: give a second station token to check them' });
    return results;
  }

  await check("fan-out: another station of the site pulls this station's moves", async () => {
    const pages = await bootstrapAll(two, 1000);
    two.startAt(pages[0]?.lastProcessedSeq ?? 0);
    const { move, home, away } = line();
    const out = one.event('stock.moved', { movements: [move(home, away)] });
    const back = one.event('stock.moved', { movements: [move(away, home)] });
    parse(pushResponseSchema, (await one.post('/v1/push', { events: [out, back] })).body, 'push answer');
    const pulled = parse(
      pullResponseSchema,
      (await two.get(`/v1/pull?${new URLSearchParams({ cursor: pages[0]?.cursor ?? '', limit: '1000' }).toString()}`)).body,
      'pull',
    );
    const seen = pulled.changes.flatMap((c) => (c.entity === 'movement' && c.data ? [c.data.eventId] : []));
    must(seen.includes(out.eventId) && seen.includes(back.eventId), 'the other station does not get the moves');
    return 'both moves fanned out';
  });

  await check('claims: the first claim the centre receives wins; the later one is ALREADY_CLAIMED', async () => {
    const { home } = line();
    const taskId = uuidv7();
    const created = parse(
      pushResponseSchema,
      (await one.post('/v1/push', { events: [one.event('task.created', { taskId, kind: 'recount', location: home })] })).body,
      'push',
    );
    must(created.results[0]?.status === 'applied', `task.created gave ${created.results[0]?.status}`);
    const won = parse(pushResponseSchema, (await two.post('/v1/push', { events: [two.event('task.claimed', { taskId })] })).body, 'push');
    must(won.results[0]?.status === 'applied', `the first claim gave ${won.results[0]?.status}`);
    const lost = parse(pushResponseSchema, (await one.post('/v1/push', { events: [one.event('task.claimed', { taskId })] })).body, 'push');
    must(
      lost.results[0]?.status === 'accepted_with_exception' && lost.results[0].problem?.code === 'ALREADY_CLAIMED',
      `the second claim gave ${JSON.stringify(lost.results[0])}`,
    );
    await one.post('/v1/push', { events: [one.event('task.closed', { taskId, decision: 'cancelled', reason: 'conformance check' })] });
    return 'one winner';
  });

  return results;
}
