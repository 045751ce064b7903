/**
 * Linters for structured values: IBAN, piece-of-total, position in sequence and the two North American
 * coupon formats. Each follows gs1/gs1-syntax-engine `src/c-lib/syntax/lint_<name>.c` (Apache-2.0).
 */

import { iso3166alpha2, key, lintError, yymmdd } from './linters';
import type { LintError, Linter } from './linters';

const nonDigitAt = (data: string): LintError | null => {
  const bad = [...data].findIndex((c) => c < '0' || c > '9');
  return bad === -1 ? null : lintError('NON_DIGIT_CHARACTER', bad, 1);
};

/** ISO 13616 IBAN (AI 8007): country code, then mod-97 checksum over the rearranged characters. */
export const iban: Linter = (data) => {
  if (data.length <= 10) return lintError('IBAN_TOO_SHORT', 0, data.length);
  const bad = [...data].findIndex((c) => !/[0-9A-Z]/.test(c));
  if (bad !== -1) return lintError('INVALID_IBAN_CHARACTER', bad, 1);
  if (iso3166alpha2(data.slice(0, 2)) !== null) return lintError('ILLEGAL_IBAN_COUNTRY_CODE', 0, 2);
  let checksum = 0;
  for (const c of data.slice(4) + data.slice(0, 4)) {
    checksum = c < 'A' ? (checksum * 10 + Number(c)) % 97 : (checksum * 100 + c.charCodeAt(0) - 55) % 97;
  }
  return checksum === 1 ? null : lintError('INCORRECT_IBAN_CHECKSUM', 2, 2);
};

/** PPTT: piece number and total of equal width, neither zero, piece not above total (AI 8006, 8026). */
export const pieceoftotal: Linter = (data) => {
  const nonDigit = nonDigitAt(data);
  if (nonDigit) return nonDigit;
  if (data.length === 0 || data.length % 2 !== 0) return lintError('INVALID_LENGTH_FOR_PIECE_OF_TOTAL', 0, data.length);
  const half = data.length / 2;
  const piece = data.slice(0, half);
  const total = data.slice(half);
  if (/^0+$/.test(piece)) return lintError('ZERO_PIECE_NUMBER', 0, half);
  if (/^0+$/.test(total)) return lintError('ZERO_TOTAL_PIECES', half, half);
  return piece > total ? lintError('PIECE_NUMBER_EXCEEDS_TOTAL', 0, data.length) : null;
};

/** "<pos>/<end>" without leading zeros, pos not above end (AI 7258 birth sequence). */
export const posinseqslash: Linter = (data) => {
  const match = /^([0-9]+)\/([0-9]+)$/.exec(data);
  if (!match) return lintError('POSITION_IN_SEQUENCE_MALFORMED', 0, data.length);
  const [, position = '', end = ''] = match;
  if (position.startsWith('0')) return lintError('ILLEGAL_ZERO_PREFIX', 0, position.length);
  if (end.startsWith('0')) return lintError('ILLEGAL_ZERO_PREFIX', position.length + 1, end.length);
  const exceeds = position.length > end.length || (position.length === end.length && position > end);
  return exceeds ? lintError('POSITION_EXCEEDS_END', 0, data.length) : null;
};

/** A reader over coupon digits whose failures carry the reference error names. */
class CouponReader {
  pos = 0;
  constructor(readonly data: string) {}

  get atEnd(): boolean {
    return this.pos >= this.data.length;
  }

  /** Error for data that ends before a field: the reference marks the whole data when nothing is left. */
  truncated(error: string): LintError {
    return this.atEnd ? lintError(error, 0, this.data.length) : lintError(error, this.pos, this.data.length - this.pos);
  }

  /** One digit; `missing` when the data ends, `invalid` when `accept` refuses it. */
  digit(missing: string, invalid: string | null, accept: (d: number) => boolean): number | LintError {
    if (this.atEnd) return lintError(missing, 0, this.data.length);
    const d = Number(this.data[this.pos]);
    if (invalid !== null && !accept(d)) return lintError(invalid, this.pos, 1);
    this.pos++;
    return d;
  }

  /** `length` characters, or the `truncated` error. */
  take(length: number, truncated: string): string | LintError {
    if (this.data.length - this.pos < length) return this.truncated(truncated);
    const value = this.data.slice(this.pos, this.pos + length);
    this.pos += length;
    return value;
  }
}

const isError = (value: unknown): value is LintError => typeof value === 'object' && value !== null;

