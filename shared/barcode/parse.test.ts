/**
 * parseGs1 end to end: symbology identifiers, FNC1 and its keyboard-wedge substitutes, EAN/UPC,
 * composites, examples of the GS1 General Specifications, the ZXing black-box samples, and every error
 * code with the AI it names.
 *
 * Sources: gs1/gs1-syntax-engine `src/c-lib/scandata.c` `test_scandata_processScanData` (Apache-2.0);
 * zxing-cpp `test/samples/*` expected texts (Apache-2.0, copied in /work/shared/testdata/zxing-samples);
 * GS1 General Specifications examples cited per group.
 */
import { describe, expect, it } from 'vitest';

import { gs1ErrorCodes } from './errors';
import { parseGs1 } from './parse';
import type { Gs1Element, Gs1ParseResult } from './types';

const els = (...pairs: string[]): Gs1Element[] =>
  pairs.map((pair) => {
    const colon = pair.indexOf(':');
    return { ai: pair.slice(0, colon), value: pair.slice(colon + 1) };
  });
const ok = (...pairs: string[]): Gs1ParseResult => ({ ok: true, elements: els(...pairs) });
const codeOf = (result: Gs1ParseResult): string => (result.ok ? 'OK' : result.error.code);

describe('scan data with symbology identifiers (scandata.c test_scandata_processScanData)', () => {
  it.each([
    [']Q3011231231231233310ABC123\x1d99TESTING', ok('01:12312312312333', '10:ABC123', '99:TESTING')],
    [']d2011231231231233310ABC123\x1d99TESTING', ok('01:12312312312333', '10:ABC123', '99:TESTING')],
    [']e0011231231231233310ABC123\x1d99TESTING', ok('01:12312312312333', '10:ABC123', '99:TESTING')],
    [']e0011231231231233310ABC123\x1d99TESTING\x1d98XYZ', ok('01:12312312312333', '10:ABC123', '99:TESTING', '98:XYZ')],
    [']e0011231231231233310ABC123\x1d1199122598TESTING\x1d97XYZ', ok('01:12312312312333', '10:ABC123', '11:991225', '98:TESTING', '97:XYZ')],
    [']C1011231231231233310ABC123\x1d99TESTING', ok('01:12312312312333', '10:ABC123', '99:TESTING')],
    [']E02112345678900', ok('01:02112345678900')],
    [']E02112345678900|]e099COMPOSITE\x1d98XYZ', ok('01:02112345678900', '99:COMPOSITE', '98:XYZ')],
    [']E402345673', ok('01:00000002345673')],
    [']E402345673|]e099COMPOSITE\x1d98XYZ', ok('01:00000002345673', '99:COMPOSITE', '98:XYZ')],
  ])('%j', (input, expected) => {
    expect(parseGs1(input)).toEqual(expected);
  });

  it.each([
    [']e0', 'GS1_EMPTY'],
    [']C1', 'GS1_EMPTY'],
    [']Q3', 'GS1_EMPTY'],
    [']d2', 'GS1_EMPTY'],
    [']E0', 'GS1_EMPTY'],
    [']E0123456789012', 'GS1_BAD_LENGTH'], // short
    [']E012345678901234', 'GS1_BAD_LENGTH'], // long
    [']E01234ABC890123', 'GS1_BAD_CHARSET'], // non-numeric
    [']E02112345678901', 'GS1_BAD_CHECK_DIGIT'],
    [']E41234567', 'GS1_BAD_LENGTH'],
    [']E4123456789', 'GS1_BAD_LENGTH'],
    [']E412ABC678', 'GS1_BAD_CHARSET'],
    [']E402345674', 'GS1_BAD_CHECK_DIGIT'],
    [']Q1TESTING', 'GS1_NOT_GS1_SYMBOLOGY'],
    [']d1TESTING', 'GS1_NOT_GS1_SYMBOLOGY'],
    [']C0ABC123', 'GS1_NOT_GS1_SYMBOLOGY'],
    [']C00109506000134352', 'GS1_NOT_GS1_SYMBOLOGY'], // Code 128 without FNC1 is not GS1-128
    [']E112', 'GS1_NOT_GS1_SYMBOLOGY'], // an add-on alone
  ])('%j is refused with %s', (input, code) => {
    expect(codeOf(parseGs1(input))).toBe(code);
  });

  it('names the symbology that carries no GS1 data', () => {
    expect(parseGs1(']C0ABC123')).toEqual({
      ok: false,
      error: { code: 'GS1_NOT_GS1_SYMBOLOGY', message: 'Code 128 (]C0) does not carry GS1 data', details: { symbology: ']C0' } },
    });
  });
});

