/**
 * Dates in GS1 AI values (YYMMDD).
 *
 * GS1 General Specifications §7.12 "Determination of century in dates": with YY the year in the data
 * and CY the last two digits of the current year, YY - CY of 51 or more means the previous century,
 * -50 or less the next century, anything between the current century (boundaries as in the reference
 * linter gs1-syntax-engine lint_yymmd0.c).
 */

export const currentUtcYear = (): number => new Date().getUTCFullYear();

/** Four-digit year for a two-digit GS1 year, relative to `referenceYear` (GS1 GenSpecs §7.12). */
export function gs1FullYear(yy: number, referenceYear: number = currentUtcYear()): number {
  const century = Math.floor(referenceYear / 100) * 100;
  const difference = yy - (referenceYear % 100);
  if (difference >= 51) return century - 100 + yy;
  if (difference <= -50) return century + 100 + yy;
  return century + yy;
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number => (month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

/**
 * ISO 8601 date (YYYY-MM-DD) for a valid YYMMDD value, or null. Day "00" (allowed where the dictionary
 * uses the `yymmd0` linter, e.g. AI 15 and 17, when only year and month are known) is read as the last
 * day of that month: Quai's choice, the conservative reading for a best-before or expiry date.
 */
export function gs1DateToIso(yymmdd: string, referenceYear: number = currentUtcYear()): string | null {
  if (typeof yymmdd !== 'string' || !/^[0-9]{6}$/.test(yymmdd)) return null;
  const year = gs1FullYear(Number(yymmdd.slice(0, 2)), referenceYear);
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12 || day > daysInMonth(year, month)) return null;
  const fullDay = day === 0 ? daysInMonth(year, month) : day;
  return `${String(year).padStart(4, '0')}-${yymmdd.slice(2, 4)}-${String(fullDay).padStart(2, '0')}`;
}
