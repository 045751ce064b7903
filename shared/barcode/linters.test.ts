/**
 * Linter cases from the unit tests of the reference implementations: gs1/gs1-syntax-engine
 * `src/c-lib/syntax/lint_<name>.c`, `test_lint_<name>()` (Apache-2.0). Each failing case carries the
 * reference markup, where "*…*" surrounds the characters the linter points at.
 */
import { describe, expect, it } from 'vitest';

import * as basic from './linters';
import type { Linter } from './linters';
import * as structured from './linters-structured';

type Case = readonly [data: string, expected: null | readonly [error: string, markup: string]];

/** Position and length of the "*…*" span of a reference markup. */
const span = (markup: string): { position: number; length: number } => {
  const first = markup.indexOf('*');
  return { position: first, length: markup.indexOf('*', first + 1) - first - 1 };
};

const check = (name: string, lint: Linter, cases: readonly Case[]): void => {
  describe(name, () => {
    it.each(cases)('%j', (data, expected) => {
      const result = lint(data);
      if (expected === null) expect(result).toBeNull();
      else expect(result).toEqual({ error: expected[0], ...span(expected[1]) });
    });
  });
};

// lint_csum.c
check('csum', basic.csum, [
  ['', ['TOO_SHORT_FOR_CHECK_DIGIT', '**']],
  ['02345673', null],
  ['12345673', ['INCORRECT_CHECK_DIGIT', '1234567*3*']],
  ['416000336108', null],
  ['416000336109', ['INCORRECT_CHECK_DIGIT', '41600033610*9*']],
  ['1234567890128', null],
  ['1234567890129', ['INCORRECT_CHECK_DIGIT', '123456789012*9*']],
  ['12345678901231', null],
  ['12345678901232', ['INCORRECT_CHECK_DIGIT', '1234567890123*2*']],
  ['123456789012345675', null],
  ['123456789012345670', ['INCORRECT_CHECK_DIGIT', '12345678901234567*0*']],
  [' 23456789012345675', ['NON_DIGIT_CHARACTER', '* *23456789012345675']],
  ['12345678 012345675', ['NON_DIGIT_CHARACTER', '12345678* *012345675']],
  ['12345678901234567 ', ['NON_DIGIT_CHARACTER', '12345678901234567* *']],
]);

// lint_csumalpha.c
check('csumalpha', basic.csumalpha, [
  ['', ['TOO_SHORT_FOR_CHECK_PAIR', '**']],
  ['2', ['TOO_SHORT_FOR_CHECK_PAIR', '*2*']],
  ['22', null],
  ['33', ['INCORRECT_CHECK_PAIR', '*33*']],
  ['!22', null],
  ['1987654Ad4X4bL5ttr2310c2K', null],
  ['1987654Ad4X4bL5ttr2310cXK', ['INCORRECT_CHECK_PAIR', '1987654Ad4X4bL5ttr2310c*XK*']],
  ['1987654Ad4X4bL5ttr2310c2X', ['INCORRECT_CHECK_PAIR', '1987654Ad4X4bL5ttr2310c*2X*']],
  ['12345678901234567890123NT', null],
  ['12345_ABCDEFGHIJKLMCP', null],
  ['12345_abcdefghijklmN3', null],
  ['12345_0123456789:;<=>?62', null],
  ['7907665Bm8v2AB', null],
  ['149512464PM+GH', null],
  ['0881063PhHvY89', null],
  ['00000!HV', null],
  ['99999zzzzzzzzzzzzzzzzzzT2', null],
  [`${'1234567890'.repeat(9)}1234567HA`, null], // 99 characters
  [' 2345678901234567890123NT', ['INVALID_CSET82_CHARACTER', '* *2345678901234567890123NT']],
  ['1234567890123456789012 NT', ['INVALID_CSET82_CHARACTER', '1234567890123456789012* *NT']],
  ['12345678901234567890123 T', ['INVALID_CSET32_CHARACTER', '12345678901234567890123* *T']],
  ['12345678901234567890123N ', ['INVALID_CSET32_CHARACTER', '12345678901234567890123N* *']],
]);

