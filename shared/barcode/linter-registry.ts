/**
 * Maps the linter names of the Syntax Dictionary to their implementations, the component character sets
 * to their implicit linters, and each reference linter error to a Quai error code and English text.
 */

import type { Gs1ErrorCode } from './errors';
import * as basic from './linters';
import type { Linter } from './linters';
import * as structured from './linters-structured';
import type { Cset, LinterName } from './syntax-dictionary';

export const linters: Readonly<Record<LinterName, Linter>> = {
  couponcode: structured.couponcode,
  couponposoffer: structured.couponposoffer,
  csum: basic.csum,
  csumalpha: basic.csumalpha,
  gcppos1: basic.gcppos1,
  gcppos2: basic.gcppos2,
  hasnondigit: basic.hasnondigit,
  hh: basic.hh,
  hhmi: basic.hhmi,
  hyphen: basic.hyphen,
  iban: structured.iban,
  importeridx: basic.importeridx,
  iso3166: basic.iso3166,
  iso3166999: basic.iso3166999,
  iso3166alpha2: basic.iso3166alpha2,
  iso4217: basic.iso4217,
  iso5218: basic.iso5218,
  key: basic.key,
  latitude: basic.latitude,
  longitude: basic.longitude,
  mediatype: basic.mediatype,
  mi: basic.mi,
  nonzero: basic.nonzero,
  nozeroprefix: basic.nozeroprefix,
  packagetype: basic.packagetype,
  pcenc: basic.pcenc,
  pieceoftotal: structured.pieceoftotal,
  posinseqslash: structured.posinseqslash,
  ss: basic.ss,
  winding: basic.winding,
  yesno: basic.yesno,
  yymmd0: basic.yymmd0,
  yymmdd: basic.yymmdd,
  yyyymmd0: basic.yyyymmd0,
  yyyymmdd: basic.yyyymmdd,
  zero: basic.zero,
};

/** The linter every component runs first, for its character set (reference `gs1_lint_cset*`). */
export const csetLinters: Readonly<Record<Cset, { readonly name: string; readonly lint: Linter }>> = {
  N: { name: 'csetnumeric', lint: basic.csetnumeric },
  X: { name: 'cset82', lint: basic.cset82 },
  Y: { name: 'cset39', lint: basic.cset39 },
  Z: { name: 'cset64', lint: basic.cset64 },
};

const codeByError: ReadonlyArray<readonly [RegExp, Gs1ErrorCode]> = [
  [/^(NON_DIGIT_CHARACTER|INVALID_CSET(82|39|64)_CHARACTER|INVALID_CSET64_PADDING)$/, 'GS1_BAD_CHARSET'],
  [/^(INCORRECT_CHECK_(DIGIT|PAIR)|TOO_SHORT_FOR_CHECK_(DIGIT|PAIR)|INVALID_CSET32_CHARACTER)$/, 'GS1_BAD_CHECK_DIGIT'],
  [/^TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION$/, 'GS1_BAD_LENGTH'],
  [/^(DATE_TOO_(SHORT|LONG)|ILLEGAL_(MONTH|DAY))$/, 'GS1_BAD_DATE'],
  [/^((HOUR|MINUTE|SECOND|HOUR_WITH_MINUTE)_TOO_(SHORT|LONG)|ILLEGAL_(HOUR|MINUTE|SECOND))$/, 'GS1_BAD_TIME'],
  [/^NOT_ISO3166(_OR_999|_ALPHA2)?$/, 'GS1_BAD_COUNTRY_CODE'],
  [/^NOT_ISO4217$/, 'GS1_BAD_CURRENCY_CODE'],
  [/^(INVALID_GCP_PREFIX|TOO_SHORT_FOR_(GCP|KEY)|GCP_DATASOURCE_OFFLINE)$/, 'GS1_BAD_COMPANY_PREFIX'],
];

export const errorCodeForLintError = (error: string): Gs1ErrorCode => codeByError.find(([pattern]) => pattern.test(error))?.[1] ?? 'GS1_BAD_VALUE';

