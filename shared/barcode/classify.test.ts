/**
 * classifyScan and the site scan patterns.
 * Sources: carrier test numbers of jkeen/tracking_number_data couriers/ups.json, s10.json, dpd.json
 * (MIT; UPU S10, UPS and DPD Parcel Label Specification 2.4.1 algorithms); zxing-cpp test samples for
 * EAN/UPC (Apache-2.0); gs1-syntax-engine dl.c examples; Quai's own label formats (docs/domain.md).
 */
import { describe, expect, it } from 'vitest';

import { classifyScan, defaultScanPatterns, scanErrorCodes, validateScanPatterns } from './index';
import type { ClassifiedScan } from './index';

describe("Quai's own labels (default patterns)", () => {
  it.each<[string, ClassifiedScan]>([
    ['A-03-02-1', { kind: 'location', raw: 'A-03-02-1', code: 'A-03-02-1', zone: 'A', aisle: '03', bay: '02', level: '1' }],
    ['ABC-10-20-3', { kind: 'location', raw: 'ABC-10-20-3', code: 'ABC-10-20-3', zone: 'ABC', aisle: '10', bay: '20', level: '3' }],
    ['a-03-02-1', { kind: 'location', raw: 'a-03-02-1', code: 'A-03-02-1', zone: 'A', aisle: '03', bay: '02', level: '1' }],
    ['DOCK-01', { kind: 'location', raw: 'DOCK-01', code: 'DOCK-01' }],
    ['STG-12', { kind: 'location', raw: 'STG-12', code: 'STG-12' }],
    ['PACK-03', { kind: 'location', raw: 'PACK-03', code: 'PACK-03' }],
    ['OUT-02\r\n', { kind: 'location', raw: 'OUT-02', code: 'OUT-02' }],
    [']C0A-03-02-1', { kind: 'location', raw: ']C0A-03-02-1', code: 'A-03-02-1', zone: 'A', aisle: '03', bay: '02', level: '1' }],
    ['TOTE-0042', { kind: 'tote', raw: 'TOTE-0042', code: 'TOTE-0042', tote: 'TOTE-0042' }],
    ['TOTE-0042-03', { kind: 'tote', raw: 'TOTE-0042-03', code: 'TOTE-0042-03', tote: 'TOTE-0042', slot: 3 }],
    [
      'run-0f8e3c2a-5b1d-4c7e-9a6f-2d4b8e1c3a5f',
      { kind: 'pick-run', raw: 'run-0f8e3c2a-5b1d-4c7e-9a6f-2d4b8e1c3a5f', code: 'RUN-0F8E3C2A-5B1D-4C7E-9A6F-2D4B8E1C3A5F' },
    ],
    ['ORD-FR-2026-000123', { kind: 'order', raw: 'ORD-FR-2026-000123', code: 'ORD-FR-2026-000123' }],
    ['BADGE-AB12', { kind: 'badge', raw: 'BADGE-AB12', code: 'BADGE-AB12' }],
    ['\tBADGE-0007 ', { kind: 'badge', raw: 'BADGE-0007', code: 'BADGE-0007' }],
    // Prefixed kinds come first: the default location pattern alone would take this one.
    ['ORD-12-34-5', { kind: 'order', raw: 'ORD-12-34-5', code: 'ORD-12-34-5' }],
  ])('%j', (input, expected) => {
    expect(classifyScan(input)).toEqual(expected);
  });

  it.each([
    ['TOTE-42', 'tote'],
    ['RUN-2026', 'pick-run'],
    ['ORD-1', 'order'],
    ['BADGE-X', 'badge'],
    ['A-3-2-1', 'location'],
    ['DOCK-1', 'location'],
  ])('%j is a near miss of a %s code', (input, looksLike) => {
    expect(classifyScan(input)).toEqual({
      kind: 'unknown',
      raw: input,
      looksLike,
      error: { code: 'SCAN_BAD_FORMAT', message: `"${input}" looks like a ${looksLike} code but does not match its pattern` },
    });
  });
});

