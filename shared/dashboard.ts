/**
 * The shift lead's dashboard (DOMAIN, the shift lead's day; issue #13): the ship date's orders per
 * carrier and cutoff at each stage, the day's progress over time, and a forecast per cutoff — at the
 * rates of the last hour, will the cutoff be met, and how many more people would it take. Pure: main
 * gathers the facts, this computes the figures (and the tests check the arithmetic by hand).
 */
import { csvRows } from './csv';

export const stages = ['picked', 'packed', 'dispatched'] as const;
export type Stage = (typeof stages)[number];

/** The ship date's orders of one carrier and cutoff, and how many have passed each stage. */
export type CutoffCount = {
  readonly carrier: string;
  /** ISO instant the carrier's truck leaves with what is ready. */
  readonly cutoff: string;
  readonly due: number;
  readonly picked: number;
  readonly packed: number;
  readonly dispatched: number;
};

/** A stage's work in the last hour, site-wide: orders through it and the people who did them (the rates and the head count). */
export type StageRate = { readonly perHour: number; readonly people: number };
export type Rates = { readonly picked: StageRate; readonly packed: StageRate };

/** Orders that passed a stage within one 15-minute step of the day (`step`: the step's end, ms since epoch). */
export type StepCount = { readonly stage: Stage; readonly step: number; readonly count: number };

export type Forecast = {
  /** Orders still to go through the stage before this cutoff, earlier cutoffs' included (they go first). */
  readonly remaining: number;
  /** Orders through the stage in the last hour, site-wide. */
  readonly perHour: number;
  /** People who did the stage in the last hour. */
  readonly people: number;
  readonly hoursLeft: number;
  /** `on_track`: done in time at the current rate; `at_risk`: not at it; `no_rate`: nothing done in the last hour to measure; `done`; `late`: the cutoff has passed with work left. */
  readonly verdict: 'done' | 'on_track' | 'at_risk' | 'no_rate' | 'late';
  /** More people the stage needs to make it, at the last hour's rate per person (0 when on track, null when it cannot be said). */
  readonly extraPeople: number | null;
};

export type CutoffBoard = {
  readonly carrier: string;
  readonly cutoff: string;
  readonly due: number;
  readonly picked: number;
  readonly packed: number;
  readonly dispatched: number;
  readonly forecast: { readonly pick: Forecast; readonly pack: Forecast };
};

/** Cumulative orders through each stage at the end of each bucket of the day. */
export type DaySeries = {
  readonly at: readonly string[];
  readonly picked: readonly number[];
  readonly packed: readonly number[];
  readonly dispatched: readonly number[];
};

export const hourMs = 3_600_000;
const bucketMs = 15 * 60_000;

/**
 * The forecast for one stage and cutoff: `remaining` orders at `perHour` with `people` people, in the
 * hours until the cutoff. The rate per person is the last hour's rate shared by its people; the
 * people it takes are the remaining work over what one person does by the cutoff.
 */
export function forecast(remaining: number, perHour: number, people: number, hoursLeft: number): Forecast {
  const base = { remaining, perHour, people, hoursLeft: Math.max(0, Math.round(hoursLeft * 100) / 100) };
  if (remaining === 0) return { ...base, verdict: 'done', extraPeople: 0 };
  if (hoursLeft <= 0) return { ...base, verdict: 'late', extraPeople: null };
  if (perHour === 0 || people === 0) return { ...base, verdict: 'no_rate', extraPeople: null };
  if (remaining <= perHour * hoursLeft) return { ...base, verdict: 'on_track', extraPeople: 0 };
  const perPerson = perHour / people;
  const needed = Math.ceil(remaining / (perPerson * hoursLeft));
  return { ...base, verdict: 'at_risk', extraPeople: Math.max(1, needed - people) };
}