describe('other GS1 symbology identifiers and EAN/UPC forms (ISO/IEC 15424 modifiers)', () => {
  it.each([
    [']J10109506000134352', ok('01:09506000134352')], // GS1 DotCode
    [']d50109506000134352', ok('01:09506000134352')], // GS1 DataMatrix with ECI
    [']Q40109506000134352', ok('01:09506000134352')], // GS1 QR Code with ECI
    [']E00036602301467', ok('01:00036602301467')], // UPC-A as 13 digits (zxing upca-1/2.txt)
    [']E004252614', ok('01:00042100005264')], // UPC-E 0425261(4) = UPC-A 042100005264
    [']E3978073520044951299', ok('01:09780735200449')], // EAN-13 + 5-digit add-on (zxing ean13-extension-1/1.txt)
    [']E3007183100799519868', ok('01:00071831007995')], // UPC-A + 5-digit add-on (zxing upca-extension-1/8.txt)
    [']E3002454313653800', ok('01:00024543136538')], // UPC-A + 2-digit add-on (zxing upca-extension-1/18.txt)
  ])('%j', (input, expected) => {
    expect(parseGs1(input)).toEqual(expected);
  });

  it.each([
    [']E004252615', 'GS1_BAD_CHECK_DIGIT'], // UPC-E with a wrong check digit
    [']E39780735200449', 'GS1_BAD_LENGTH'], // no add-on after ]E3
  ])('%j is refused with %s', (input, code) => {
    expect(codeOf(parseGs1(input))).toBe(code);
  });
});

describe('FNC1 as GS or as a keyboard-wedge substitute', () => {
  const expected = ok('01:09506000134352', '10:ABC123', '21:XYZ', '17:201225');
  it.each([
    ['0109506000134352' + '10ABC123\x1d21XYZ\x1d17201225', undefined],
    ['\x1d0109506000134352' + '10ABC123\x1d21XYZ\x1d17201225', undefined], // FNC1 in first position
    ['0109506000134352' + '10ABC123<GS>21XYZ<GS>17201225', '<GS>'],
    ['0109506000134352' + '10ABC123|21XYZ|17201225', '|'],
    ['~0109506000134352' + '10ABC123~21XYZ~17201225~', '~'],
    [']C10109506000134352' + '10ABC123~21XYZ~17201225', '~'],
    ['  0109506000134352' + '10ABC123\x1d21XYZ\x1d17201225\r\n', undefined], // scanner suffix and spaces
  ])('%j with substitute %j', (input, gsSubstitute) => {
    expect(parseGs1(input, gsSubstitute === undefined ? undefined : { gsSubstitute })).toEqual(expected);
  });

  it('reads an empty substitute as no substitute', () => {
    expect(parseGs1('0109506000134352', { gsSubstitute: '' })).toEqual(ok('01:09506000134352'));
  });
});