describe('site settings', () => {
  it('uses site patterns and a keyboard-wedge GS substitute', () => {
    expect(classifyScan('LOC1234', { location: '^LOC\\d{4}$' })).toEqual({ kind: 'location', raw: 'LOC1234', code: 'LOC1234' });
    expect(classifyScan('BAC-7-03', { tote: '^(?<tote>BAC-\\d)-(?<slot>\\d{2})$' })).toEqual({
      kind: 'tote',
      raw: 'BAC-7-03',
      code: 'BAC-7-03',
      tote: 'BAC-7',
      slot: 3,
    });
    expect(classifyScan('0109506000134352' + '10ABC123~17201225', { gsSubstitute: '~' })).toMatchObject({
      kind: 'gtin',
      gtin: '09506000134352',
      lot: 'ABC123',
      expiry: '2020-12-25',
    });
  });

  it('falls back to the default for an unusable pattern, and reports it', () => {
    expect(classifyScan('TOTE-0001', { tote: '(' })).toMatchObject({ kind: 'tote', tote: 'TOTE-0001' });
    expect(classifyScan('ORD-ABCD', { order: '.*' })).toMatchObject({ kind: 'order' });
    expect(validateScanPatterns({ tote: '(', order: '.*', badge: '^$|X', location: '[', gsSubstitute: '1' })).toEqual([
      { field: 'location', code: 'SCAN_PATTERN_INVALID', message: 'The location pattern is not a valid regular expression' },
      { field: 'tote', code: 'SCAN_PATTERN_INVALID', message: 'The tote pattern is not a valid regular expression' },
      { field: 'order', code: 'SCAN_PATTERN_MATCHES_EMPTY', message: 'The order pattern matches an empty scan' },
      { field: 'badge', code: 'SCAN_PATTERN_MATCHES_EMPTY', message: 'The badge pattern matches an empty scan' },
      {
        field: 'gsSubstitute',
        code: 'SCAN_PATTERN_INVALID',
        message: 'The GS substitute must not contain digits: they would be read as FNC1 inside GS1 data',
      },
    ]);
    expect(validateScanPatterns(defaultScanPatterns)).toEqual([]);
    expect(validateScanPatterns({})).toEqual([]);
  });
});