// lint_cset82.c, lint_cset39.c, lint_cset64.c (selection)
check('cset82', basic.cset82, [
  ['', null],
  ['!"%&\'()*+,-/012345', null],
  ['6789:;<=>?ABCDEFGHIJ', null],
  ['KLMNOPQRSTUVWXYZ_abc', null],
  ['ABC ', ['INVALID_CSET82_CHARACTER', 'ABC* *']],
  [' ABC', ['INVALID_CSET82_CHARACTER', '* *ABC']],
  ['#', ['INVALID_CSET82_CHARACTER', '*#*']],
  ['@', ['INVALID_CSET82_CHARACTER', '*@*']],
  ['~', ['INVALID_CSET82_CHARACTER', '*~*']],
  ['\x1d', ['INVALID_CSET82_CHARACTER', '*\x1d*']],
]);
check('cset39', basic.cset39, [
  ['#-/0123456789ABCDEFG', null],
  ['HIJKLMNOPQRSTUVWXYZ', null],
  ['ABC_', ['INVALID_CSET39_CHARACTER', 'ABC*_*']],
  ['_ABC', ['INVALID_CSET39_CHARACTER', '*_*ABC']],
  ['a', ['INVALID_CSET39_CHARACTER', '*a*']],
]);
check('cset64', basic.cset64, [
  ['', null],
  ['123', null],
  ['12', null],
  ['12=', null],
  ['1==', null],
  ['===', ['INVALID_CSET64_PADDING', '*===*']],
  ['123=', ['INVALID_CSET64_PADDING', '123*=*']],
  ['12===', ['INVALID_CSET64_PADDING', '12*===*']],
  ['0123456789-_', null],
  ['AB C', ['INVALID_CSET64_CHARACTER', 'AB* *C']],
]);

// lint_gcppos1.c, lint_gcppos2.c, lint_key.c (GCP_MIN_LENGTH 4)
check('gcppos1', basic.gcppos1, [
  ['01234', null],
  ['0123', null],
  ['012', ['TOO_SHORT_FOR_GCP', '*012*']],
  ['', ['TOO_SHORT_FOR_GCP', '**']],
  ['0123A', null],
  ['012AA', ['INVALID_GCP_PREFIX', '012*A*A']],
  ['AAAAA', ['INVALID_GCP_PREFIX', '*A*AAAA']],
]);
check('gcppos2', basic.gcppos2, [
  ['I01234', null],
  ['I0123', null],
  ['I012', ['TOO_SHORT_FOR_GCP', 'I*012*']],
  ['I', ['TOO_SHORT_FOR_GCP', '*I*']],
  ['I012AA', ['INVALID_GCP_PREFIX', 'I012*A*A']],
]);
check('key', basic.key, [
  ['0123', null],
  ['012', ['TOO_SHORT_FOR_KEY', '*012*']],
  ['01AA', ['INVALID_GCP_PREFIX', '01*A*A']],
]);

// lint_yymmd0.c, lint_yymmdd.c, lint_yyyymmd0.c, lint_yyyymmdd.c
check('yymmd0', basic.yymmd0, [
  ['000606', null],
  ['990606', null],
  ['x00131', ['NON_DIGIT_CHARACTER', '*x*00131']],
  ['20013x', ['NON_DIGIT_CHARACTER', '20013*x*']],
  ['11111', ['DATE_TOO_SHORT', '*11111*']],
  ['1111111', ['DATE_TOO_LONG', '*1111111*']],
  ['200010', ['ILLEGAL_MONTH', '20*00*10']],
  ['201310', ['ILLEGAL_MONTH', '20*13*10']],
  ['200132', ['ILLEGAL_DAY', '2001*32*']],
  ['200229', null],
  ['200230', ['ILLEGAL_DAY', '2002*30*']],
  ['210229', ['ILLEGAL_DAY', '2102*29*']],
  ['240229', null],
  ['000229', null], // 2000 while the current year is before 2050 (GS1 GenSpecs §7.12 sliding century)
  ['960229', null],
  ['200600', null],
]);
check('yymmdd', basic.yymmdd, [
  ['200131', null],
  ['201131', ['ILLEGAL_DAY', '2011*31*']],
  ['220229', ['ILLEGAL_DAY', '2202*29*']],
  ['200600', ['ILLEGAL_DAY', '2006*00*']],
]);
check('yyyymmd0', basic.yyyymmd0, [
  ['20200600', null],
  ['21000229', ['ILLEGAL_DAY', '210002*29*']],
  ['24000229', null],
  ['1111111', ['DATE_TOO_SHORT', '*1111111*']],
  ['111111111', ['DATE_TOO_LONG', '*111111111*']],
]);
check('yyyymmdd', basic.yyyymmdd, [
  ['19960229', null],
  ['20200931', ['ILLEGAL_DAY', '202009*31*']],
  ['20200600', ['ILLEGAL_DAY', '202006*00*']],
  ['2020x131', ['NON_DIGIT_CHARACTER', '2020*x*131']],
]);

