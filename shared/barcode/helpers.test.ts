/**
 * Small helpers the app reuses: check digits, GTIN/SSCC, decimals, dates, output formats.
 * Sources per group: GS1 General Specifications §7.9 (check digit example), gs1-syntax-engine
 * lint_csum.c / scandata.c tests (Apache-2.0), the GS1 Digital Link Standard example
 * 3103=000195, zxing-cpp test samples.
 */
import { describe, expect, it } from 'vitest';

import { expandUpcE } from './check-digit';
import { gs1FullYear } from './dates';
import { gs1CheckDigit, gs1DateToIso, gs1Decimal, isValidGtin, isValidSscc, normaliseGtin, toElementString, toHumanReadable } from './index';
import type { Gs1Element } from './types';

describe('gs1CheckDigit', () => {
  it.each([
    ['629104150021', 3], // GS1 GenSpecs §7.9.1 worked example (GTIN-13 6291041500213)
    ['0234567', 3], // lint_csum.c: 02345673
    ['41600033610', 8], // lint_csum.c: 416000336108
    ['123456789012', 8], // lint_csum.c: 1234567890128
    ['1234567890123', 1], // lint_csum.c: 12345678901231
    ['12345678901234567', 5], // lint_csum.c: 123456789012345675
    ['2401234567890', 5], // scandata.c: 24012345678905
    ['0950600013435', 2], // GTIN 09506000134352
    ['00614141123456789', 0], // SSCC 006141411234567890
  ])('%s → %i', (digits, check) => {
    expect(gs1CheckDigit(digits)).toBe(check);
  });

  it.each(['', '12A4', ' 123', '１２３'])('returns -1 for %j', (input) => {
    expect(gs1CheckDigit(input)).toBe(-1);
  });
});

describe('GTIN and SSCC', () => {
  it.each([
    ['4006381333931', true], // zxing ean13
    ['8886316200561', true], // zxing ean13-1/#526
    ['036602301467', true], // UPC-A (zxing upca-1/2 without its leading 0)
    ['48512343', true], // EAN-8 (zxing ean8-1/1)
    ['20012345678909', true], // GTIN-14 (zxing rss14-1/4)
    ['4006381333932', false],
    ['400638133393', false], // 12 digits, wrong check digit
    ['123456789', false], // no GTIN has 9 digits
    ['40063813339A1', false],
  ])('isValidGtin(%s) = %s', (s, valid) => {
    expect(isValidGtin(s)).toBe(valid);
  });

  it.each([
    ['106141411234567897', true],
    ['006141411234567890', true], // dl.c tests
    ['952012345678912345', true], // GS1 Digital Link Standard example
    ['106141411234567890', false],
    ['10614141123456789', false], // 17 digits
  ])('isValidSscc(%s) = %s', (s, valid) => {
    expect(isValidSscc(s)).toBe(valid);
  });

  it.each([
    ['4006381333931', '04006381333931'],
    ['48512343', '00000048512343'],
    ['036602301467', '00036602301467'],
    ['09506000134352', '09506000134352'],
    ['4006381333932', null],
    ['', null],
  ])('normaliseGtin(%j) = %j', (s, expected) => {
    expect(normaliseGtin(s)).toBe(expected);
  });

  it('expands UPC-E to UPC-A (zxing UPCEReader rules)', () => {
    expect(expandUpcE('04252614')).toBe('042100005264'); // last digit 1: manufacturer 421 00
    expect(expandUpcE('01234565')).toBe('012345000065'); // last digit 5..9
    expect(expandUpcE('04252615')).toBeNull();
    expect(expandUpcE('24252614')).toBeNull(); // number system must be 0 or 1
  });
});

describe('gs1Decimal', () => {
  it.each([
    ['3103', '000195', 0.195], // GS1 Digital Link Standard: ?3103=000195 (net weight kg)
    ['3102', '001750', 17.5], // zxing rssexpanded-1/15
    ['3100', '001750', 1750],
    ['3922', '0299', 2.99], // Digital Link example 3922=0299 (price)
    ['3932', '978123', 1.23], // currency 978 (EUR) then amount
    ['3941', '1234', 123.4], // percentage off
    ['3955', '123456', 1.23456],
    ['3375', '000001', 0.00001],
    ['3909', '1', 1e-9],
  ])('gs1Decimal(%s, %s) = %d', (ai, value, expected) => {
    expect(gs1Decimal(ai, value)).toBe(expected);
  });

  it.each([
    ['01', '09506000134352'], // not a decimal AI
    ['3106', '000195'], // no such AI
    ['3103', ''],
    ['3103', '00A195'],
    ['3932', '978'], // currency without amount
    ['8005', '000100'],
  ])('gs1Decimal(%s, %j) is null', (ai, value) => {
    expect(gs1Decimal(ai, value)).toBeNull();
  });
});

describe('dates (GS1 GenSpecs §7.12)', () => {
  it.each([
    ['201225', 2026, '2020-12-25'],
    ['260600', 2026, '2026-06-30'], // day 00: last day of the month
    ['240200', 2026, '2024-02-29'],
    ['000229', 2026, '2000-02-29'],
    ['991231', 2026, '1999-12-31'], // 99 - 26 = 73 ≥ 51: previous century
    ['760101', 2026, '2076-01-01'], // 76 - 26 = 50: current century
    ['770101', 2026, '1977-01-01'], // 51: previous century
    ['400101', 2090, '2140-01-01'], // 40 - 90 = -50: next century
    ['410101', 2090, '2041-01-01'],
  ])('%s in %i → %s', (yymmdd, year, iso) => {
    expect(gs1DateToIso(yymmdd, year)).toBe(iso);
  });

  it.each(['201232', '201300', '210229', '2012', 'ABCDEF'])('%j is not a date', (yymmdd) => {
    expect(gs1DateToIso(yymmdd, 2026)).toBeNull();
  });

  it('expands two-digit years around the reference year', () => {
    expect([gs1FullYear(0, 2026), gs1FullYear(99, 2026), gs1FullYear(76, 2026), gs1FullYear(77, 2026)]).toEqual([2000, 1999, 2076, 1977]);
  });
});

describe('output formats', () => {
  const gtinLotExpiry: Gs1Element[] = [
    { ai: '01', value: '09506000134352' },
    { ai: '10', value: 'ABC123' },
    { ai: '17', value: '201225' },
  ];

  it('writes the human-readable form, escaping "("', () => {
    expect(toHumanReadable(gtinLotExpiry)).toBe('(01)09506000134352(10)ABC123(17)201225');
    expect(toHumanReadable([{ ai: '10', value: 'AB(C' }])).toBe('(10)AB\\(C');
    expect(toHumanReadable([])).toBe('');
  });

  it('puts FNC1 only after variable-length AIs that are not last', () => {
    expect(toElementString(gtinLotExpiry)).toBe('0109506000134352' + '10ABC123\x1d' + '17201225');
    expect(toElementString(gtinLotExpiry, '|')).toBe('010950600013435210ABC123|17201225');
    expect(toElementString([gtinLotExpiry[0]!, gtinLotExpiry[2]!, gtinLotExpiry[1]!])).toBe('01095060001343521720122510ABC123');
    // (8111) has a fixed length but no '*' flag: it needs FNC1 like any other.
    expect(
      toElementString(
        [
          { ai: '8111', value: '1234' },
          { ai: '255', value: '5412345000150' },
        ],
        '~',
      ),
    ).toBe('81111234~2555412345000150');
    expect(toElementString([])).toBe('');
  });
});