describe('GTINs', () => {
  it.each<[string, ClassifiedScan]>([
    ['4006381333931', { kind: 'gtin', raw: '4006381333931', gtin: '04006381333931', scanned: '4006381333931' }],
    ['036602301467', { kind: 'gtin', raw: '036602301467', gtin: '00036602301467', scanned: '036602301467' }],
    ['48512343', { kind: 'gtin', raw: '48512343', gtin: '00000048512343', scanned: '48512343' }],
    ['20012345678909', { kind: 'gtin', raw: '20012345678909', gtin: '20012345678909', scanned: '20012345678909' }],
    [']E08886316200561', { kind: 'gtin', raw: ']E08886316200561', gtin: '08886316200561', scanned: '8886316200561' }], // zxing ean13-1/#526
    [']E00036602301467', { kind: 'gtin', raw: ']E00036602301467', gtin: '00036602301467', scanned: '0036602301467' }], // zxing upca-1/2
    [']E448512343', { kind: 'gtin', raw: ']E448512343', gtin: '00000048512343', scanned: '48512343' }], // zxing ean8-1/1
    [']E3978073520044951299', { kind: 'gtin', raw: ']E3978073520044951299', gtin: '09780735200449', scanned: '9780735200449' }],
    [']E004252614', { kind: 'gtin', raw: ']E004252614', gtin: '00042100005264', scanned: '04252614' }], // UPC-E
    [']I020012345678909', { kind: 'gtin', raw: ']I020012345678909', gtin: '20012345678909', scanned: '20012345678909' }], // ITF-14
  ])('%j', (input, expected) => {
    expect(classifyScan(input)).toEqual(expected);
  });

  it('reads a GS1 message with a GTIN and its attributes', () => {
    expect(classifyScan('(01)09506000134352(17)201225(10)ABC123(21)S1')).toEqual({
      kind: 'gtin',
      raw: '(01)09506000134352(17)201225(10)ABC123(21)S1',
      gtin: '09506000134352',
      scanned: '09506000134352',
      lot: 'ABC123',
      expiry: '2020-12-25',
      serial: 'S1',
      elements: [
        { ai: '01', value: '09506000134352' },
        { ai: '17', value: '201225' },
        { ai: '10', value: 'ABC123' },
        { ai: '21', value: 'S1' },
      ],
    });
    expect(classifyScan(']C10109506000134352' + '15260600' + '3012')).toMatchObject({
      kind: 'gtin',
      quantity: 12,
      bestBefore: '2026-06-30',
    });
    expect(classifyScan('https://id.gs1.org/01/09506000134352/10/ABC123?17=201225')).toMatchObject({
      kind: 'gtin',
      gtin: '09506000134352',
      lot: 'ABC123',
      expiry: '2020-12-25',
    });
    expect(classifyScan(']Q1https://example.com/01/12312312312333?99=TEST')).toMatchObject({ kind: 'gtin', gtin: '12312312312333' });
    expect(classifyScan(']E02112345678900|]e099COMPOSITE\x1d98XYZ')).toMatchObject({
      kind: 'gtin',
      gtin: '02112345678900',
      scanned: '2112345678900',
      elements: [
        { ai: '01', value: '02112345678900' },
        { ai: '99', value: 'COMPOSITE' },
        { ai: '98', value: 'XYZ' },
      ],
    });
  });

  it('reads the contents barcode of a logistic label, whose SSCC is in the other barcode', () => {
    expect(classifyScan(']C10209506000134352' + '3724\x1d10LOT1\x1d15260600')).toEqual({
      kind: 'gtin',
      raw: ']C10209506000134352' + '3724\x1d10LOT1\x1d15260600',
      gtin: '09506000134352',
      scanned: '09506000134352',
      quantity: 24,
      lot: 'LOT1',
      bestBefore: '2026-06-30',
      elements: [
        { ai: '02', value: '09506000134352' },
        { ai: '37', value: '24' },
        { ai: '10', value: 'LOT1' },
        { ai: '15', value: '260600' },
      ],
      missingAssociation: { ai: '37', message: 'AI (37) requires AI 00 in the same message' },
    });
  });

  it.each([
    ['4006381333932', 'gtin', 'GTIN 4006381333932 has an incorrect check digit'],
    ['12345671', 'gtin', 'GTIN 12345671 has an incorrect check digit'],
    ['20012345678900', 'gtin', 'GTIN 20012345678900 has an incorrect check digit'],
    ['106141411234567890', 'sscc', 'SSCC 106141411234567890 has an incorrect check digit'],
  ])('%s has a bad check digit and looks like a %s', (input, looksLike, message) => {
    expect(classifyScan(input)).toEqual({ kind: 'unknown', raw: input, looksLike, error: { code: 'GS1_BAD_CHECK_DIGIT', message } });
  });

  it('says why GS1 data is refused', () => {
    expect(classifyScan('(01)09506000134353')).toEqual({
      kind: 'unknown',
      raw: '(01)09506000134353',
      looksLike: 'gs1',
      error: { code: 'GS1_BAD_CHECK_DIGIT', message: 'AI (01) incorrect check digit: "09506000134353"' },
    });
    expect(classifyScan(']E04006381333932')).toMatchObject({ kind: 'unknown', looksLike: 'gtin', error: { code: 'GS1_BAD_CHECK_DIGIT' } });
    expect(classifyScan(']C00109506000134352' + '10ABC123')).toMatchObject({
      kind: 'unknown',
      looksLike: 'gs1',
      error: { code: 'GS1_NOT_GS1_SYMBOLOGY' },
    });
    expect(classifyScan('(10)ABC')).toEqual({
      kind: 'unknown',
      raw: '(10)ABC',
      looksLike: 'gs1',
      error: { code: 'GS1_MISSING_ASSOCIATION', message: 'AI (10) requires AI 01 or 02 or 03 or 8006 or 8026 in the same message' },
      elements: [{ ai: '10', value: 'ABC' }],
    });
  });
});

