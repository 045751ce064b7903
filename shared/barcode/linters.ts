/**
 * GS1 Barcode Syntax Tests ("linters") named by the Syntax Dictionary: the character-set, check-digit,
 * company-prefix, date, time and code-list checks. Each follows the reference implementation of the same
 * name in gs1/gs1-syntax-engine `src/c-lib/syntax/lint_<name>.c` (Apache-2.0), including which error it
 * reports first and where; the error names are the reference `GS1_LINTER_*` names without the prefix.
 * A linter returns null when the component passes.
 */

import { aidcMediaTypes, iso3166Alpha2, iso3166Numeric, iso4217Numeric, packageTypeCodes } from './code-lists';
import { currentUtcYear, daysInMonth, gs1FullYear } from './dates';

export type LintError = {
  /** Reference error name, e.g. "INCORRECT_CHECK_DIGIT" for GS1_LINTER_INCORRECT_CHECK_DIGIT. */
  readonly error: string;
  /** Offset and length of the offending characters within the linted component. */
  readonly position: number;
  readonly length: number;
};

export type Linter = (data: string) => LintError | null;

export const lintError = (error: string, position: number, length: number): LintError => ({ error, position, length });

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

const firstNotIn = (data: string, allowed: string): number => [...data].findIndex((c) => !allowed.includes(c));

const checkCharset = (data: string, allowed: string, error: string): LintError | null => {
  const bad = firstNotIn(data, allowed);
  return bad === -1 ? null : lintError(error, bad, 1);
};

/** Numeric component ("N"). */
export const csetnumeric: Linter = (data) => checkCharset(data, '0123456789', 'NON_DIGIT_CHARACTER');

/** GS1 AI encodable character set 82 ("X"): GS1 GenSpecs figure "GS1 AI encodable character set 82". */
export const cset82chars = '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
export const cset82: Linter = (data) => checkCharset(data, cset82chars, 'INVALID_CSET82_CHARACTER');

/** GS1 AI encodable character set 39 ("Y"). */
export const cset39chars = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const cset39: Linter = (data) => checkCharset(data, cset39chars, 'INVALID_CSET39_CHARACTER');

/** GS1 AI encodable character set 64 ("Z"), file-safe/URI-safe base64, optional "=" padding. */
export const cset64chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const cset64: Linter = (data) => {
  const pads = data.length - data.replace(/=+$/, '').length;
  const len = data.length - pads;
  if (pads > 2 || (pads > 0 && data.length % 3 !== 0)) return lintError('INVALID_CSET64_PADDING', len, pads);
  const bad = firstNotIn(data.slice(0, len), cset64chars);
  return bad === -1 ? null : lintError('INVALID_CSET64_CHARACTER', bad, 1);
};

/** Standard GS1 check digit (GS1 GenSpecs §7.9): weights 3,1,3… from the right of the data. */
export const csum: Linter = (data) => {
  if (data.length === 0) return lintError('TOO_SHORT_FOR_CHECK_DIGIT', 0, 0);
  let weight = data.length % 2 === 0 ? 3 : 1;
  let sum = 0;
  for (let pos = 0; pos < data.length; pos++) {
    if (!isDigit(data[pos])) return lintError('NON_DIGIT_CHARACTER', pos, 1);
    if (pos < data.length - 1) {
      sum += weight * (data.charCodeAt(pos) - 48);
      weight = 4 - weight;
    }
  }
  const check = (10 - (sum % 10)) % 10;
  return data.charCodeAt(data.length - 1) - 48 === check ? null : lintError('INCORRECT_CHECK_DIGIT', data.length - 1, 1);
};

const primes = [
  2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157,
  163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233, 239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313, 317, 331, 337,
  347, 349, 353, 359, 367, 373, 379, 383, 389, 397, 401, 409, 419, 421, 431, 433, 439, 443, 449, 457, 461, 463, 467, 479, 487, 491, 499, 503, 509,
];
const cset32chars = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Check character pair for alphanumeric keys (GS1 GenSpecs "Check character calculation (for alphanumeric keys)"). */
export function checkCharacterPair(data: string): string | null {
  if (data.length > primes.length || firstNotIn(data, cset82chars) !== -1) return null;
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    sum += cset82chars.indexOf(data[i] ?? '') * (primes[data.length - 1 - i] ?? 0);
  }
  sum %= 1021;
  return `${cset32chars[sum >> 5] ?? ''}${cset32chars[sum & 31] ?? ''}`;
}