describe('GS1 General Specifications examples', () => {
  it.each([
    // GTIN 09506000134352, the example GTIN of the GS1 Digital Link Standard, with expiry and batch.
    ['(01)09506000134352(17)201225(10)ABC123', ok('01:09506000134352', '17:201225', '10:ABC123')],
    ['01095060001343521720122510ABC123', ok('01:09506000134352', '17:201225', '10:ABC123')],
    // GS1 GenSpecs figure 4.15.1-2 (the ZXing "gs1-figure-4.15.1-2" samples encode it).
    [
      '(01)09504000059101(21)12345678p901(10)1234567p(17)141120(8200)http://www.gs1.org/demo/',
      ok('01:09504000059101', '21:12345678p901', '10:1234567p', '17:141120', '8200:http://www.gs1.org/demo/'),
    ],
    // Homogeneous pallet as on a GS1 Logistic Label: SSCC, content GTIN, count, batch, best before
    // (day 00 allowed by the yymmd0 linter of AI 15).
    ['(00)106141411234567897(02)09506000134352(37)24(10)LOT1(15)260600', ok('00:106141411234567897', '02:09506000134352', '37:24', '10:LOT1', '15:260600')],
    // Trade measure with implied decimal point (AI 3103 = net weight in kg, 3 decimals), from the
    // GS1 Digital Link Standard example https://id.gs1.org/01/09520123456788?3103=000195.
    ['(01)09520123456788(3103)000195', ok('01:09520123456788', '3103:000195')],
    // Escaped bracket in a value of the human-readable form.
    ['(01)09520123456788(10)AB\\(C', ok('01:09520123456788', '10:AB(C')],
  ])('%j', (input, expected) => {
    expect(parseGs1(input)).toEqual(expected);
  });
});

