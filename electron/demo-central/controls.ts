import type { z } from 'zod';
import { toIso } from '../platform/clock';
import { sql } from '../platform/db/sql';
import { centreStationId } from '../../shared/people';
import type { ExceptionData } from '../../shared/sync/site-exceptions';
import type { Backups } from './backup';
import { isKnownSku } from './catalogue';
import type { Faults } from './faults';
import { describeIssues, ok, problem, type Reply } from './http';
import { cancel, change } from './amendments';
import type { Simulation } from './simulation';
import { sendRun } from './sent-runs';
import { readSiteStock } from './site-stock';
import type { CentreStore } from './store';
import { testControlSchemas, type CentreDispatch, type CentreExceptions, type ReceivedEvents, type TestControl } from './test-controls';

export type ControlDeps = {
  readonly store: CentreStore;
  readonly simulation: Simulation;
  readonly faults: Faults;
  readonly backups: Backups;
};

export const isTestControl = (name: string): name is TestControl => Object.hasOwn(testControlSchemas, name);

type ControlHandlers = { readonly [K in TestControl]: (input: z.infer<(typeof testControlSchemas)[K]>) => Reply | Promise<Reply> };

function controlHandlers(deps: ControlDeps, stationId: string): ControlHandlers {
  const { faults, simulation } = deps;
  const db = deps.store.db();
  const arm = (plan: Parameters<Faults['arm']>[1]): Reply => {
    faults.arm(stationId, plan);
    return ok({ ok: true });
  };
  return {
    fail: ({ count, status, retryAfter }) => arm({ fail: { count, status, retryAfter: retryAfter ?? 1 } }),
    stall: (stall) => arm({ stall }),
    'drop-after-commit': ({ count }) => arm({ dropAfterCommit: count }),
    replay: ({ count }) => arm({ replay: count }),
    backup: async () => {
      const info = await deps.backups.backup(simulation.now());
      return ok({ ok: true, epoch: info.epoch, at: toIso(info.at) });
    },
    restore: () => {
      const info = deps.backups.restore();
      if (!info) return problem(409, 'NO_BACKUP', 'no backup was made since the centre started');
      return ok({ ok: true, epoch: info.epoch, previousEpoch: info.previousEpoch, backupAt: toIso(info.backupAt) });
    },
    'cancel-order': ({ orderId }) => {
      const outcome = db.write((tx) => cancel(tx, orderId, simulation.now()));
      return outcome ? ok(outcome) : problem(404, 'ORDER_NOT_FOUND', `no order ${orderId}`);
    },
    'change-order': ({ orderId, lines }) => {
      const unknown = lines.filter((l) => !isKnownSku(db.read, l.sku)).map((l) => l.sku);
      if (unknown.length > 0) return problem(400, 'UNKNOWN_SKU', `unknown SKU ${unknown.join(', ')}`);
      const outcome = db.write((tx) => change(tx, orderId, lines, simulation.now()));
      if (!outcome) return problem(404, 'ORDER_NOT_FOUND', `no order ${orderId}`);
      if (outcome.order.status === 'cancelled') return problem(409, 'ORDER_CANCELLED', `order ${orderId} is cancelled`);
      return ok(outcome);
    },
    'send-run': (input) => {
      const sent = db.write((tx) => sendRun(tx, input, simulation.now()));
      return sent ? ok(sent) : problem(409, 'NO_ORDER_TO_SEND', 'no open order in no run that the site can fill');
    },
    tick: ({ minutes }) => {
      const released = simulation.tick(minutes);
      return ok({ simulatedTime: toIso(simulation.now()), released });
    },
  };
}

/** POST /v1/test/<control>: the body is parsed with its schema (400 otherwise), then the control runs. */
export async function runControl(deps: ControlDeps, stationId: string, name: TestControl, body: unknown): Promise<Reply> {
  const parsed = testControlSchemas[name].safeParse(body ?? {});
  if (!parsed.success) return problem(400, 'BAD_REQUEST', describeIssues(parsed.error.issues));
  // The schema and the handler are looked up by the same name; TypeScript cannot correlate the two.
  const handler = controlHandlers(deps, stationId)[name] as (input: unknown) => Reply | Promise<Reply>;
  return handler(parsed.data);
}

/** GET /v1/test/stock: the centre's view of the calling station's stock. */
/** The site's one stock, whichever station asks. */
export function readStockControl(deps: ControlDeps): Reply {
  return ok({ rows: readSiteStock(deps.store.db().read) });
}

type EventRow = {
  event_id: string;
  station_id: string;
  seq: number;
  type: string | null;
  occurred_at: string | null;
  received_at: number;
  status: ReceivedEvents['events'][number]['status'];
  problem_code: string | null;
  problem_message: string | null;
  order_id: string | null;
};

/**
 * GET /v1/test/events: what the calling station pushed (`?site=1`: every station of the site), with
 * the status each got (duplicates are not stored).
 */
export function readEventsControl(deps: ControlDeps, stationId: string, site: boolean): Reply {
  const read = deps.store.db().read;
  const columns = sql`event_id, station_id, seq, type, occurred_at, received_at, status, problem_code, problem_message, order_id`;
  const rows = site
    ? read.all<EventRow>(sql`SELECT ${columns} FROM event ORDER BY received_at, station_id, seq`)
    : read.all<EventRow>(sql`SELECT ${columns} FROM event WHERE station_id = ${stationId} ORDER BY seq, received_at`);
  const events: ReceivedEvents['events'] = rows.map((row) => ({
    eventId: row.event_id,
    stationId: row.station_id,
    seq: row.seq,
    type: row.type,
    occurredAt: row.occurred_at,
    receivedAt: toIso(row.received_at),
    status: row.status,
    ...(row.problem_code !== null ? { problem: { code: row.problem_code, message: row.problem_message ?? '' } } : {}),
    orderId: row.order_id,
  }));
  return ok({ events });
}

/** GET /v1/test/exceptions: what the centre raised itself (an order cancelled or changed while a run picked it), oldest first. */
export function readExceptionsControl(deps: ControlDeps): Reply {
  const rows = deps.store
    .db()
    .read.all<{ data: string }>(sql`SELECT data FROM site_exception WHERE json_extract(data, '$.raisedBy.stationId') = ${centreStationId} ORDER BY rowid`);
  const exceptions: CentreExceptions['exceptions'] = rows.map((row) => {
    const exception = JSON.parse(row.data) as ExceptionData;
    const text = (key: string): string => String(exception.detail[key] ?? '');
    return { at: exception.raisedAt, code: exception.kind, runId: text('runId'), orderId: text('orderId'), message: text('message') };
  });
  return ok({ exceptions });
}

/** GET /v1/test/dispatch: every parcel and trailer of the site, in SSCC and opening order. */
export function readDispatchControl(deps: ControlDeps): Reply {
  const read = deps.store.db().read;
  const parcels = read
    .all<{ data: string }>(sql`SELECT data FROM site_parcel ORDER BY sscc`)
    .map((row) => JSON.parse(row.data) as CentreDispatch['parcels'][number]);
  const trailers = read
    .all<{ data: string }>(sql`SELECT data FROM site_trailer ORDER BY trailer_id`)
    .map((row) => JSON.parse(row.data) as CentreDispatch['trailers'][number]);
  const dispatch: CentreDispatch = { parcels, trailers };
  return ok(dispatch);
}