// lint_hh.c, lint_mi.c, lint_ss.c, lint_hhmi.c
check('hh', basic.hh, [
  ['00', null],
  ['23', null],
  ['24', ['ILLEGAL_HOUR', '*24*']],
  ['x0', ['NON_DIGIT_CHARACTER', '*x*0']],
  ['1', ['HOUR_TOO_SHORT', '*1*']],
  ['111', ['HOUR_TOO_LONG', '*111*']],
]);
check('mi', basic.mi, [
  ['59', null],
  ['60', ['ILLEGAL_MINUTE', '*60*']],
]);
check('ss', basic.ss, [
  ['59', null],
  ['60', ['ILLEGAL_SECOND', '*60*']],
  ['0x', ['NON_DIGIT_CHARACTER', '0*x*']],
  ['', ['SECOND_TOO_SHORT', '**']],
]);
check('hhmi', basic.hhmi, [
  ['0000', null],
  ['2359', null],
  ['2400', ['ILLEGAL_HOUR', '*24*00']],
  ['0060', ['ILLEGAL_MINUTE', '00*60*']],
  ['00x0', ['NON_DIGIT_CHARACTER', '00*x*0']],
  ['111', ['HOUR_WITH_MINUTE_TOO_SHORT', '*111*']],
  ['11111', ['HOUR_WITH_MINUTE_TOO_LONG', '*11111*']],
]);

// lint_iso3166.c, lint_iso3166999.c, lint_iso3166alpha2.c, lint_iso4217.c, lint_iso5218.c
check('iso3166', basic.iso3166, [
  ['004', null],
  ['250', null],
  ['894', null],
  ['000', ['NOT_ISO3166', '*000*']],
  ['999', ['NOT_ISO3166', '*999*']],
  ['_894', ['NOT_ISO3166', '*_894*']],
  ['', ['NOT_ISO3166', '**']],
]);
check('iso3166999', basic.iso3166999, [
  ['999', null],
  ['004', null],
  ['998', ['NOT_ISO3166_OR_999', '*998*']],
  ['9999', ['NOT_ISO3166_OR_999', '*9999*']],
]);
check('iso3166alpha2', basic.iso3166alpha2, [
  ['AD', null],
  ['FR', null],
  ['ZW', null],
  ['AA', ['NOT_ISO3166_ALPHA2', '*AA*']],
  ['AD_', ['NOT_ISO3166_ALPHA2', '*AD_*']],
  ['A', ['NOT_ISO3166_ALPHA2', '*A*']],
]);
check('iso4217', basic.iso4217, [
  ['008', null],
  ['978', null],
  ['999', null],
  ['000', ['NOT_ISO4217', '*000*']],
  ['AAA', ['NOT_ISO4217', '*AAA*']],
]);
check('iso5218', basic.iso5218, [
  ['0', null],
  ['9', null],
  ['3', ['INVALID_BIOLOGICAL_SEX_CODE', '*3*']],
  ['01', ['INVALID_BIOLOGICAL_SEX_CODE', '*01*']],
]);