describe('ZXing black-box samples that are GS1 data (zxing-cpp test/samples, copied in testdata/zxing-samples)', () => {
  // The files hold raw GS1 data (FNC1 = 0x1D, no symbology identifier, no parentheses); the symbology
  // identifier comes from the sample's .result.txt when it has one. ZXing tests its decoder, not GS1
  // validity: many DataBar Expanded samples are synthetic (AI 10 alone, "country" 123, "currency" 040,
  // AI 16 with 4 digits), so they parse as element strings but fail the Syntax Dictionary rules. For a
  // missing association the elements read are checked too (details.elements).
  it.each([
    ['rss14-1/0120358468019312.txt', '', '0120358468019312', 'OK', els('01:20358468019312')],
    ['rss14-1/1.txt', ']e0', '0104412345678909', 'OK', els('01:04412345678909')],
    ['rss14-1/11.txt', '', '0102001234567893', 'OK', els('01:02001234567893')],
    ['rss14-1/3.txt', '', '0100075678164125', 'OK', els('01:00075678164125')],
    ['rss14-1/4.txt', '', '0120012345678909', 'OK', els('01:20012345678909')],
    ['rss14-1/5.txt', '', '0100012345678905', 'OK', els('01:00012345678905')],
    ['rss14-2/2.txt', '', '0100821935106427', 'OK', els('01:00821935106427')],
    ['rss14-2/5.txt', '', '0100034567890125', 'OK', els('01:00034567890125')],
    ['databarltd-1/00.txt', '', '0100000000000000', 'OK', els('01:00000000000000')],
    ['databarltd-1/01.txt', ']e0', '0100068510889102', 'OK', els('01:00068510889102')],
    ['rssexpanded-1/1.txt', ']e0', '11100224171102243102000100', 'GS1_MISSING_ASSOCIATION', els('11:100224', '17:110224', '3102:000100')],
    ['rssexpanded-1/10-corrected.txt', '', '01988987654321061599123131030017501012A\x1d422123\x1d21123456\x1d423012345678901', 'GS1_BAD_COUNTRY_CODE', null],
    ['rssexpanded-1/11.txt', '', '01988987654321061599123131030017501012A\x1d422123\x1d21123456', 'GS1_BAD_COUNTRY_CODE', null],
    ['rssexpanded-1/12.txt', '', '01988987654321063103001750', 'OK', els('01:98898765432106', '3103:001750')],
    ['rssexpanded-1/13.txt', '', '01900123456789083922795', 'GS1_MISSING_ASSOCIATION', els('01:90012345678908', '3922:795')],
    ['rssexpanded-1/14.txt', '', '019001234567890839320401234', 'GS1_BAD_CURRENCY_CODE', null],
    ['rssexpanded-1/15.txt', '', '0190012345678908310200175011100312', 'OK', els('01:90012345678908', '3102:001750', '11:100312')],
    ['rssexpanded-1/16.txt', '', '0190012345678908320200175011100312', 'OK', els('01:90012345678908', '3202:001750', '11:100312')],
    ['rssexpanded-1/17.txt', '', '0190012345678908310200175013100312', 'OK', els('01:90012345678908', '3102:001750', '13:100312')],
    ['rssexpanded-1/18.txt', '', '0190012345678908320200175013100312', 'OK', els('01:90012345678908', '3202:001750', '13:100312')],
    ['rssexpanded-1/19.txt', '', '0190012345678908310200175015100312', 'OK', els('01:90012345678908', '3102:001750', '15:100312')],
    ['rssexpanded-1/2.txt', '', '01900123456789083103001750', 'OK', els('01:90012345678908', '3103:001750')],
    ['rssexpanded-1/20.txt', '', '0190012345678908320200175015100312', 'OK', els('01:90012345678908', '3202:001750', '15:100312')],
    ['rssexpanded-1/21.txt', '', '0190012345678908310200175017100312', 'OK', els('01:90012345678908', '3102:001750', '17:100312')],
    ['rssexpanded-1/22.txt', '', '0190012345678908320200175017100312', 'OK', els('01:90012345678908', '3202:001750', '17:100312')],
    ['rssexpanded-1/23.txt', '', '1056789\x1d11010101', 'GS1_MISSING_ASSOCIATION', els('10:56789', '11:010101')],
    ['rssexpanded-1/24.txt', '', '10567890\x1d11010101', 'GS1_MISSING_ASSOCIATION', els('10:567890', '11:010101')],
    ['rssexpanded-1/25.txt', '', '10123', 'GS1_MISSING_ASSOCIATION', els('10:123')],
    ['rssexpanded-1/26.txt', '', '105678\x1d11010101', 'GS1_MISSING_ASSOCIATION', els('10:5678', '11:010101')],
    ['rssexpanded-1/27.txt', '', '101098-1234', 'GS1_MISSING_ASSOCIATION', els('10:1098-1234')],
    ['rssexpanded-1/28.txt', '', '101098/1234', 'GS1_MISSING_ASSOCIATION', els('10:1098/1234')],
    ['rssexpanded-1/29.txt', '', '101098.1234', 'GS1_MISSING_ASSOCIATION', els('10:1098.1234')],
    ['rssexpanded-1/3.txt', '', '1012A', 'GS1_MISSING_ASSOCIATION', els('10:12A')],
    ['rssexpanded-1/30.txt', '', '101098*1234', 'GS1_MISSING_ASSOCIATION', els('10:1098*1234')],
    ['rssexpanded-1/31.txt', '', '101098,1234', 'GS1_MISSING_ASSOCIATION', els('10:1098,1234')],
    ['rssexpanded-1/32.txt', '', '1599123131030017501012A\x1d422123\x1d21123456\x1d4230123456789012', 'GS1_BAD_COUNTRY_CODE', null],
    ['rssexpanded-1/4.txt', '', '0198898765432106320201234515991231', 'OK', els('01:98898765432106', '3202:012345', '15:991231')],
    ['rssexpanded-1/5.txt', '', '01906141410000153202000150', 'OK', els('01:90614141000015', '3202:000150')],
    ['rssexpanded-1/6.txt', '', '10567\x1d019001234567890811010101', 'OK', els('10:567', '01:90012345678908', '11:010101')],
    ['rssexpanded-1/62.txt', '', '101', 'GS1_MISSING_ASSOCIATION', els('10:1')],
    ['rssexpanded-1/7.txt', '', '10567\x1d11010101', 'GS1_MISSING_ASSOCIATION', els('10:567', '11:010101')],
    ['rssexpanded-1/8.txt', '', '10567\x1d1101010113010101', 'GS1_MISSING_ASSOCIATION', els('10:567', '11:010101', '13:010101')],
    ['rssexpanded-1/9.txt', '', '10567\x1d3102123456', 'GS1_MISSING_ASSOCIATION', els('10:567', '3102:123456')],
    ['rssexpanded-3/1.txt', '', '0190012345678908310301223315991231', 'OK', els('01:90012345678908', '3103:012233', '15:991231')],
    ['rssexpanded-3/10.txt', '', '01900123456789083203010000', 'OK', els('01:90012345678908', '3203:010000')],
    ['rssexpanded-3/100.txt', '', '101098 1234', 'GS1_BAD_CHARSET', null],
    ['rssexpanded-3/101.txt', '', '10123456A', 'GS1_MISSING_ASSOCIATION', els('10:123456A')],
    ['rssexpanded-3/102.txt', '', '10123456A1', 'GS1_MISSING_ASSOCIATION', els('10:123456A1')],
    ['rssexpanded-3/103.txt', '', '10123456A123', 'GS1_MISSING_ASSOCIATION', els('10:123456A123')],
    ['rssexpanded-3/104.txt', '', '10123456A1234', 'GS1_MISSING_ASSOCIATION', els('10:123456A1234')],
    ['rssexpanded-3/105.txt', '', '10123456A1234A', 'GS1_MISSING_ASSOCIATION', els('10:123456A1234A')],
    ['rssexpanded-3/106.txt', '', '10123456A123456', 'GS1_MISSING_ASSOCIATION', els('10:123456A123456')],
    ['rssexpanded-3/107.txt', '', '10123456A12345678', 'GS1_MISSING_ASSOCIATION', els('10:123456A12345678')],
    ['rssexpanded-3/108-corrected.txt', '', '10123456A1234A\x1d15991231', 'GS1_MISSING_ASSOCIATION', els('10:123456A1234A', '15:991231')],
    ['rssexpanded-3/109.txt', '', '101ABCDEF;:/1234567', 'GS1_MISSING_ASSOCIATION', els('10:1ABCDEF;:/1234567')],
    ['rssexpanded-3/11.txt', '', '01900123456789083203032767', 'OK', els('01:90012345678908', '3203:032767')],
    ['rssexpanded-3/110.txt', '', '101ABCDEF;:/ABCDEFG', 'GS1_MISSING_ASSOCIATION', els('10:1ABCDEF;:/ABCDEFG')],
    ['rssexpanded-3/111.txt', '', '101;:/ABCDEFGHIJKLM', 'GS1_MISSING_ASSOCIATION', els('10:1;:/ABCDEFGHIJKLM')],
    ['rssexpanded-3/112.txt', '', '101;:/0123456789012', 'GS1_MISSING_ASSOCIATION', els('10:1;:/0123456789012')],
    ['rssexpanded-3/113.txt', '', '101;:/0123', 'GS1_MISSING_ASSOCIATION', els('10:1;:/0123')],
    ['rssexpanded-3/114.txt', '', '101;:/0123\x1d15991231', 'GS1_MISSING_ASSOCIATION', els('10:1;:/0123', '15:991231')],
    ['rssexpanded-3/13.txt', '', '01900123456789083922795888888888888888888888888888888888888888888888888888', 'GS1_BAD_LENGTH', null],
    ['rssexpanded-3/15.txt', '', '010001234567890510ABC123', 'OK', els('01:00012345678905', '10:ABC123')],
    ['rssexpanded-3/16.txt', '', '011234567890123110UNIVERSITY-OF-DEUSTO', 'OK', els('01:12345678901231', '10:UNIVERSITY-OF-DEUSTO')],
    ['rssexpanded-3/17.txt', '', '011234567890123110PIRAMIDE-PROJECT', 'OK', els('01:12345678901231', '10:PIRAMIDE-PROJECT')],
    ['rssexpanded-3/18.txt', '', '011234567890123110TREELOGIC', 'OK', els('01:12345678901231', '10:TREELOGIC')],
    ['rssexpanded-3/2.txt', '', '0191234567980129310301223315991231', 'OK', els('01:91234567980129', '3103:012233', '15:991231')],
    ['rssexpanded-3/20.txt', '', '105678\x1d11001010', 'GS1_MISSING_ASSOCIATION', els('10:5678', '11:001010')],
    ['rssexpanded-3/28.txt', '', '101098a1234', 'GS1_MISSING_ASSOCIATION', els('10:1098a1234')],
    ['rssexpanded-3/29.txt', '', '101098!1234', 'GS1_MISSING_ASSOCIATION', els('10:1098!1234')],
    ['rssexpanded-3/3.txt', '', '0191234567980129310201223315991231', 'OK', els('01:91234567980129', '3102:012233', '15:991231')],
    ['rssexpanded-3/30.txt', '', '101098"1234', 'GS1_MISSING_ASSOCIATION', els('10:1098"1234')],
    ['rssexpanded-3/31.txt', '', '101098%1234', 'GS1_MISSING_ASSOCIATION', els('10:1098%1234')],
    ['rssexpanded-3/32.txt', '', '101098&1234', 'GS1_MISSING_ASSOCIATION', els('10:1098&1234')],
    ['rssexpanded-3/33.txt', '', "101098'1234", 'GS1_MISSING_ASSOCIATION', els("10:1098'1234")],
    ['rssexpanded-3/34.txt', '', '101098+1234', 'GS1_MISSING_ASSOCIATION', els('10:1098+1234')],
    ['rssexpanded-3/35.txt', '', '101098:1234', 'GS1_MISSING_ASSOCIATION', els('10:1098:1234')],
    ['rssexpanded-3/36.txt', '', '101098;1234', 'GS1_MISSING_ASSOCIATION', els('10:1098;1234')],
    ['rssexpanded-3/37.txt', '', '101098<1234', 'GS1_MISSING_ASSOCIATION', els('10:1098<1234')],
    ['rssexpanded-3/38.txt', '', '101098=1234', 'GS1_MISSING_ASSOCIATION', els('10:1098=1234')],
    ['rssexpanded-3/39.txt', '', '101098>1234', 'GS1_MISSING_ASSOCIATION', els('10:1098>1234')],
    ['rssexpanded-3/4.txt', '', '0191234567980129310201223315000101', 'OK', els('01:91234567980129', '3102:012233', '15:000101')],
    ['rssexpanded-3/40.txt', '', '101098?1234', 'GS1_MISSING_ASSOCIATION', els('10:1098?1234')],
    ['rssexpanded-3/41.txt', '', '101098_1234', 'GS1_MISSING_ASSOCIATION', els('10:1098_1234')],
    ['rssexpanded-3/59.txt', '', '01921098765432133103032767', 'OK', els('01:92109876543213', '3103:032767')],
    ['rssexpanded-3/60.txt', '', '01921098765432133103000000', 'OK', els('01:92109876543213', '3103:000000')],
    ['rssexpanded-3/61.txt', '', '01900123456789083202000156', 'OK', els('01:90012345678908', '3202:000156')],
    ['rssexpanded-3/62.txt', '', '01900123456789083202009999', 'OK', els('01:90012345678908', '3202:009999')],
    ['rssexpanded-3/68.txt', '', '01900123456789083932040EUR', 'GS1_BAD_CURRENCY_CODE', null],
    ['rssexpanded-3/69.txt', '', '0190012345678908393204055GBP', 'GS1_BAD_CURRENCY_CODE', null],
    ['rssexpanded-3/70.txt', '', '0190012345678908393204066USD778899', 'GS1_BAD_CURRENCY_CODE', null],
    ['rssexpandedstacked-1/1.txt', ']e0', '0190012345678908310301223315991231', 'OK', els('01:90012345678908', '3103:012233', '15:991231')],
    ['rssexpandedstacked-2/1.txt', '', '811010014141012345290110100', 'OK', els('8110:10014141012345290110100')],
    ['code128-1/1.txt', ']C1', '168901', 'GS1_BAD_LENGTH', null],
    ['code128-1/4.txt', ']C1', '123456', 'GS1_BAD_LENGTH', null],
    ['code128-1/5.txt', ']C1', '8101054321120021123456', 'GS1_UNKNOWN_AI', null],
    [
      'datamatrix-1/gs1-figure-4.15.1-2-32x32.txt',
      ']d2',
      '01095040000591012112345678p901\x1d101234567p\x1d171411208200http://www.gs1.org/demo/',
      'OK',
      els('01:09504000059101', '21:12345678p901', '10:1234567p', '17:141120', '8200:http://www.gs1.org/demo/'),
    ],
    [
      'datamatrix-3/#794.txt',
      '',
      '010890381998765921S1ND6MPPFCGG6B869XES\x1d1731063010BNav4Cam2',
      'OK',
      els('01:08903819987659', '21:S1ND6MPPFCGG6B869XES', '17:310630', '10:BNav4Cam2'),
    ],
    [
      'datamatrix-3/dm-2x2-#1072-2.txt',
      '',
      '[)>\x1e06\x1dP445-175186-1-ND\x1d1PTFM252012ALMA3R3MTAA\x1d30P445-175186-1-ND\x1dK\x1d1K95952283\x1d10K118292010\x1d9D2532\x1d1T0844718727\x1d11K1\x1d4LJP\x1dQ10\x1d11ZPICK\x1d12Z7795258\x1d13Z999999\x1d20Z000000000000000000000000000000000000000000000000000000000000000000000000000\x1e\x04',
      'GS1_UNKNOWN_AI',
      null,
    ],
    ['datamatrix-3/dm-f.txt', '', '[)>\x1e06\x1d9N111234567842S3300045321T89209876D151217\x1e\x04', 'GS1_UNKNOWN_AI', null],
    [
      'datamatrix-4/gs1-figure-4.15.1-2-44x20.txt',
      ']d8',
      '01095040000591012112345678p901\x1d101234567p\x1d171411208200http://www.gs1.org/demo/',
      'OK',
      els('01:09504000059101', '21:12345678p901', '10:1234567p', '17:141120', '8200:http://www.gs1.org/demo/'),
    ],
    [
      'datamatrix-5/issue794-13-4.txt',
      '',
      '010890381998765921XY061M5Z9NHXP10R20NN\x1d1731063010BNav4Cam2',
      'OK',
      els('01:08903819987659', '21:XY061M5Z9NHXP10R20NN', '17:310630', '10:BNav4Cam2'),
    ],
    [
      'datamatrix-5/issue794-3-2.txt',
      '',
      '010890381998765921Y2GNX9ZR37SE0DAAT436\x1d1731063010BNav4Cam2',
      'OK',
      els('01:08903819987659', '21:Y2GNX9ZR37SE0DAAT436', '17:310630', '10:BNav4Cam2'),
    ],
    [
      'qrcode-2/gs1-figure-4.15.1-2.txt',
      ']Q3',
      '01095040000591012112345678p901\x1d101234567p\x1d171411208200http://www.gs1.org/demo/',
      'OK',
      els('01:09504000059101', '21:12345678p901', '10:1234567p', '17:141120', '8200:http://www.gs1.org/demo/'),
    ],
  ])('%s (%s)', (_file, symbology, text, code, elements) => {
    const result = parseGs1(symbology + text);
    expect(codeOf(result)).toBe(code);
    if (result.ok) expect(result.elements).toEqual(elements);
    else if (code === 'GS1_MISSING_ASSOCIATION') expect(result.error.details?.['elements']).toEqual(elements);
  });

  it('reads the GS1 DataMatrix in a DMRE size (]d8) and the GS1 QR Code of figure 4.15.1-2 alike', () => {
    const text = '01095040000591012112345678p901\x1d101234567p\x1d171411208200http://www.gs1.org/demo/';
    const expected = parseGs1(`]d2${text}`);
    expect(expected.ok).toBe(true);
    expect(parseGs1(`]d8${text}`)).toEqual(expected); // datamatrix-4/gs1-figure-4.15.1-2-44x20
    expect(parseGs1(`]Q3${text}`)).toEqual(expected); // qrcode-2/gs1-figure-4.15.1-2
  });
});

