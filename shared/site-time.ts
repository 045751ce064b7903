/**
 * The site's clock (issue #11): the site's day and hours are those of its IANA zone (default
 * Europe/Paris), whatever the workstation's or the web host's own zone. Pure: Intl only.
 */

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD of `at` (ms since epoch) in `timeZone`. */
export function siteDay(at: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** The calendar day `days` after `day` (YYYY-MM-DD), by the calendar, not by 24 h steps. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const minuteFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD HH:MM` of `at` (ms since epoch) in `timeZone`, 24-hour clock: what a manifest or a report prints. */
export function siteMinute(at: number, timeZone: string): string {
  let format = minuteFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    minuteFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}