const messages: Readonly<Record<string, string>> = {
  NON_DIGIT_CHARACTER: 'a non-digit character where digits are required',
  INVALID_CSET82_CHARACTER: 'a character outside GS1 character set 82',
  INVALID_CSET39_CHARACTER: 'a character outside GS1 character set 39',
  INVALID_CSET64_CHARACTER: 'a character outside GS1 character set 64',
  INVALID_CSET64_PADDING: 'invalid base64 padding',
  INCORRECT_CHECK_DIGIT: 'incorrect check digit',
  TOO_SHORT_FOR_CHECK_DIGIT: 'too short to contain a check digit',
  INCORRECT_CHECK_PAIR: 'incorrect check character pair',
  TOO_SHORT_FOR_CHECK_PAIR: 'too short to contain a check character pair',
  TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION: 'too long for the check character pair calculation',
  INVALID_CSET32_CHARACTER: 'a check character outside GS1 character set 32',
  INVALID_GCP_PREFIX: 'does not start with a GS1 Company Prefix',
  TOO_SHORT_FOR_GCP: 'too short to start with a GS1 Company Prefix',
  TOO_SHORT_FOR_KEY: 'too short to contain a GS1 Company Prefix',
  GCP_DATASOURCE_OFFLINE: 'GS1 Company Prefix data source unavailable',
  DATE_TOO_SHORT: 'date too short',
  DATE_TOO_LONG: 'date too long',
  ILLEGAL_MONTH: 'invalid month in date',
  ILLEGAL_DAY: 'invalid day in date',
  HOUR_TOO_SHORT: 'hour too short',
  HOUR_TOO_LONG: 'hour too long',
  MINUTE_TOO_SHORT: 'minute too short',
  MINUTE_TOO_LONG: 'minute too long',
  SECOND_TOO_SHORT: 'second too short',
  SECOND_TOO_LONG: 'second too long',
  HOUR_WITH_MINUTE_TOO_SHORT: 'time too short',
  HOUR_WITH_MINUTE_TOO_LONG: 'time too long',
  ILLEGAL_HOUR: 'invalid hour',
  ILLEGAL_MINUTE: 'invalid minute',
  ILLEGAL_SECOND: 'invalid second',
  NOT_ISO3166: 'not an ISO 3166 numeric country code',
  NOT_ISO3166_OR_999: 'not an ISO 3166 numeric country code or 999',
  NOT_ISO3166_ALPHA2: 'not an ISO 3166 alpha-2 country code',
  NOT_ISO4217: 'not an ISO 4217 numeric currency code',
  INVALID_MEDIA_TYPE: 'not an AIDC media type',
  INVALID_PACKAGE_TYPE: 'not a package type code',
  INVALID_BIOLOGICAL_SEX_CODE: 'not an ISO/IEC 5218 biological sex code',
  INVALID_WINDING_DIRECTION: 'winding direction must be 0, 1 or 9',
  NOT_ZERO_OR_ONE: 'must be 0 or 1',
  IMPORTER_IDX_MUST_BE_ONE_CHARACTER: 'importer index must be one character',
  INVALID_IMPORT_IDX_CHARACTER: 'invalid importer index character',
  NOT_ZERO: 'must be zero',
  ILLEGAL_ZERO_VALUE: 'must not be zero',
  ILLEGAL_ZERO_PREFIX: 'must not start with zero',
  NOT_HYPHEN: 'must be a hyphen',
  REQUIRES_NON_DIGIT_CHARACTER: 'must contain a non-digit character',
  INVALID_PERCENT_SEQUENCE: 'invalid percent-encoding',
  LATITUDE_INVALID_LENGTH: 'latitude must be 10 digits',
  INVALID_LATITUDE: 'latitude out of range',
  LONGITUDE_INVALID_LENGTH: 'longitude must be 10 digits',
  INVALID_LONGITUDE: 'longitude out of range',
  IBAN_TOO_SHORT: 'IBAN too short',
  INVALID_IBAN_CHARACTER: 'invalid IBAN character',
  ILLEGAL_IBAN_COUNTRY_CODE: 'IBAN does not start with a country code',
  INCORRECT_IBAN_CHECKSUM: 'incorrect IBAN checksum',
  INVALID_LENGTH_FOR_PIECE_OF_TOTAL: 'piece and total must have the same number of digits',
  ZERO_PIECE_NUMBER: 'piece number must not be zero',
  ZERO_TOTAL_PIECES: 'total number of pieces must not be zero',
  PIECE_NUMBER_EXCEEDS_TOTAL: 'piece number exceeds the total',
  POSITION_IN_SEQUENCE_MALFORMED: 'position in sequence must be <position>/<end>',
  POSITION_EXCEEDS_END: 'position exceeds the end of the sequence',
};

/** English text for a reference linter error ("COUPON_…" names are spelled out generically). */
export const lintErrorMessage = (error: string): string => messages[error] ?? error.toLowerCase().replaceAll('_', ' ').replace('exipiration', 'expiration');