describe('SSCCs', () => {
  const pallet = '(00)106141411234567897(02)09506000134352(37)24(10)LOT1(15)260600';
  it.each<[string, ClassifiedScan]>([
    ['106141411234567897', { kind: 'sscc', raw: '106141411234567897', sscc: '106141411234567897', elements: [{ ai: '00', value: '106141411234567897' }] }],
    ['00106141411234567897', { kind: 'sscc', raw: '00106141411234567897', sscc: '106141411234567897', elements: [{ ai: '00', value: '106141411234567897' }] }],
    [
      ']C100106141411234567897',
      { kind: 'sscc', raw: ']C100106141411234567897', sscc: '106141411234567897', elements: [{ ai: '00', value: '106141411234567897' }] },
    ],
    [
      'https://id.gs1.org/00/952012345678912345?02=09520123456788&37=25&10=ABC123',
      {
        kind: 'sscc',
        raw: 'https://id.gs1.org/00/952012345678912345?02=09520123456788&37=25&10=ABC123',
        sscc: '952012345678912345',
        contents: { gtin: '09520123456788', count: 25, lot: 'ABC123' },
        elements: [
          { ai: '00', value: '952012345678912345' },
          { ai: '02', value: '09520123456788' },
          { ai: '37', value: '25' },
          { ai: '10', value: 'ABC123' },
        ],
      },
    ],
    [
      pallet,
      {
        kind: 'sscc',
        raw: pallet,
        sscc: '106141411234567897',
        contents: { gtin: '09506000134352', count: 24, lot: 'LOT1', bestBefore: '2026-06-30' },
        elements: [
          { ai: '00', value: '106141411234567897' },
          { ai: '02', value: '09506000134352' },
          { ai: '37', value: '24' },
          { ai: '10', value: 'LOT1' },
          { ai: '15', value: '260600' },
        ],
      },
    ],
  ])('%j', (input, expected) => {
    expect(classifyScan(input)).toEqual(expected);
  });

  it('takes AI 00 as the pallet even with a content GTIN and an expiry', () => {
    expect(classifyScan('(00)106141411234567897(01)09506000134352(17)271031')).toMatchObject({
      kind: 'sscc',
      contents: { gtin: '09506000134352', expiry: '2027-10-31' },
    });
  });

  it('says a 20-digit string starting 00 with a bad SSCC looks like an SSCC', () => {
    expect(classifyScan('00106141411234567890')).toMatchObject({ kind: 'unknown', looksLike: 'sscc', error: { code: 'GS1_BAD_CHECK_DIGIT' } });
  });
});