// lint_latitude.c, lint_longitude.c
check('latitude', basic.latitude, [
  ['0279085848', null],
  ['1800000000', null],
  ['027908584', ['LATITUDE_INVALID_LENGTH', '*027908584*']],
  ['1800000001', ['INVALID_LATITUDE', '*1800000001*']],
]);
check('longitude', basic.longitude, [
  ['3015297971', null],
  ['3600000000', null],
  ['30152979711', ['LONGITUDE_INVALID_LENGTH', '*30152979711*']],
  ['3600000001', ['INVALID_LONGITUDE', '*3600000001*']],
]);

// lint_mediatype.c, lint_packagetype.c, lint_importeridx.c, lint_winding.c, lint_yesno.c
check('mediatype', basic.mediatype, [
  ['01', null],
  ['10', null],
  ['80', null],
  ['00', ['INVALID_MEDIA_TYPE', '*00*']],
  ['11', ['INVALID_MEDIA_TYPE', '*11*']],
  ['79', ['INVALID_MEDIA_TYPE', '*79*']],
]);
check('packagetype', basic.packagetype, [
  ['1A', null],
  ['200', null],
  ['APE', null],
  ['ZZ', null],
  ['_1A', ['INVALID_PACKAGE_TYPE', '*_1A*']],
  ['0000', ['INVALID_PACKAGE_TYPE', '*0000*']],
]);
check('importeridx', basic.importeridx, [
  ['-', null],
  ['z', null],
  ['AA', ['IMPORTER_IDX_MUST_BE_ONE_CHARACTER', '*AA*']],
  ['@', ['INVALID_IMPORT_IDX_CHARACTER', '*@*']],
]);
check('winding', basic.winding, [
  ['0', null],
  ['9', null],
  ['2', ['INVALID_WINDING_DIRECTION', '*2*']],
  ['01', ['INVALID_WINDING_DIRECTION', '*01*']],
]);
check('yesno', basic.yesno, [
  ['1', null],
  ['2', ['NOT_ZERO_OR_ONE', '*2*']],
  ['', ['NOT_ZERO_OR_ONE', '**']],
]);

// lint_zero.c, lint_nonzero.c, lint_nozeroprefix.c, lint_hyphen.c, lint_hasnondigit.c, lint_pcenc.c
check('zero', basic.zero, [
  ['000', null],
  ['010', ['NOT_ZERO', '*010*']],
  ['', ['NOT_ZERO', '**']],
]);
check('nonzero', basic.nonzero, [
  ['0009', null],
  ['0000', ['ILLEGAL_ZERO_VALUE', '*0000*']],
  ['9A99', ['NON_DIGIT_CHARACTER', '9*A*99']],
]);
check('nozeroprefix', basic.nozeroprefix, [
  ['', null],
  ['210', null],
  ['012', ['ILLEGAL_ZERO_PREFIX', '*0*12']],
  ['99A9', ['NON_DIGIT_CHARACTER', '99*A*9']],
]);
check('hyphen', basic.hyphen, [
  ['--', null],
  ['X', ['NOT_HYPHEN', '*X*']],
]);
check('hasnondigit', basic.hasnondigit, [
  ['/123456789', null],
  ['0123456789', ['REQUIRES_NON_DIGIT_CHARACTER', '*0123456789*']],
]);
check('pcenc', basic.pcenc, [
  ['ABC%20XYZ', null],
  ['%fF', null],
  ['%fg', ['INVALID_PERCENT_SEQUENCE', '*%fg*']],
  ['ABC%g', ['INVALID_PERCENT_SEQUENCE', 'ABC*%g*']],
  ['ABC%gXYZ', ['INVALID_PERCENT_SEQUENCE', 'ABC*%gX*YZ']],
]);

