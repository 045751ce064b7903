/**
 * parseGs1: any GS1 data a scanner or a person produces, read into AI elements and validated against
 * the GS1 Barcode Syntax Dictionary.
 */

import { validateAssociations } from './associations';
import { expandUpcE, hasValidCheckDigit } from './check-digit';
import { looksLikeDigitalLink, parseDigitalLink } from './digital-link';
import { parseBracketed, parseElementString } from './element-string';
import type { ElementsOrError } from './element-string';
import { splitSymbology, symbologyName } from './symbology';
import { GS, gs1Failure } from './types';
import type { Gs1ParseOptions, Gs1ParseResult } from './types';

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/**
 * Scanners end a read with CR, LF or Tab; people add spaces around what they type. (A loop, not a
 * regular expression: "[ \t]+$" is quadratic on a long run of blanks.)
 */
export function trimScan(input: string): string {
  let start = 0;
  let end = input.length;
  while (start < end && isBlank(input[start])) start++;
  while (end > start && isBlank(input[end - 1])) end--;
  return input.slice(start, end);
}

export const substituteGs = (data: string, gsSubstitute: string | undefined): string =>
  typeof gsSubstitute !== 'string' || gsSubstitute === '' ? data : data.split(gsSubstitute).join(GS);

/** EAN/UPC primary data as a GTIN in AI 01 (gs1-syntax-engine scandata.c `gs1_processScanData`). */
function parseEanPrimary(digits: string, id: string): ElementsOrError {
  if (!/^[0-9]*$/.test(digits)) {
    return gs1Failure('GS1_BAD_CHARSET', `${id} data must be digits: "${digits}"`, { ai: '01', value: digits });
  }
  let gtin: string;
  if (id === ']E4') {
    if (digits.length !== 8) return gs1Failure('GS1_BAD_LENGTH', `EAN-8 data must be 8 digits: "${digits}"`, { ai: '01', value: digits });
    gtin = digits;
  } else if (digits.length === 8) {
    // ]E0 with 8 digits is a UPC-E symbol; its GTIN is the UPC-A it abbreviates.
    const upca = expandUpcE(digits);
    if (upca === null) {
      return gs1Failure('GS1_BAD_CHECK_DIGIT', `UPC-E "${digits}" has an incorrect check digit`, { ai: '01', value: digits });
    }
    gtin = upca;
  } else if (digits.length === 13) {
    gtin = digits;
  } else {
    return gs1Failure('GS1_BAD_LENGTH', `${id} data must be 13 digits (or 8 for UPC-E): "${digits}"`, { ai: '01', value: digits });
  }
  if (!hasValidCheckDigit(gtin)) {
    return gs1Failure('GS1_BAD_CHECK_DIGIT', `GTIN "${digits}" has an incorrect check digit`, { ai: '01', value: digits });
  }
  return { ok: true, elements: [{ ai: '01', value: gtin.padStart(14, '0') }] };
}

/** ]E0/]E4 data, optionally followed by a composite component "|]e0…" (scandata.c). */
function parseEan(data: string, id: string, gsSubstitute: string | undefined): ElementsOrError {
  const bar = data.indexOf('|]e0');
  const primary = parseEanPrimary(bar === -1 ? data : data.slice(0, bar), id);
  if (!primary.ok || bar === -1) return primary;
  const composite = parseElementString(substituteGs(data.slice(bar + 4), gsSubstitute));
  return composite.ok ? { ok: true, elements: [...primary.elements, ...composite.elements] } : composite;
}

/** More than the largest symbol carries (QR Code version 40: 7089 digits); refused before any work. */
export const maxScanLength = 8000;

function parseMessage(input: string, gsSubstitute: string | undefined): ElementsOrError {
  const scan = trimScan(input);
  if (scan === '') return gs1Failure('GS1_EMPTY', 'The scan is empty');
  if (scan.length > maxScanLength) {
    return gs1Failure('GS1_BAD_LENGTH', `The scan has ${scan.length} characters, more than any barcode carries`, {
      length: scan.length,
    });
  }
  const { id, kind, data } = splitSymbology(scan);

  if (id === undefined) {
    if (looksLikeDigitalLink(scan)) return parseDigitalLink(scan);
    const raw = substituteGs(scan, gsSubstitute);
    return raw.startsWith('(') ? parseBracketed(raw) : parseElementString(raw);
  }
  if (data === '') return gs1Failure('GS1_EMPTY', `No data after the symbology identifier ${id}`, { symbology: id });
  switch (kind) {
    case 'gs1':
      return parseElementString(substituteGs(data, gsSubstitute));
    case 'ean':
      return parseEan(data, id, gsSubstitute);
    case 'ean-with-add-on':
      // EAN-13/UPC-A followed by its 2- or 5-digit add-on (ISO/IEC 15420); the add-on is not GS1 data.
      if (data.length === 15 || data.length === 18) return parseEanPrimary(data.slice(0, 13), ']E0');
      return gs1Failure('GS1_BAD_LENGTH', `${id} data must be 13 digits and a 2- or 5-digit add-on`, { ai: '01', value: data });
    default:
      // A GS1 Digital Link URI is carried as plain data in a QR Code or Data Matrix (]Q1, ]d1).
      if (looksLikeDigitalLink(data)) return parseDigitalLink(data);
      return gs1Failure('GS1_NOT_GS1_SYMBOLOGY', `${symbologyName(id)} (${id}) does not carry GS1 data`, { symbology: id });
  }
}

/**
 * Parses a GS1 element string (raw with FNC1 as GS or a substitute, optional symbology identifier,
 * optional leading FNC1), the human-readable form "(01)…(17)…", a GS1 Digital Link URI, or EAN/UPC
 * data after ]E0/]E4, then checks the message-level rules of the Syntax Dictionary. Never throws.
 */
export function parseGs1(input: string, options?: Readonly<Gs1ParseOptions>): Gs1ParseResult {
  const parsed = parseMessage(typeof input === 'string' ? input : '', options?.gsSubstitute);
  if (!parsed.ok) return parsed;
  const problem = validateAssociations(parsed.elements);
  return problem === null ? { ok: true, elements: parsed.elements } : { ok: false, error: problem };
}
