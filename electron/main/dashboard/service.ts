import {
  cutoffBoards,
  daySeries,
  hourMs,
  stepMs,
  type CutoffBoard,
  type CutoffCount,
  type DayReport,
  type DaySeries,
  type Rates,
  type Stage,
  type StepCount,
} from '../../../shared/dashboard';
import { defaultSiteTimeZone } from '../../../shared/people';
import { siteDay } from '../../../shared/site-time';
import type { Clock } from '../../platform/clock';
import type { Database, ReadHandle } from '../../platform/db/connection';
import { sql } from '../../platform/db/sql';
import { nextShipDate } from '../orders/repo';
import { readSite } from '../site/repo';
import { closedDay } from './close-day';

/** The shift lead's dashboard as main computes it from the station's mirror of the site. */
export type DashboardView = {
  readonly shipDate: string;
  readonly timeZone: string;
  readonly at: string;
  readonly boards: readonly CutoffBoard[];
  readonly series: DaySeries;
  readonly closed: DayReport | null;
};

/** What the dashboard counts of a ship date: per carrier and cutoff, the last hour's rates, the orders per stage and 15-minute step. */
export type DayCounts = { readonly counts: CutoffCount[]; readonly rates: Rates; readonly steps: StepCount[] };

type CountRow = {
  kind: 'board' | 'rate' | 'step';
  carrier: string | null;
  cutoff: string | null;
  stage: Stage | null;
  step: number | null;
  a: number;
  b: number;
  c: number;
  d: number;
};

/**
 * Where the orders of the ship date stand (DOMAIN, the shift lead's day; issue #13): an order is
 * picked when its runs have no unit left to pick of it (short picks count as done: the shift lead
 * settles them), packed when it has a live parcel, dispatched when that parcel is on a trailer.
 * Counted in one statement over what the station keeps per run order and per parcel as the work
 * happens (migration 13): the day's orders are joined once, then counted three ways.
 */
export function countsOf(read: ReadHandle, shipDate: string, now: number): DayCounts {
  const hourAgo = now - hourMs;
  const rows = read.all<CountRow>(sql`
    WITH day AS MATERIALIZED (
      SELECT o.carrier, o.cutoff,
             CASE WHEN r.units_left = 0 THEN r.picked_at END AS picked_at, coalesce(r.picked_by, '') AS picked_by,
             p.packed_at, coalesce(p.packed_by, '') AS packed_by, p.loaded_at, coalesce(p.loaded_by, '') AS loaded_by
      FROM customer_order o
      LEFT JOIN (
        SELECT order_id, sum(units_left) AS units_left, max(last_pick_at) AS picked_at, last_pick_by AS picked_by
        FROM run_order_progress WHERE ship_date = ${shipDate} GROUP BY order_id
      ) r ON r.order_id = o.order_id
      LEFT JOIN site_parcel p ON p.order_id = o.order_id AND p.state IN ('sealed', 'loaded', 'shipped')
      WHERE o.ship_date = ${shipDate} AND o.status = 'open' AND o.gone_at IS NULL
    ), passed (stage, at, person) AS (
      SELECT 'picked', picked_at, picked_by FROM day WHERE picked_at IS NOT NULL
      UNION ALL SELECT 'packed', packed_at, packed_by FROM day WHERE packed_at IS NOT NULL
      UNION ALL SELECT 'dispatched', loaded_at, loaded_by FROM day WHERE loaded_at IS NOT NULL
    ), stepped AS (
      SELECT stage, CAST((at + ${stepMs} - 1) / ${stepMs} AS INTEGER) * ${stepMs} AS step FROM passed WHERE at <= ${now}
    )
    SELECT 'board' AS kind, carrier, cutoff, NULL AS stage, NULL AS step,
           count(*) AS a, count(picked_at) AS b, count(packed_at) AS c, count(loaded_at) AS d
    FROM day GROUP BY carrier, cutoff
    UNION ALL
    SELECT 'rate', NULL, NULL, stage, NULL, count(*), count(DISTINCT person), 0, 0
    FROM passed WHERE at > ${hourAgo} AND at <= ${now} GROUP BY stage
    UNION ALL
    SELECT 'step', NULL, NULL, stage, step, count(*), 0, 0, 0
    FROM stepped GROUP BY stage, step`);
  const counts: CutoffCount[] = [];
  const steps: StepCount[] = [];
  const rate = { picked: { perHour: 0, people: 0 }, packed: { perHour: 0, people: 0 } };
  for (const row of rows) {
    if (row.kind === 'board')
      counts.push({ carrier: row.carrier ?? '', cutoff: row.cutoff ?? '', due: row.a, picked: row.b, packed: row.c, dispatched: row.d });
    else if (row.kind === 'step') steps.push({ stage: row.stage as Stage, step: row.step as number, count: row.a });
    else if (row.stage === 'picked' || row.stage === 'packed') rate[row.stage] = { perHour: row.a, people: row.b };
  }
  return { counts, rates: rate, steps };
}

export function createDashboardService(deps: { readonly db: Database; readonly clock: Clock }) {
  const { db, clock } = deps;

  function today(): DashboardView {
    const read = db.read;
    const timeZone = readSite(read)?.timeZone ?? defaultSiteTimeZone;
    const now = clock.now();
    const shipDate = nextShipDate(read, siteDay(now, timeZone));
    const { counts, rates, steps } = countsOf(read, shipDate, now);
    // The chart starts with the day's first work, or four hours back.
    const first = steps.reduce((earliest, entry) => Math.min(earliest, entry.step - stepMs + 1), now - 4 * hourMs);
    return {
      shipDate,
      timeZone,
      at: new Date(now).toISOString(),
      boards: cutoffBoards(counts, rates, now),
      series: daySeries(steps, first, now),
      closed: closedDay(read, shipDate),
    };
  }

  return { today };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