describe('carrier parcels', () => {
  it.each([
    // jkeen/tracking_number_data couriers/ups.json test_numbers.valid
    ['1Z5R89390357567127', 'ups', '1Z5R89390357567127'],
    ['1Z879E930346834440', 'ups', '1Z879E930346834440'],
    ['1Z410E7W0392751591', 'ups', '1Z410E7W0392751591'],
    ['1Z8V92A70367203024', 'ups', '1Z8V92A70367203024'],
    // couriers/s10.json test_numbers.valid (UPU S10)
    ['RB123456785GB', 'unknown-carrier', 'RB123456785GB'],
    ['RB123456785US', 'unknown-carrier', 'RB123456785US'],
    [' R B 1 2 3 4 5 6 7 8 5 C F ', 'unknown-carrier', 'RB123456785CF'],
    ['rb123456785cv', 'unknown-carrier', 'RB123456785CV'],
    // S10 from France: C? parcels (Colissimo), E? EMS (Chronopost)
    ['CP123456785FR', 'colissimo', 'CP123456785FR'],
    ['EE123456785FR', 'chronopost', 'EE123456785FR'],
    ['LA123456785FR', 'unknown-carrier', 'LA123456785FR'],
    // couriers/dpd.json test_numbers.valid (DPD Parcel Label Specification 2.4.1)
    ['09 9800 0002 0033 F', 'dpd', '09980000020033'],
    ['0998 0000 0200 34D', 'dpd', '09980000020034'],
    ['00 81827 0998 0000 0200 33 350 276 C', 'dpd', '09980000020033'],
    ['0081 827 0998 0000 0200 45 327 276 N', 'dpd', '09980000020045'],
    ['%008182709980000020033350276', 'dpd', '09980000020033'], // the label barcode, "%" and no check character
    // Colissimo domestic, 2 letters/digits + 11 digits (pattern only)
    ['6A12345678901', 'colissimo', '6A12345678901'],
    ['8R01234567890', 'colissimo', '8R01234567890'],
  ])('%j is a %s parcel', (input, carrier, tracking) => {
    expect(classifyScan(input)).toMatchObject({ kind: 'parcel', carrier, tracking });
  });

  it.each([
    ['1Z1111111111111111', 'UPS number 1Z1111111111111111 should end in 8'], // ups.json invalid
    ['RB123456786US', 'UPU S10 number RB123456786US should end in 5US'], // s10.json invalid
    ['09980000020033D', 'DPD number 09980000020033D should end in F'], // dpd.json invalid
    ['008182709980000020033350276A', 'DPD number 008182709980000020033350276A should end in C'],
  ])('%j has a wrong check character', (input, message) => {
    expect(classifyScan(input)).toEqual({ kind: 'unknown', raw: input, looksLike: 'parcel', error: { code: 'PARCEL_BAD_CHECK_DIGIT', message } });
  });

  it.each(['RB123456785XX', '2Z5R89390357567127', '1A5R89390357567127', '490154203237518'])('%j is not a tracking number', (input) => {
    expect(classifyScan(input)).toEqual({ kind: 'unknown', raw: input });
  });
});

describe('anything else', () => {
  it.each([
    ['', { kind: 'unknown', raw: '', error: { code: 'SCAN_EMPTY', message: 'The scan is empty' } }],
    [' \r\n', { kind: 'unknown', raw: '', error: { code: 'SCAN_EMPTY', message: 'The scan is empty' } }],
    ['hello world', { kind: 'unknown', raw: 'hello world' }],
    [']C0HELLO', { kind: 'unknown', raw: ']C0HELLO' }],
    ['[)>\x1e06\x1dP445-175186-1-ND\x1e\x04', { kind: 'unknown', raw: '[)>\x1e06\x1dP445-175186-1-ND\x1e\x04', looksLike: 'gs1' }],
  ])('%j', (input, expected) => {
    expect(classifyScan(input)).toMatchObject(expected);
  });

  it('covers every scan error code at least twice across these tests', () => {
    // SCAN_EMPTY ×2 above, SCAN_BAD_FORMAT ×6, PARCEL_BAD_CHECK_DIGIT ×4,
    // SCAN_PATTERN_INVALID ×3 and SCAN_PATTERN_MATCHES_EMPTY ×2 in "site settings".
    expect([...scanErrorCodes]).toEqual(['SCAN_EMPTY', 'SCAN_BAD_FORMAT', 'PARCEL_BAD_CHECK_DIGIT', 'SCAN_PATTERN_INVALID', 'SCAN_PATTERN_MATCHES_EMPTY']);
  });
});
