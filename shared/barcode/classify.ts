/**
 * classifyScan: what a scan is for the warehouse — a pallet (SSCC), an item (GTIN), one of Quai's own
 * labels (location, tote, order, pick run, badge), a carrier parcel, or unknown with a hint.
 */

import { hasValidCheckDigit, isValidGtin, isValidSscc } from './check-digit';
import { gs1DateToIso } from './dates';
import { looksLikeDigitalLink } from './digital-link';
import { parseGs1, trimScan } from './parse';
import { matchParcel } from './parcel';
import { compilePattern, resolveScanPatterns } from './scan-patterns';
import type { ScanPatterns } from './scan-patterns';
import type { ClassifiedScan, LooksLike, MissingAssociation, ScanError, SsccContents } from './classified-scan';
import { splitSymbology } from './symbology';
import { GS } from './types';
import type { Gs1Element, Gs1ParseResult } from './types';

type Unknown = Extract<ClassifiedScan, { kind: 'unknown' }>;

const unknown = (raw: string, looksLike?: LooksLike, error?: ScanError, elements?: Gs1Element[]): Unknown => ({
  kind: 'unknown',
  raw,
  ...(looksLike !== undefined ? { looksLike } : {}),
  ...(error !== undefined ? { error } : {}),
  ...(elements !== undefined ? { elements } : {}),
});

const definedOnly = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const asNumber = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));
const asIsoDate = (value: string | undefined): string | undefined => (value === undefined ? undefined : (gs1DateToIso(value) ?? undefined));

/** The warehouse reading of a GS1 message: AI 00 makes a pallet, else AI 01 or 02 an item. */
function fromElements(raw: string, elements: Gs1Element[], missing: MissingAssociation | undefined): ClassifiedScan {
  const get = (ai: string): string | undefined => elements.find((e) => e.ai === ai)?.value;
  const extra = missing === undefined ? {} : { missingAssociation: missing };
  const sscc = get('00');
  if (sscc !== undefined) {
    const contents = definedOnly<SsccContents>({
      gtin: get('02') ?? get('01'),
      count: asNumber(get('37')),
      lot: get('10'),
      bestBefore: asIsoDate(get('15')),
      expiry: asIsoDate(get('17')),
    });
    return { kind: 'sscc', raw, sscc, ...(Object.keys(contents).length > 0 ? { contents } : {}), elements, ...extra };
  }
  const gtin = get('01') ?? get('02');
  if (gtin !== undefined) {
    return {
      kind: 'gtin',
      raw,
      gtin,
      scanned: gtin,
      ...definedOnly({
        quantity: asNumber(get('30') ?? get('37')),
        lot: get('10'),
        expiry: asIsoDate(get('17')),
        bestBefore: asIsoDate(get('15')),
        serial: get('21'),
      }),
      elements,
      ...extra,
    };
  }
  return unknown(raw, 'gs1', missing === undefined ? undefined : { code: 'GS1_MISSING_ASSOCIATION', message: missing.message }, elements);
}

function fromGs1(raw: string, result: Gs1ParseResult, looksLike: LooksLike = 'gs1'): ClassifiedScan {
  if (result.ok) return fromElements(raw, result.elements, undefined);
  const { code, message, details } = result.error;
  if (code === 'GS1_MISSING_ASSOCIATION' && Array.isArray(details?.elements)) {
    const elements = details.elements as Gs1Element[];
    return fromElements(raw, elements, { ai: String(details.ai), message });
  }
  return unknown(raw, looksLike, { code, message });
}

/** Plain numbers of GS1 key length: GTIN-8/12/13/14 and SSCC, checked by their check digit. */
function fromDigits(raw: string, digits: string): ClassifiedScan | null {
  if (isValidGtin(digits)) return { kind: 'gtin', raw, gtin: digits.padStart(14, '0'), scanned: digits };
  if (isValidSscc(digits)) return { kind: 'sscc', raw, sscc: digits, elements: [{ ai: '00', value: digits }] };
  if (digits.length === 20 && digits.startsWith('00') && isValidSscc(digits.slice(2))) {
    return { kind: 'sscc', raw, sscc: digits.slice(2), elements: [{ ai: '00', value: digits.slice(2) }] };
  }
  return null;
}

const badCheckDigit = (raw: string, digits: string): ClassifiedScan | null => {
  const kind: LooksLike | null = [8, 12, 13, 14].includes(digits.length) ? 'gtin' : digits.length === 18 ? 'sscc' : null;
  if (kind === null || hasValidCheckDigit(digits)) return null;
  return unknown(raw, kind, {
    code: 'GS1_BAD_CHECK_DIGIT',
    message: `${kind === 'gtin' ? 'GTIN' : 'SSCC'} ${digits} has an incorrect check digit`,
  });
};

function fromPatterns(raw: string, code: string, patterns: Readonly<ScanPatterns>): ClassifiedScan | null {
  const match = (source: string): RegExpExecArray | null => compilePattern(source)?.exec(code) ?? null;
  // Kinds with their own prefix first: the default location pattern would also take "ORD-12-34-5".
  const tote = match(patterns.tote);
  if (tote) {
    const slot = tote.groups?.['slot'];
    return { kind: 'tote', raw, code, tote: tote.groups?.['tote'] ?? code, ...(slot !== undefined ? { slot: Number(slot) } : {}) };
  }
  if (match(patterns.pickRun)) return { kind: 'pick-run', raw, code };
  if (match(patterns.order)) return { kind: 'order', raw, code };
  if (match(patterns.badge)) return { kind: 'badge', raw, code };
  const location = match(patterns.location);
  if (location) {
    const { zone, aisle, bay, level } = location.groups ?? {};
    return { kind: 'location', raw, code, ...definedOnly({ zone, aisle, bay, level }) };
  }
  return null;
}