/** A company prefix inside a coupon goes through the `key` linter. */
const couponGcp = (reader: CouponReader, length: number, truncated: string): LintError | null => {
  const start = reader.pos;
  const gcp = reader.take(length, truncated);
  if (isError(gcp)) return gcp;
  const keyError = length === 0 ? null : key(gcp);
  return keyError === null ? null : lintError(keyError.error, start, length);
};

/** Requirement VLI (1-5) + requirement + code (0-4, 9) + three-digit family code. */
const purchaseRequirement = (reader: CouponReader, ordinal: '1ST' | '2ND' | '3RD'): LintError | null => {
  const vli = reader.digit(
    `COUPON_MISSING_${ordinal}_PURCHASE_REQUIREMENT_VLI`,
    `COUPON_INVALID_${ordinal}_PURCHASE_REQUIREMENT_LENGTH`,
    (d) => d >= 1 && d <= 5,
  );
  if (isError(vli)) return vli;
  const requirement = reader.take(vli, `COUPON_TRUNCATED_${ordinal}_PURCHASE_REQUIREMENT`);
  if (isError(requirement)) return requirement;
  const code = reader.digit(
    `COUPON_MISSING_${ordinal}_PURCHASE_REQUIREMENT_CODE`,
    `COUPON_INVALID_${ordinal}_PURCHASE_REQUIREMENT_CODE`,
    (d) => d <= 4 || d === 9,
  );
  if (isError(code)) return code;
  const family = reader.take(3, `COUPON_TRUNCATED_${ordinal}_PURCHASE_FAMILY_CODE`);
  return isError(family) ? family : null;
};

/** Additional purchase GCP: VLI 0-6 (length VLI+6) or 9 (no GCP). */
const additionalPurchaseGcp = (reader: CouponReader, ordinal: '2ND' | '3RD'): LintError | null => {
  const vli = reader.digit(`COUPON_MISSING_${ordinal}_PURCHASE_GCP_VLI`, `COUPON_INVALID_${ordinal}_PURCHASE_GCP_LENGTH`, (d) => d <= 6 || d === 9);
  if (isError(vli)) return vli;
  return couponGcp(reader, vli === 9 ? 0 : vli + 6, `COUPON_TRUNCATED_${ordinal}_PURCHASE_GCP`);
};

const couponDate = (reader: CouponReader, tooShort: string, invalid: string): string | LintError => {
  const start = reader.pos;
  const date = reader.take(6, tooShort);
  if (isError(date)) return date;
  return yymmdd(date) === null ? date : lintError(invalid, start, 6);
};

/**
 * North American Coupon Code in AI 8110 ("North American Coupon Application Guideline Using GS1 DataBar
 * Expanded Symbols"): primary GCP, offer code, save value, first purchase requirement, then optional
 * fields 1 (second purchase), 2 (third purchase), 3 (expiry), 4 (start), 5 (serial), 6 (retailer), 9 (misc).
 */
