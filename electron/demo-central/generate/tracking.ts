/**
 * Lots and expiry dates. Dates are calendar days (YYYY-MM-DD) handled in UTC, with no clock: the
 * caller says what "today" is, so a seed gives the same dates on any day it runs.
 */
import type { Random } from './random';

export type CalendarDay = { readonly year: number; readonly month: number /* 1–12 */; readonly day: number };

/** Parses YYYY-MM-DD (a real calendar day), or throws RangeError. */
export function parseDay(text: string): CalendarDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(text)}`);
  }
  return { year, month, day };
}

export const formatDay = ({ year, month, day }: CalendarDay): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The month `months` after (or before, if negative) the month of `from`, as year and month. */
function shiftMonth(from: CalendarDay, months: number): { year: number; month: number } {
  const index = from.year * 12 + (from.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * An expiry date 1 to 36 months after `today`: a day in a later calendar month, so always after
 * today. Adhesives and cleaning sprays carry a best-before of that order.
 */
export function expiryAfter(random: Random, today: CalendarDay): string {
  const { year, month } = shiftMonth(today, random.int(1, 36));
  return formatDay({ year, month, day: random.int(1, daysInMonth(year, month)) });
}

/**
 * A lot number as the factories print them: L + year and month of manufacture (YYMM, within the
 * year before `today`) + a 4-digit run, e.g. L2611-0042.
 */
export function lotBefore(random: Random, today: CalendarDay): string {
  const { year, month } = shiftMonth(today, -random.int(0, 11));
  return `L${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}-${String(random.int(1, 9999)).padStart(4, '0')}`;
}
