/**
 * Property tests (fast-check): parseGs1 and classifyScan never throw, whatever they are given, and
 * valid element lists generated from the AI table (values built to satisfy every linter of every
 * component, associations closed over `req=` and free of `ex=` conflicts) survive
 * toElementString / toHumanReadable and parseGs1 unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { allAis, lookupAi } from './ai-table';
import { matchesAiPattern, validateAssociations } from './associations';
import { aidcMediaTypes, iso3166Alpha2, iso3166Numeric, iso4217Numeric, packageTypeCodes } from './code-lists';
import { gs1ErrorCodes, scanErrorCodes } from './errors';
import {
  classifyScan,
  gs1CheckDigit,
  gs1DateToIso,
  gs1Decimal,
  isValidGtin,
  isValidSscc,
  normaliseGtin,
  parseGs1,
  toElementString,
  toHumanReadable,
  validateScanPatterns,
} from './index';
import { checkCharacterPair, cset39chars, cset64chars, cset82chars } from './linters';
import type { AiComponent, AiEntry } from './syntax-dictionary';
import type { Gs1Element } from './types';

const kinds = ['sscc', 'gtin', 'location', 'tote', 'order', 'pick-run', 'badge', 'parcel', 'unknown'];
const errorCodes: readonly string[] = [...gs1ErrorCodes, ...scanErrorCodes];

const checkDigit = (digits: string): string => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += ((digits.length - i) % 2 === 1 ? 3 : 1) * Number(digits[i]);
  return String((10 - (sum % 10)) % 10);
};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const chars = (alphabet: string, min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));
const digits = (min: number, max: number = min): fc.Arbitrary<string> => chars('0123456789', min, max);
const fromSet = (set: ReadonlySet<string>, max: number): fc.Arbitrary<string> => fc.constantFrom(...[...set].filter((c) => c.length <= max));

const date6 = (dayZero: boolean): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: dayZero ? 0 : 1, max: 28 }))
    .map(([y, m, d]) => `${pad(y, 2)}${pad(m, 2)}${pad(d, 2)}`);
const hour = fc.integer({ min: 0, max: 23 }).map((h) => pad(h, 2));
const sixty = fc.integer({ min: 0, max: 59 }).map((m) => pad(m, 2));

/** A component value that passes its character set and every linter named on it. */
function componentArb(c: Readonly<AiComponent>): fc.Arbitrary<string> {
  const has = (name: string): boolean => (c.linters as readonly string[]).includes(name);
  if (has('yymmd0') || has('yymmdd')) return date6(has('yymmd0'));
  if (has('yyyymmdd')) {
    return fc.tuple(fc.integer({ min: 1900, max: 2099 }), date6(false)).map(([y, d]) => `${y}${d.slice(2)}`);
  }
  if (has('hh')) return hour;
  if (has('mi') || has('ss')) return sixty;
  if (has('hhmi')) return fc.tuple(hour, sixty).map(([h, m]) => h + m);
  if (has('iso3166')) return fromSet(iso3166Numeric, 3);
  if (has('iso3166999')) return fc.oneof(fromSet(iso3166Numeric, 3), fc.constant('999'));
  if (has('iso3166alpha2')) return fromSet(iso3166Alpha2, 2);
  if (has('iso4217')) return fromSet(iso4217Numeric, 3);
  if (has('mediatype')) return fromSet(aidcMediaTypes, 2);
  if (has('packagetype')) return fromSet(packageTypeCodes, c.max);
  if (has('iso5218')) return fc.constantFrom('0', '1', '2', '9');
  if (has('winding')) return fc.constantFrom('0', '1', '9');
  if (has('yesno')) return fc.constantFrom('0', '1');
  if (has('importeridx')) return fc.constantFrom(...'-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz');
  if (has('zero')) return fc.constant('0'.repeat(c.min));
  if (has('hyphen')) return fc.constant('-'.repeat(c.min));
  if (has('latitude')) return fc.integer({ min: 0, max: 1_800_000_000 }).map((n) => pad(n, 10));
  if (has('longitude')) return fc.integer({ min: 0, max: 2_147_483_647 }).map((n) => pad(n, 10));
  if (has('pieceoftotal')) {
    return fc.integer({ min: 1, max: 99 }).chain((total) => fc.integer({ min: 1, max: total }).map((p) => pad(p, 2) + pad(total, 2)));
  }
  if (has('posinseqslash')) return fc.integer({ min: 1, max: 9 }).chain((end) => fc.integer({ min: 1, max: end }).map((p) => `${p}/${end}`));
  // lint_iban.c, lint_couponcode.c and lint_couponposoffer.c unit test values.
  if (has('iban')) return fc.constantFrom('FR7630006000011234567890189', 'GB98MIDL07009312345678', 'BE71096123456769');
  if (has('couponcode')) return fc.constantFrom('012345612345611110123', '10014141012345290110100');
  if (has('couponposoffer')) return fc.constantFrom('001234561234560123456', '0012345612345611234567');

  const alphabet = { N: '0123456789', X: cset82chars.replace(has('pcenc') ? '%' : '', ''), Y: cset39chars, Z: cset64chars }[c.cset];
  const gcpAt = has('gcppos2') ? 1 : has('gcppos1') ? 0 : -1;
  const reserve = (gcpAt >= 0 ? gcpAt + 4 : 0) + (has('csum') ? 1 : 0) + (has('csumalpha') ? 3 : 0);
  const min = Math.min(c.max, Math.max(c.min, reserve));
  return fc.integer({ min, max: c.max }).chain((length) => {
    const bodyLength = length - (has('csum') ? 1 : has('csumalpha') ? 2 : 0);
    return fc.tuple(chars(alphabet, bodyLength, bodyLength), digits(4)).map(([raw, gcp]) => {
      let body = raw;
      if (gcpAt >= 0) body = body.slice(0, gcpAt) + gcp + body.slice(gcpAt + 4);
      if (has('hasnondigit') && /^[0-9]*$/.test(body)) body = `${body.slice(0, -1)}A`;
      if (has('nonzero') && /^0*$/.test(body)) body = `${body.slice(0, -1)}1`;
      if (has('nozeroprefix') && body.startsWith('0')) body = `1${body.slice(1)}`;
      if (has('csum')) return body + checkDigit(body);
      if (has('csumalpha')) return body + (checkCharacterPair(body) ?? '');
      return body;
    });
  });
}

