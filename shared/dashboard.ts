/**
 * The shift lead's dashboard (DOMAIN, the shift lead's day; issue #13): the ship date's orders per
 * carrier and cutoff at each stage, the day's progress over time, and a forecast per cutoff — at the
 * rates of the last hour, will the cutoff be met, and how many more people would it take. Pure: main
 * gathers the facts, this computes the figures (and the tests check the arithmetic by hand).
 */
import { csvRows } from './csv';

export const stages = ['picked', 'packed', 'dispatched'] as const;
export type Stage = (typeof stages)[number];

/** One order of the ship date and when it passed each stage (ms since epoch, null: not yet). */
export type OrderProgress = {
  readonly orderId: string;
  readonly carrier: string;
  /** ISO instant the carrier's truck leaves with what is ready. */
  readonly cutoff: string;
  readonly picked: number | null;
  readonly packed: number | null;
  readonly dispatched: number | null;
};

/** Who did one unit of work of a stage, when: the last hour of it gives the rates and the head count. */
export type Activity = { readonly stage: Stage; readonly at: number; readonly personId: string };

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

const done = (order: OrderProgress, stage: Stage): boolean => order[stage] !== null;

/** The boards, one per carrier and cutoff, earliest cutoff first. */
export function cutoffBoards(orders: readonly OrderProgress[], activity: readonly Activity[], now: number): CutoffBoard[] {
  const lastHour = activity.filter((entry) => entry.at > now - hourMs && entry.at <= now);
  const rate = (stage: Stage) => {
    const of = lastHour.filter((entry) => entry.stage === stage);
    return { perHour: of.length, people: new Set(of.map((entry) => entry.personId)).size };
  };
  const pickRate = rate('picked');
  const packRate = rate('packed');
  const groups = new Map<string, OrderProgress[]>();
  const cutoffAt = new Map<string, number>();
  for (const order of orders) {
    const key = `${order.cutoff}\u0000${order.carrier}`;
    const group = groups.get(key);
    if (group) group.push(order);
    else groups.set(key, [order]);
    if (!cutoffAt.has(order.cutoff)) cutoffAt.set(order.cutoff, Date.parse(order.cutoff));
  }
  // Orders not through each stage yet, per cutoff instant.
  const leftAt = (stage: Stage): Map<number, number> => {
    const left = new Map<number, number>();
    for (const order of orders) {
      if (done(order, stage)) continue;
      const at = cutoffAt.get(order.cutoff) as number;
      left.set(at, (left.get(at) ?? 0) + 1);
    }
    return left;
  };
  const notPicked = leftAt('picked');
  const notPacked = leftAt('packed');
  // Work for every cutoff up to this one is done first: it all has to fit before this truck leaves.
  const upTo = (left: ReadonlyMap<number, number>, at: number): number => {
    let sum = 0;
    for (const [cutoff, count] of left) if (cutoff <= at) sum += count;
    return sum;
  };
  const keys = [...groups.keys()].sort();
  return keys.map((key) => {
    const group = groups.get(key) ?? [];
    const { carrier, cutoff } = group[0] as OrderProgress;
    const at = cutoffAt.get(cutoff) as number;
    const left = (stage: Stage) => upTo(stage === 'picked' ? notPicked : notPacked, at);
    const hoursLeft = (at - now) / hourMs;
    return {
      carrier,
      cutoff,
      due: group.length,
      picked: group.filter((order) => done(order, 'picked')).length,
      packed: group.filter((order) => done(order, 'packed')).length,
      dispatched: group.filter((order) => done(order, 'dispatched')).length,
      forecast: {
        pick: forecast(left('picked'), pickRate.perHour, pickRate.people, hoursLeft),
        pack: forecast(left('packed'), packRate.perHour, packRate.people, hoursLeft),
      },
    };
  });
}

/** The day's progress in 15-minute steps from `from` to `now`: how many orders had passed each stage. */
export function daySeries(orders: readonly OrderProgress[], from: number, now: number): DaySeries {
  const start = Math.floor(from / bucketMs) * bucketMs;
  const ends: number[] = [];
  for (let end = start + bucketMs; end < now + bucketMs && ends.length < 96 * 2; end += bucketMs) ends.push(Math.min(end, now));
  const count = (stage: Stage) => {
    const times = orders.flatMap((order) => (order[stage] === null ? [] : [order[stage]])).sort((a, b) => a - b);
    let index = 0;
    return ends.map((end) => {
      while (index < times.length && (times[index] as number) <= end) index += 1;
      return index;
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