export const csumalpha: Linter = (data) => {
  const len = data.length;
  if (len < 2) return lintError('TOO_SHORT_FOR_CHECK_PAIR', 0, len);
  if (len - 2 > primes.length) return lintError('TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION', 0, len);
  const bad = firstNotIn(data.slice(0, len - 2), cset82chars);
  if (bad !== -1) return lintError('INVALID_CSET82_CHARACTER', bad, 1);
  const badPair = firstNotIn(data.slice(len - 2), cset32chars);
  if (badPair !== -1) return lintError('INVALID_CSET32_CHARACTER', len - 2 + badPair, 1);
  return checkCharacterPair(data.slice(0, len - 2)) === data.slice(len - 2) ? null : lintError('INCORRECT_CHECK_PAIR', len - 2, 2);
};

/**
 * The shortest GS1 Company Prefix has four digits (GS1 GenSpecs "GS1 Company Prefix"); the reference
 * linters only check that much. The optional lookup against allocated prefixes needs GS1's GCP data
 * and is not done here.
 */
const gcpMinLength = 4;

const gcpPrefix = (data: string, tooShort: string): LintError | null => {
  if (data.length < gcpMinLength) return lintError(tooShort, 0, data.length);
  for (let i = 0; i < gcpMinLength; i++) {
    if (!isDigit(data[i])) return lintError('INVALID_GCP_PREFIX', i, 1);
  }
  return null;
};

export const key: Linter = (data) => gcpPrefix(data, 'TOO_SHORT_FOR_KEY');
export const gcppos1: Linter = (data) => gcpPrefix(data, 'TOO_SHORT_FOR_GCP');
/** GCP starting at the second character (after an indicator or extension digit). */
export const gcppos2: Linter = (data) => {
  if (data.length < 2) return lintError('TOO_SHORT_FOR_GCP', 0, data.length);
  const inner = gcppos1(data.slice(1));
  return inner === null ? null : lintError(inner.error, inner.position + 1, inner.length);
};

const checkDigits = (data: string): LintError | null => {
  const bad = [...data].findIndex((c) => !isDigit(c));
  return bad === -1 ? null : lintError('NON_DIGIT_CHARACTER', bad, 1);
};

/** YYYYMMDD, day "00" permitted. */
export const yyyymmd0: Linter = (data) => {
  if (data.length !== 8) return lintError(data.length < 8 ? 'DATE_TOO_SHORT' : 'DATE_TOO_LONG', 0, data.length);
  const nonDigit = checkDigits(data);
  if (nonDigit) return nonDigit;
  const year = Number(data.slice(0, 4));
  const month = Number(data.slice(4, 6));
  const day = Number(data.slice(6, 8));
  if (month < 1 || month > 12) return lintError('ILLEGAL_MONTH', 4, 2);
  return day > daysInMonth(year, month) ? lintError('ILLEGAL_DAY', 6, 2) : null;
};

export const yyyymmdd: Linter = (data) => yyyymmd0(data) ?? (data.slice(6, 8) === '00' ? lintError('ILLEGAL_DAY', 6, 2) : null);

/** YYMMDD, day "00" permitted; the century follows GS1 GenSpecs §7.12 (matters for 29 February). */
export const yymmd0: Linter = (data) => {
  if (data.length !== 6) return lintError(data.length < 6 ? 'DATE_TOO_SHORT' : 'DATE_TOO_LONG', 0, data.length);
  const nonDigit = checkDigits(data);
  if (nonDigit) return nonDigit;
  const year = String(gs1FullYear(Number(data.slice(0, 2)), currentUtcYear())).padStart(4, '0');
  const inner = yyyymmd0(`${year}${data.slice(2)}`);
  return inner === null ? null : lintError(inner.error, inner.position - 2, inner.length);
};

export const yymmdd: Linter = (data) => yymmd0(data) ?? (data.slice(4, 6) === '00' ? lintError('ILLEGAL_DAY', 4, 2) : null);

const twoDigitUnit =
  (tooShort: string, tooLong: string, illegal: string, max: number): Linter =>
  (data) => {
    if (data.length !== 2) return lintError(data.length < 2 ? tooShort : tooLong, 0, data.length);
    const nonDigit = checkDigits(data);
    if (nonDigit) return nonDigit;
    return Number(data) > max ? lintError(illegal, 0, 2) : null;
  };

export const hh = twoDigitUnit('HOUR_TOO_SHORT', 'HOUR_TOO_LONG', 'ILLEGAL_HOUR', 23);
export const mi = twoDigitUnit('MINUTE_TOO_SHORT', 'MINUTE_TOO_LONG', 'ILLEGAL_MINUTE', 59);
export const ss = twoDigitUnit('SECOND_TOO_SHORT', 'SECOND_TOO_LONG', 'ILLEGAL_SECOND', 59);