/** A whole value: every mandatory component, then some of the optional ones, in order. */
function valueArb(entry: Readonly<AiEntry>): fc.Arbitrary<string> {
  const optional = entry.components.filter((c) => c.optional).length;
  return fc.integer({ min: 0, max: optional }).chain((keep) => {
    const used = entry.components.slice(0, entry.components.length - optional + keep);
    return fc.tuple(...used.map(componentArb)).map((parts) => parts.join(''));
  });
}

const conflicts = (a: string, b: string): boolean =>
  (lookupAi(a)?.ex ?? []).some((p) => matchesAiPattern(p, b)) || (lookupAi(b)?.ex ?? []).some((p) => matchesAiPattern(p, a));

/** Adds, for every unmet `req=`, the first alternative group that conflicts with nothing present. */
function closeOverRequirements(start: readonly string[]): string[] {
  const ais = [...new Set(start)];
  for (let i = 0; i < ais.length && ais.length < 12; i++) {
    const self = ais[i] ?? '';
    for (const groups of lookupAi(self)?.req ?? []) {
      const met = groups.some((group) => group.every((p) => ais.some((a) => a !== self && matchesAiPattern(p, a))));
      if (met) continue;
      const concrete = groups
        .map((group) => group.map((p) => p.replaceAll('n', '0')))
        .find((group) => group.every((ai) => lookupAi(ai) !== undefined && ais.every((a) => !conflicts(a, ai))));
      for (const ai of concrete ?? []) if (!ais.includes(ai)) ais.push(ai);
    }
  }
  return ais;
}

const validMessage: fc.Arbitrary<Gs1Element[]> = fc
  .array(fc.constantFrom(...allAis()), { minLength: 1, maxLength: 4 })
  .map(closeOverRequirements)
  .chain((ais) => fc.tuple(...ais.map((ai) => valueArb(lookupAi(ai) as AiEntry).map((value) => ({ ai, value })))))
  .chain((elements) => fc.shuffledSubarray(elements, { minLength: elements.length, maxLength: elements.length }))
  .filter((elements) => validateAssociations(elements) === null);

const scanLike: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('0', '1', '2', '3', '7', '9', '00', '01', '02', '10', '17', '21', '37', '3103', '8030', '90'),
      fc.constantFrom('\x1d', '(', ')', '\\(', ']C1', ']e0', ']d2', ']Q1', ']E0', ']E4', '|]e0', '<GS>', '~', '|'),
      fc.constantFrom('https://id.gs1.org', 'HTTP://a', '/01/', '/00/', '/10/', '/22/', '?', '&', '=', '#', '%2F', '%00', '+'),
      fc.constantFrom('09506000134352', '106141411234567897', 'ABC123', 'TOTE-', 'A-03-02-1', '1Z', 'FR', '%'),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