/** The boards, one per carrier and cutoff, earliest cutoff first. */
export function cutoffBoards(counts: readonly CutoffCount[], rates: Rates, now: number): CutoffBoard[] {
  // Work for every cutoff up to this one is done first: it all has to fit before this truck leaves.
  const leftUpTo = (stage: 'picked' | 'packed', at: number): number =>
    counts.reduce((sum, count) => (Date.parse(count.cutoff) <= at ? sum + count.due - count[stage] : sum), 0);
  const sorted = [...counts].sort((a, b) => a.cutoff.localeCompare(b.cutoff) || a.carrier.localeCompare(b.carrier));
  return sorted.map((count) => {
    const at = Date.parse(count.cutoff);
    const hoursLeft = (at - now) / hourMs;
    return {
      ...count,
      forecast: {
        pick: forecast(leftUpTo('picked', at), rates.picked.perHour, rates.picked.people, hoursLeft),
        pack: forecast(leftUpTo('packed', at), rates.packed.perHour, rates.packed.people, hoursLeft),
      },
    };
  });
}

/** The end of the 15-minute step an instant falls in (an instant on a step's end belongs to that step). */
export const stepOf = (at: number): number => Math.ceil(at / bucketMs) * bucketMs;
export const stepMs = bucketMs;

/**
 * The day's progress in 15-minute steps from `from` to `now`: how many orders had passed each stage
 * by the end of each step (the last one ends now). `steps` counts the orders per stage and step.
 */
export function daySeries(steps: readonly StepCount[], from: number, now: number): DaySeries {
  const start = Math.floor(from / bucketMs) * bucketMs;
  const ends: number[] = [];
  for (let end = start + bucketMs; end < now + bucketMs && ends.length < 96 * 2; end += bucketMs) ends.push(Math.min(end, now));
  const count = (stage: Stage) => {
    const of = steps.filter((entry) => entry.stage === stage && entry.count > 0).sort((a, b) => a.step - b.step);
    let index = 0;
    let total = 0;
    return ends.map((end) => {
      while (index < of.length && (of[index] as StepCount).step <= stepOf(end)) {
        total += (of[index] as StepCount).count;
        index += 1;
      }
      return total;
    });
  };
  return { at: ends.map((end) => new Date(end).toISOString()), picked: count('picked'), packed: count('packed'), dispatched: count('dispatched') };
}

/** An order of the day that left on no trailer, and why (the shift lead's word at the close of day). */
export type Explained = { readonly orderId: string; readonly carrier: string; readonly state: 'not_packed' | 'sealed' | 'loaded'; readonly reason: string };

/** Before the close of day: the station's events not pushed yet, and the ship date's orders that left on no trailer. */
export type DayLeft = {
  readonly shipDate: string;
  readonly pending: number;
  readonly closed: boolean;
  readonly left: readonly Omit<Explained, 'reason'>[];
};

/** The close-of-day report (DOMAIN, the shift lead's day): what left, per carrier and trailer, and what did not, with why. */
export type DayReport = {
  readonly shipDate: string;
  /** Site time, `YYYY-MM-DD HH:MM`. */
  readonly closedAt: string;
  readonly closedBy: string;
  readonly carriers: readonly { readonly carrier: string; readonly due: number; readonly shipped: number; readonly explained: number }[];
  readonly trailers: readonly { readonly carrier: string; readonly label: string; readonly parcels: number; readonly closedAt: string | null }[];
  readonly explained: readonly Explained[];
};

/** The report as CSV (RFC 4180). */
export function dayReportCsv(report: DayReport): string {
  const rows: (string | number)[][] = [
    ['ship_date', 'closed_at', 'closed_by'],
    [report.shipDate, report.closedAt, report.closedBy],
    [],
    ['carrier', 'due', 'shipped', 'explained'],
    ...report.carriers.map((carrier) => [carrier.carrier, carrier.due, carrier.shipped, carrier.explained]),
    [],
    ['carrier', 'trailer', 'parcels', 'closed_at'],
    ...report.trailers.map((trailer) => [trailer.carrier, trailer.label, trailer.parcels, trailer.closedAt ?? '']),
  ];
  if (report.explained.length > 0)
    rows.push([], ['order', 'carrier', 'state', 'reason'], ...report.explained.map((entry) => [entry.orderId, entry.carrier, entry.state, entry.reason]));
  return csvRows(rows);
}