export const couponcode: Linter = (data) => {
  const nonDigit = nonDigitAt(data);
  if (nonDigit) return nonDigit;
  const r = new CouponReader(data);

  const gcpVli = r.digit('COUPON_MISSING_GCP_VLI', 'COUPON_INVALID_GCP_LENGTH', (d) => d <= 6);
  if (isError(gcpVli)) return gcpVli;
  const gcp = couponGcp(r, gcpVli + 6, 'COUPON_TRUNCATED_GCP');
  if (gcp) return gcp;
  const offer = r.take(6, 'COUPON_TRUNCATED_OFFER_CODE');
  if (isError(offer)) return offer;
  const saveVli = r.digit('COUPON_MISSING_SAVE_VALUE_VLI', 'COUPON_INVALID_SAVE_VALUE_LENGTH', (d) => d >= 1 && d <= 5);
  if (isError(saveVli)) return saveVli;
  const save = r.take(saveVli, 'COUPON_TRUNCATED_SAVE_VALUE');
  if (isError(save)) return save;
  const first = purchaseRequirement(r, '1ST');
  if (first) return first;

  if (!r.atEnd && r.data[r.pos] === '1') {
    r.pos++;
    const rules = r.digit('COUPON_MISSING_ADDITIONAL_PURCHASE_RULES_CODE', 'COUPON_INVALID_ADDITIONAL_PURCHASE_RULES_CODE', (d) => d <= 3);
    if (isError(rules)) return rules;
    const second = purchaseRequirement(r, '2ND') ?? additionalPurchaseGcp(r, '2ND');
    if (second) return second;
  }
  if (!r.atEnd && r.data[r.pos] === '2') {
    r.pos++;
    const third = purchaseRequirement(r, '3RD') ?? additionalPurchaseGcp(r, '3RD');
    if (third) return third;
  }
  let expiry: string | null = null;
  if (!r.atEnd && r.data[r.pos] === '3') {
    r.pos++;
    const date = couponDate(r, 'COUPON_TOO_SHORT_FOR_EXPIRATION_DATE', 'COUPON_INVALID_EXIPIRATION_DATE');
    if (isError(date)) return date;
    expiry = date;
  }
  if (!r.atEnd && r.data[r.pos] === '4') {
    r.pos++;
    const date = couponDate(r, 'COUPON_TOO_SHORT_FOR_START_DATE', 'COUPON_INVALID_START_DATE');
    if (isError(date)) return date;
    if (expiry !== null && date > expiry) return lintError('COUPON_EXPIRATION_BEFORE_START', r.pos - 14, 14);
  }
  if (!r.atEnd && r.data[r.pos] === '5') {
    r.pos++;
    const vli = r.digit('COUPON_MISSING_SERIAL_NUMBER_VLI', null, () => true);
    if (isError(vli)) return vli;
    const serial = r.take(vli + 6, 'COUPON_TRUNCATED_SERIAL_NUMBER');
    if (isError(serial)) return serial;
  }
  if (!r.atEnd && r.data[r.pos] === '6') {
    r.pos++;
    const vli = r.digit('COUPON_MISSING_RETAILER_GCP_OR_GLN_VLI', 'COUPON_INVALID_RETAILER_GCP_OR_GLN_LENGTH', (d) => d >= 1 && d <= 7);
    if (isError(vli)) return vli;
    const retailer = couponGcp(r, vli + 6, 'COUPON_TRUNCATED_RETAILER_GCP_OR_GLN');
    if (retailer) return retailer;
  }
  if (!r.atEnd && r.data[r.pos] === '9') {
    r.pos++;
    const misc = r.digit('COUPON_MISSING_SAVE_VALUE_CODE', 'COUPON_INVALID_SAVE_VALUE_CODE', (d) => [0, 1, 2, 5, 6].includes(d));
    if (isError(misc)) return misc;
    const applies = r.digit('COUPON_MISSING_SAVE_VALUE_APPLIES_TO_ITEM', 'COUPON_INVALID_SAVE_VALUE_APPLIES_TO_ITEM', (d) => d <= 2);
    if (isError(applies)) return applies;
    const store = r.digit('COUPON_MISSING_STORE_COUPON_FLAG', null, () => true);
    if (isError(store)) return store;
    const multiply = r.digit('COUPON_MISSING_DONT_MULTIPLY_FLAG', 'COUPON_INVALID_DONT_MULTIPLY_FLAG', (d) => d <= 1);
    if (isError(multiply)) return multiply;
  }
  return r.atEnd ? null : lintError('COUPON_EXCESS_DATA', r.pos, data.length - r.pos);
};

/** Positive offer file coupon in AI 8112 ("GS1 AI (8112) Coupon Data Specification"). */
export const couponposoffer: Linter = (data) => {
  const nonDigit = nonDigitAt(data);
  if (nonDigit) return nonDigit;
  const r = new CouponReader(data);
  const format = r.digit('COUPON_MISSING_FORMAT_CODE', 'COUPON_INVALID_FORMAT_CODE', (d) => d <= 1);
  if (isError(format)) return format;
  const funderVli = r.digit('COUPON_MISSING_FUNDER_VLI', 'COUPON_INVALID_FUNDER_LENGTH', (d) => d <= 6);
  if (isError(funderVli)) return funderVli;
  const funder = r.take(funderVli + 6, 'COUPON_TRUNCATED_FUNDER');
  if (isError(funder)) return funder;
  const offer = r.take(6, 'COUPON_TRUNCATED_OFFER_CODE');
  if (isError(offer)) return offer;
  const serialVli = r.digit('COUPON_MISSING_SERIAL_NUMBER_VLI', null, () => true);
  if (isError(serialVli)) return serialVli;
  const serial = r.take(serialVli + 6, 'COUPON_TRUNCATED_SERIAL_NUMBER');
  if (isError(serial)) return serial;
  return r.atEnd ? null : lintError('COUPON_EXCESS_DATA', r.pos, data.length - r.pos);
};