/** Valid messages in their three forms, then damaged: characters deleted, replaced or inserted. */
const nearlyValid: fc.Arbitrary<string> = fc
  .tuple(
    validMessage,
    fc.constantFrom('raw', 'scanned', 'human'),
    fc.array(fc.tuple(fc.nat(300), fc.nat(2), fc.constantFrom('', '\x1d', '(', ')', '0', '9', 'A', '%', '/', ']C1')), { maxLength: 3 }),
  )
  .map(([elements, form, edits]) => {
    let s = form === 'human' ? toHumanReadable(elements) : `${form === 'scanned' ? ']C1' : ''}${toElementString(elements)}`;
    for (const [at, remove, insert] of edits) {
      const p = at % (s.length + 1);
      s = s.slice(0, p) + insert + s.slice(p + remove);
    }
    return s;
  });

const checkShape = (input: string, options?: { gsSubstitute?: string }): void => {
  const result = parseGs1(input, options);
  if (result.ok) {
    for (const e of result.elements) expect(lookupAi(e.ai)).toBeDefined();
  } else {
    expect(errorCodes).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(0);
  }
};

describe('never throws', () => {
  it('parseGs1 on any string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => checkShape(s)),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => checkShape(s)),
      { numRuns: 500 },
    );
  });

  it('parseGs1 on strings made of GS1 pieces or damaged GS1 messages, with any GS substitute', () => {
    fc.assert(
      fc.property(scanLike, (s) => checkShape(s)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(nearlyValid, (s) => checkShape(s)),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(scanLike, fc.string({ maxLength: 4 }), (s, gsSubstitute) => checkShape(s, { gsSubstitute })),
      {
        numRuns: 500,
      },
    );
  });

  it('classifyScan on any string, with any settings', () => {
    const settings = fc.record(
      { location: fc.string(), tote: fc.string(), order: fc.string(), pickRun: fc.string(), badge: fc.string(), gsSubstitute: fc.string() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), scanLike, nearlyValid, fc.string({ unit: 'binary' })), settings, (s, patterns) => {
        const scan = classifyScan(s, patterns);
        expect(kinds).toContain(scan.kind);
        if (scan.kind === 'unknown' && scan.error !== undefined) expect(errorCodes).toContain(scan.error.code);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('never throws, even when plain JavaScript passes the wrong types', () => {
  it('every exported function', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        const str = a as string;
        parseGs1(str, b as { gsSubstitute?: string });
        classifyScan(str, b as Record<string, string>);
        toElementString(a as Gs1Element[], b as string);
        toHumanReadable(a as Gs1Element[]);
        gs1Decimal(str, b as string);
        gs1CheckDigit(str);
        gs1DateToIso(str);
        isValidGtin(str);
        isValidSscc(str);
        normaliseGtin(str);
        validateScanPatterns(a as Record<string, string>);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('round trip of valid messages', () => {
  it('parseGs1(toElementString(elements)) gives the elements back', () => {
    fc.assert(
      fc.property(validMessage, (elements) => {
        expect(parseGs1(toElementString(elements))).toEqual({ ok: true, elements });
        expect(parseGs1(`]C1${toElementString(elements)}`)).toEqual({ ok: true, elements });
      }),
      { numRuns: 1000 },
    );
  });

  it('through the human-readable form and a keyboard-wedge substitute', () => {
    fc.assert(
      fc.property(validMessage, (elements) => {
        expect(parseGs1(toHumanReadable(elements))).toEqual({ ok: true, elements });
        expect(parseGs1(toElementString(elements, '|'), { gsSubstitute: '|' })).toEqual({ ok: true, elements });
        expect(kinds).toContain(classifyScan(toHumanReadable(elements)).kind);
      }),
      { numRuns: 500 },
    );
  });

  it('re-encoding whatever parseGs1 accepted reads the same elements', () => {
    fc.assert(
      fc.property(fc.oneof(scanLike, nearlyValid), (s) => {
        const first = parseGs1(s);
        if (first.ok) expect(parseGs1(toElementString(first.elements))).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });

  it('covers every AI of the table in generated values', () => {
    for (const ai of allAis()) {
      const entry = lookupAi(ai) as AiEntry;
      fc.assert(
        fc.property(valueArb(entry), (value) => {
          const result = parseGs1(toElementString([{ ai, value }]));
          // Alone an AI may miss its associations, but never its own format.
          if (!result.ok) expect(['GS1_MISSING_ASSOCIATION', 'GS1_MISSING_SERIAL']).toContain(result.error.code);
        }),
        { numRuns: 20 },
      );
    }
  });
});
