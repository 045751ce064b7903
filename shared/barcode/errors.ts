/**
 * Stable error codes of the barcode module. The UI translates each code; `message` is English for logs
 * and support. `barcodeErrorCodes` lists every code so a test can check each one has a translation.
 */

export const gs1ErrorCodes = [
  /** Nothing to parse: empty input, or a symbology identifier / FNC1 with no data after it. */
  'GS1_EMPTY',
  /** The symbology identifier says the symbol carries no GS1 data (e.g. ]C0 Code 128, ]Q1 QR text). */
  'GS1_NOT_GS1_SYMBOLOGY',
  /** Human-readable form not made of "(AI)value" pairs. */
  'GS1_BAD_SYNTAX',
  /** An AI that the GS1 Barcode Syntax Dictionary does not define (or data where an AI should be). */
  'GS1_UNKNOWN_AI',
  /** A value that is empty, too short, too long, or whose components have the wrong length (or a scan
   * longer than any barcode carries). */
  'GS1_BAD_LENGTH',
  /** A character outside the AI's character set (numeric, CSET 82, CSET 39, CSET 64). */
  'GS1_BAD_CHARSET',
  /** Wrong check digit (`csum`) or check character pair (`csumalpha`). */
  'GS1_BAD_CHECK_DIGIT',
  /** Impossible date (month, day, leap year). */
  'GS1_BAD_DATE',
  /** Impossible time (hour, minute, second). */
  'GS1_BAD_TIME',
  /** Not an ISO 3166 country code where one is required. */
  'GS1_BAD_COUNTRY_CODE',
  /** Not an ISO 4217 currency code where one is required. */
  'GS1_BAD_CURRENCY_CODE',
  /** The value does not start with a (syntactically possible) GS1 Company Prefix. */
  'GS1_BAD_COMPANY_PREFIX',
  /** Any other content rule of the dictionary's linters (coupon, IBAN, piece of total, …). */
  'GS1_BAD_VALUE',
  /** A `req=` association of the dictionary is not satisfied by the message. */
  'GS1_MISSING_ASSOCIATION',
  /** An `ex=` rule of the dictionary: two AIs that must not appear together. */
  'GS1_INVALID_PAIR',
  /** The same AI twice with different values (or twice at all in a Digital Link URI). */
  'GS1_DUPLICATE_AI',
  /** AI 8030 (digital signature) with AI 253, 255 or 8003 lacking its serial component. */
  'GS1_MISSING_SERIAL',
  /** A URI that is not a valid GS1 Digital Link URI (scheme, path, key qualifiers, attributes). */
  'GS1_BAD_DIGITAL_LINK',
] as const;

export type Gs1ErrorCode = (typeof gs1ErrorCodes)[number];

export const scanErrorCodes = [
  /** Nothing left after trimming the scan. */
  'SCAN_EMPTY',
  /** Looks like a known kind of code (prefix) but does not match its pattern. */
  'SCAN_BAD_FORMAT',
  /** A carrier tracking number whose check digit or check character is wrong. */
  'PARCEL_BAD_CHECK_DIGIT',
  /** A site scan pattern that is not a valid regular expression (the default is used instead). */
  'SCAN_PATTERN_INVALID',
  /** A site scan pattern that matches an empty scan, so it would match too much. */
  'SCAN_PATTERN_MATCHES_EMPTY',
] as const;

export type ScanErrorCode = (typeof scanErrorCodes)[number];

export const barcodeErrorCodes = [...gs1ErrorCodes, ...scanErrorCodes] as const;

export type BarcodeErrorCode = (typeof barcodeErrorCodes)[number];