/** Prefixes of Quai's label formats, to say what a near miss was meant to be. */
const hints: ReadonlyArray<readonly [RegExp, LooksLike]> = [
  [/^TOTE-/, 'tote'],
  [/^RUN-/, 'pick-run'],
  [/^ORD-/, 'order'],
  [/^BADGE-/, 'badge'],
  [/^(DOCK|STG|PACK|OUT)-|^[A-Z]{1,3}-[0-9]/, 'location'],
];

type Gs1Reader = (text: string) => Gs1ParseResult;

/**
 * Text without a GS1 symbology identifier. `symbology` is set when the scanner said the symbol carries
 * plain data (]C0, ]I0, ]Q1…): its GS1 keys without AI (ITF-14 carries a GTIN-14) and Digital Link URIs
 * are still read, but AI element strings are not GS1 data there.
 */
function classifyText(raw: string, text: string, patterns: Readonly<ScanPatterns>, read: Gs1Reader, symbology?: string): ClassifiedScan {
  if (looksLikeDigitalLink(text)) return fromGs1(raw, read(text));
  const substitute = patterns.gsSubstitute;
  const elementStringLike = /^\([0-9]/.test(text) || text.includes(GS) || (substitute !== '' && text.includes(substitute));
  if (elementStringLike && symbology === undefined) return fromGs1(raw, read(text));
  const notGs1 = (): ClassifiedScan => unknown(raw, 'gs1', { code: 'GS1_NOT_GS1_SYMBOLOGY', message: `${symbology ?? ''} does not carry GS1 data` });
  if (elementStringLike) return notGs1();

  const digitsOnly = /^[0-9]+$/.test(text);
  if (digitsOnly) {
    const key = fromDigits(raw, text);
    if (key) return key;
  }
  const upper = text.toUpperCase();
  const own = fromPatterns(raw, text, patterns) ?? (upper !== text ? fromPatterns(raw, upper, patterns) : null);
  if (own) return own;

  const parcel = matchParcel(upper.replace(/\s+/g, ''));
  if (parcel?.valid) return { kind: 'parcel', raw, carrier: parcel.carrier, tracking: parcel.tracking };
  if (parcel && !parcel.valid) return unknown(raw, 'parcel', { code: 'PARCEL_BAD_CHECK_DIGIT', message: parcel.message });

  if (digitsOnly) {
    const bad = badCheckDigit(raw, text);
    if (bad) return bad;
  }
  // A bare element string typed or sent without FNC1: worth reading when it starts with a key AI.
  if (/^0[012][0-9]{14}/.test(text)) {
    return symbology === undefined ? fromGs1(raw, read(text), text.startsWith('00') ? 'sscc' : 'gs1') : notGs1();
  }

  const hint = hints.find(([prefix]) => prefix.test(upper))?.[1];
  if (hint !== undefined) {
    return unknown(raw, hint, { code: 'SCAN_BAD_FORMAT', message: `"${text}" looks like a ${hint} code but does not match its pattern` });
  }
  return unknown(raw);
}

/** EAN/UPC symbols (]E0, ]E4, ]E3): the GTIN as printed, plus any composite component. */
function fromEan(raw: string, data: string, withAddOn: boolean, read: Gs1Reader): ClassifiedScan {
  const result = read(raw);
  if (!result.ok) return unknown(raw, 'gtin', { code: result.error.code, message: result.error.message });
  const [primary, ...composite] = result.elements;
  const scanned = withAddOn ? data.slice(0, 13) : (data.split('|')[0] ?? data);
  if (composite.length === 0) return { kind: 'gtin', raw, gtin: primary?.value ?? '', scanned };
  const classified = fromElements(raw, result.elements, undefined);
  return classified.kind === 'gtin' ? { ...classified, scanned } : classified;
}

/**
 * Classifies a scan: trims it (a trailing CR/LF/Tab included), reads a symbology identifier and the GS
 * substitute of the site settings, then tries GS1 data, GS1 keys, the site patterns and carrier
 * tracking numbers, in that order. Never throws.
 */
export function classifyScan(input: string, settings?: Readonly<Partial<ScanPatterns>>): ClassifiedScan {
  const patterns = resolveScanPatterns(settings);
  const raw = trimScan(typeof input === 'string' ? input : '');
  if (raw === '') return unknown('', undefined, { code: 'SCAN_EMPTY', message: 'The scan is empty' });
  const read: Gs1Reader = (text) => parseGs1(text, { gsSubstitute: patterns.gsSubstitute });

  const { id, kind, data } = splitSymbology(raw);
  if (id === undefined) return classifyText(raw, raw, patterns, read);
  switch (kind) {
    case 'ean':
      return fromEan(raw, data, false, read);
    case 'ean-with-add-on':
      return fromEan(raw, data, true, read);
    case 'gs1':
      return fromGs1(raw, read(raw));
    default:
      return classifyText(raw, data, patterns, read, id);
  }
}