// lint_pieceoftotal.c, lint_posinseqslash.c, lint_iban.c
check('pieceoftotal', structured.pieceoftotal, [
  ['0103', null],
  ['999999', null],
  ['111', ['INVALID_LENGTH_FOR_PIECE_OF_TOTAL', '*111*']],
  ['55x55555', ['NON_DIGIT_CHARACTER', '55*x*55555']],
  ['0001', ['ZERO_PIECE_NUMBER', '*00*01']],
  ['001000', ['ZERO_TOTAL_PIECES', '001*000*']],
  ['1009', ['PIECE_NUMBER_EXCEEDS_TOTAL', '*1009*']],
]);
check('posinseqslash', structured.posinseqslash, [
  ['9/10', null],
  ['999/999', null],
  ['1//2', ['POSITION_IN_SEQUENCE_MALFORMED', '*1//2*']],
  ['1/', ['POSITION_IN_SEQUENCE_MALFORMED', '*1/*']],
  ['01/2', ['ILLEGAL_ZERO_PREFIX', '*01*/2']],
  ['1/02', ['ILLEGAL_ZERO_PREFIX', '1/*02*']],
  ['10/9', ['POSITION_EXCEEDS_END', '*10/9*']],
]);
check('iban', structured.iban, [
  ['FR7630006000011234567890189', null],
  ['GB98MIDL07009312345678', null],
  ['BE71096123456769', null],
  ['BE71096123456760', ['INCORRECT_IBAN_CHECKSUM', 'BE*71*096123456760']],
  ['BE71', ['IBAN_TOO_SHORT', '*BE71*']],
  ['LC14BOSLxx3456789012345678901230', ['INVALID_IBAN_CHARACTER', 'LC14BOSL*x*x3456789012345678901230']],
  ['XX361234567890', ['ILLEGAL_IBAN_COUNTRY_CODE', '*XX*361234567890']],
]);

// lint_couponposoffer.c
check('couponposoffer', structured.couponposoffer, [
  ['001234561234560123456', null],
  ['101234561234560123456', null],
  ['061234567890121234569123456789012345', null],
  ['a01234561234560123456', ['NON_DIGIT_CHARACTER', '*a*01234561234560123456']],
  ['', ['COUPON_MISSING_FORMAT_CODE', '**']],
  ['201234561234560123456', ['COUPON_INVALID_FORMAT_CODE', '*2*01234561234560123456']],
  ['0', ['COUPON_MISSING_FUNDER_VLI', '*0*']],
  ['07', ['COUPON_INVALID_FUNDER_LENGTH', '0*7*']],
  ['001', ['COUPON_TRUNCATED_FUNDER', '00*1*']],
  ['00123456', ['COUPON_TRUNCATED_OFFER_CODE', '*00123456*']],
  ['001234561', ['COUPON_TRUNCATED_OFFER_CODE', '00123456*1*']],
  ['00123456123456', ['COUPON_MISSING_SERIAL_NUMBER_VLI', '*00123456123456*']],
  ['0012345612345601', ['COUPON_TRUNCATED_SERIAL_NUMBER', '001234561234560*1*']],
  ['0012345612345601234567', ['COUPON_EXCESS_DATA', '001234561234560123456*7*']],
]);

// lint_couponcode.c
check('couponcode', structured.couponcode, [
  ['012345612345611110123', null],
  ['a12345612345611110123', ['NON_DIGIT_CHARACTER', '*a*12345612345611110123']],
  ['', ['COUPON_MISSING_GCP_VLI', '**']],
  ['01', ['COUPON_TRUNCATED_GCP', '0*1*']],
  ['0123456', ['COUPON_TRUNCATED_OFFER_CODE', '*0123456*']],
  ['71234567890123', ['COUPON_INVALID_GCP_LENGTH', '*7*1234567890123']],
  ['01234561', ['COUPON_TRUNCATED_OFFER_CODE', '0123456*1*']],
  ['0123456123456', ['COUPON_MISSING_SAVE_VALUE_VLI', '*0123456123456*']],
  ['01234561234560', ['COUPON_INVALID_SAVE_VALUE_LENGTH', '0123456123456*0*']],
  ['01234561234561', ['COUPON_TRUNCATED_SAVE_VALUE', '*01234561234561*']],
  ['012345612345621', ['COUPON_TRUNCATED_SAVE_VALUE', '01234561234562*1*']],
  ['012345612345611', ['COUPON_MISSING_1ST_PURCHASE_REQUIREMENT_VLI', '*012345612345611*']],
]);