describe('every error code, each at least twice, naming the AI', () => {
  const cases: ReadonlyArray<readonly [input: string, code: string, ai?: string]> = [
    ['', 'GS1_EMPTY'],
    [' \r\n', 'GS1_EMPTY'],
    ['\x1d', 'GS1_EMPTY'],
    [']C1', 'GS1_EMPTY'],
    [']C0ABC', 'GS1_NOT_GS1_SYMBOLOGY'],
    [']Q1TESTING', 'GS1_NOT_GS1_SYMBOLOGY'],
    ['(15', 'GS1_BAD_SYNTAX'],
    ['(10)ABC)(', 'GS1_BAD_SYNTAX'],
    ['(89)ABC', 'GS1_UNKNOWN_AI', '89'],
    ['\x1d0109506000134352891234', 'GS1_UNKNOWN_AI', '89'],
    ['https://id.gs1.org/01/09506000134352?999=X', 'GS1_UNKNOWN_AI', '999'],
    ['(17)2012', 'GS1_BAD_LENGTH', '17'],
    ['(01)123', 'GS1_BAD_LENGTH', '01'],
    ['0109506000134352\x1d10ABCDEFGHIJKLMNOPQRSTU', 'GS1_BAD_LENGTH', '10'],
    ['(01)09506000134352(10)AB C', 'GS1_BAD_CHARSET', '10'],
    ['(01)1234567890123A', 'GS1_BAD_CHARSET', '01'],
    ['(01)12345678901234', 'GS1_BAD_CHECK_DIGIT', '01'],
    ['(00)123456789012345670', 'GS1_BAD_CHECK_DIGIT', '00'],
    ['(01)12345678901231(17)201232', 'GS1_BAD_DATE', '17'],
    ['(01)12345678901231(15)211301', 'GS1_BAD_DATE', '15'],
    ['(00)123456789012345675(4324)2012252400', 'GS1_BAD_TIME', '4324'],
    ['(01)12345678901231(8008)2012252360', 'GS1_BAD_TIME', '8008'],
    ['(01)12345678901231(422)123', 'GS1_BAD_COUNTRY_CODE', '422'],
    ['(00)123456789012345675(4307)AA', 'GS1_BAD_COUNTRY_CODE', '4307'],
    ['(3910)9870', 'GS1_BAD_CURRENCY_CODE', '3910'],
    ['(01)12345678901231(3932)040123', 'GS1_BAD_CURRENCY_CODE', '3932'],
    ['(401)123', 'GS1_BAD_COMPANY_PREFIX', '401'],
    ['(7023)12A4', 'GS1_BAD_COMPANY_PREFIX', '7023'],
    ['(00)123456789012345675(4321)2', 'GS1_BAD_VALUE', '4321'],
    ['(01)12345678901231(8001)12340000012311', 'GS1_BAD_VALUE', '8001'],
    ['(10)ABC', 'GS1_MISSING_ASSOCIATION', '10'],
    ['(02)09506000134352(37)24', 'GS1_MISSING_ASSOCIATION', '37'],
    ['(01)12345678901231(02)12345678901231', 'GS1_INVALID_PAIR', '02'], // 02 has ex=01,03
    ['(21)ABC123(235)XYZ(01)12345678901231', 'GS1_INVALID_PAIR', '21'],
    ['(01)12345678901231(10)A(10)B', 'GS1_DUPLICATE_AI', '10'],
    ['https://id.gs1.org/01/09520123456788/10/ABC123?99=X&99=X', 'GS1_DUPLICATE_AI', '99'],
    ['(253)1234567890128(8030)ABC123', 'GS1_MISSING_SERIAL', '253'],
    ['(8003)01234567890128(8030)ABC123', 'GS1_MISSING_SERIAL', '8003'],
    ['https://example.com/01/09520123456788?10=ABC123', 'GS1_BAD_DIGITAL_LINK', '10'],
    ['https://id.gs1.org/00/106141411234567897?21=ABC', 'GS1_BAD_DIGITAL_LINK', '21'],
  ];

  it.each(cases.map(([input, code, ai]) => [input, code, ai ?? ''] as const))('%j → %s (AI %s)', (input, code, ai) => {
    const result = parseGs1(input);
    expect(codeOf(result)).toBe(code);
    if (!result.ok && ai !== '') {
      expect(result.error.message).toContain(`(${ai})`);
      expect(result.error.details?.['ai']).toBe(ai);
    }
  });

  it('covers every GS1 error code at least twice', () => {
    for (const code of gs1ErrorCodes) expect([code, cases.filter(([, c]) => c === code).length >= 2]).toEqual([code, true]);
  });
});
