/**
 * Paris wall-clock time for the order day: the marketplace's cutoffs and the carriers' collections
 * are set in French local time, while the protocol speaks UTC (docs/protocol.md). Conversions go
 * through Intl and the tz database Node ships, so daylight saving is right on every date.
 */
import { formatDay, parseDay } from './tracking';

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Paris wall clock at `ms` as if it were UTC, in ms: the difference from `ms` is the offset. */
function wallClockMs(ms: number): number {
  const parts = new Map(parisParts.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const n = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.get(type));
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
}

const offsetAt = (ms: number): number => wallClockMs(ms) - Math.floor(ms / 1000) * 1000;

/** The Paris calendar day (YYYY-MM-DD) at instant `ms`. */
export function parisDayOf(ms: number): string {
  return new Date(wallClockMs(ms)).toISOString().slice(0, 10);
}

/** The instant (ms) at which Paris clocks show `hhmm` (HH:MM) on `day` (YYYY-MM-DD). */
export function parisTime(day: string, hhmm: string): number {
  const { year, month, day: date } = parseDay(day);
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new RangeError(`not a time of day (HH:MM): ${JSON.stringify(hhmm)}`);
  const wall = Date.UTC(year, month - 1, date, Number(match[1]), Number(match[2]));
  // Two passes: the offset at the first guess may be the other side of a daylight-saving change.
  const first = wall - offsetAt(wall);
  return wall - offsetAt(first);
}

/** `day` moved by `days` calendar days (negative goes back). */
export function addDays(day: string, days: number): string {
  const { year, month, day: date } = parseDay(day);
  const moved = new Date(Date.UTC(year, month - 1, date + days));
  return formatDay({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() });
}

/** YYMMDD, as order and ASN numbers carry the date. */
export const compactDay = (day: string): string => day.slice(2).replaceAll('-', '');