export const hhmi: Linter = (data) => {
  if (data.length !== 4) {
    return lintError(data.length < 4 ? 'HOUR_WITH_MINUTE_TOO_SHORT' : 'HOUR_WITH_MINUTE_TOO_LONG', 0, data.length);
  }
  const hour = hh(data.slice(0, 2));
  if (hour) return hour;
  const minute = mi(data.slice(2));
  return minute === null ? null : lintError(minute.error, minute.position + 2, minute.length);
};

const inList =
  (list: ReadonlySet<string>, error: string): Linter =>
  (data) =>
    list.has(data) ? null : lintError(error, 0, data.length);

export const iso3166 = inList(iso3166Numeric, 'NOT_ISO3166');
export const iso3166alpha2 = inList(iso3166Alpha2, 'NOT_ISO3166_ALPHA2');
export const iso4217 = inList(iso4217Numeric, 'NOT_ISO4217');
export const mediatype = inList(aidcMediaTypes, 'INVALID_MEDIA_TYPE');
export const packagetype = inList(packageTypeCodes, 'INVALID_PACKAGE_TYPE');
export const iso3166999: Linter = (data) => (data === '999' || iso3166Numeric.has(data) ? null : lintError('NOT_ISO3166_OR_999', 0, data.length));

/** ISO/IEC 5218 biological sex: 0 not known, 1 male, 2 female, 9 not applicable. */
export const iso5218 = inList(new Set(['0', '1', '2', '9']), 'INVALID_BIOLOGICAL_SEX_CODE');
/** Winding direction of AI 8001: 0 face out, 1 face in, 9 undefined. */
export const winding = inList(new Set(['0', '1', '9']), 'INVALID_WINDING_DIRECTION');
export const yesno = inList(new Set(['0', '1']), 'NOT_ZERO_OR_ONE');

/** Importer index of the EU 2018/574 tobacco identifiers (AI 7040). */
export const importeridx: Linter = (data) => {
  if (data.length !== 1) return lintError('IMPORTER_IDX_MUST_BE_ONE_CHARACTER', 0, data.length);
  return /^[-0-9A-Z_a-z]$/.test(data) ? null : lintError('INVALID_IMPORT_IDX_CHARACTER', 0, 1);
};

export const zero: Linter = (data) => (/^0+$/.test(data) ? null : lintError('NOT_ZERO', 0, data.length));

export const nonzero: Linter = (data) => checkDigits(data) ?? (/[1-9]/.test(data) ? null : lintError('ILLEGAL_ZERO_VALUE', 0, data.length));

export const nozeroprefix: Linter = (data) => (data.startsWith('0') ? lintError('ILLEGAL_ZERO_PREFIX', 0, 1) : checkDigits(data));

export const hyphen: Linter = (data) => (/^-+$/.test(data) ? null : lintError('NOT_HYPHEN', 0, data.length));

export const hasnondigit: Linter = (data) => ([...data].some((c) => !isDigit(c)) ? null : lintError('REQUIRES_NON_DIGIT_CHARACTER', 0, data.length));

/** Percent-encoding as in RFC 3986 §2.1: every "%" followed by two hex digits. */
export const pcenc: Linter = (data) => {
  for (let pos = 0; pos < data.length; pos++) {
    if (data[pos] !== '%') continue;
    if (pos + 2 >= data.length) return lintError('INVALID_PERCENT_SEQUENCE', pos, data.length - pos);
    if (!/^[0-9A-Fa-f]{2}$/.test(data.slice(pos + 1, pos + 3))) return lintError('INVALID_PERCENT_SEQUENCE', pos, 3);
    pos += 2;
  }
  return null;
};

/** WGS84 coordinate as ten digits: latitude 0..1800000000, longitude 0..3600000000 (AI 4309). */
const coordinate =
  (invalidLength: string, invalid: string, max: number): Linter =>
  (data) => {
    if (data.length !== 10) return lintError(invalidLength, 0, data.length);
    return checkDigits(data) ?? (Number(data) > max ? lintError(invalid, 0, 10) : null);
  };

export const latitude = coordinate('LATITUDE_INVALID_LENGTH', 'INVALID_LATITUDE', 1_800_000_000);
export const longitude = coordinate('LONGITUDE_INVALID_LENGTH', 'INVALID_LONGITUDE', 3_600_000_000);
