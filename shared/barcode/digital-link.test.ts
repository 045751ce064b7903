/**
 * GS1 Digital Link URIs. Cases from gs1/gs1-syntax-engine `src/c-lib/dl.c` unit tests
 * `test_dl_parseDLuri` and `test_dl_URIunescape` (Apache-2.0), whose "Examples from DL specification"
 * come from the GS1 Digital Link Standard: URI Syntax; plus the key-qualifier order examples of the
 * GS1 Barcode Syntax Dictionary header (`dlpkey=22,10,21|235`).
 */
import { describe, expect, it } from 'vitest';

import { parseDigitalLink, uriDecode } from './digital-link';
import { parseGs1 } from './parse';
import type { Gs1Element } from './types';

const els = (...pairs: string[]): Gs1Element[] =>
  pairs.map((pair) => {
    const [ai = '', value = ''] = pair.split(':');
    return { ai, value };
  });

const sscc = els('00:006141411234567890');
const gtin = els('01:12312312312333');

describe('Digital Link URIs that parse (dl.c test_dl_parseDLuri)', () => {
  it.each([
    ['http://a/00/006141411234567890', sscc],
    ['HTTP://a/00/006141411234567890', sscc],
    ['https://a/00/006141411234567890', sscc],
    ['HTTPS://a/00/006141411234567890', sscc],
    ['https://a/01/12312312312333', gtin],
    // The domain is not validated beyond its characters, to avoid ossification.
    ['https://xn--fsq.xn--0zwm56d/01/12312312312333', gtin],
    ['https://a./01/12312312312333', gtin],
    ['https://a:65535/01/12312312312333', gtin],
    ['https://192.0.2.1/01/12312312312333', gtin],
    ['https://3232235777/01/12312312312333', gtin],
    ['https://0300.0250.01.01/01/12312312312333', gtin],
    ['https://0xC0.0xA8.0x01.0x01/01/12312312312333', gtin],
    ['https://[2001:db8::1]/01/12312312312333', gtin],
    // Custom stem before the primary key; a fake AI in the stem stops at the rightmost key.
    ['https://a/stem/00/006141411234567890', sscc],
    ['https://a/more/stem/00/006141411234567890', sscc],
    ['https://a/00/faux/00/006141411234567890', sscc],
    // Zero-suppressed GTIN-13/12/8 (engine option permitZeroSuppressedGTINinDLuris), padded to 14 digits.
    ['https://a/01/2112345678900', els('01:02112345678900')],
    ['https://a/01/416000336108', els('01:00416000336108')],
    ['https://a/01/02345673', els('01:00000002345673')],
    ['https://a/01/12312312312333/22/TEST/10/ABC/21/XYZ', els('01:12312312312333', '22:TEST', '10:ABC', '21:XYZ')],
    ['https://a/01/12312312312333/235/TEST', els('01:12312312312333', '235:TEST')],
    ['https://a/253/1231231231232', els('253:1231231231232')],
    ['https://a/253/1231231231232TEST5678901234567', els('253:1231231231232TEST5678901234567')],
    ['https://a/8018/123456789012345675/8019/123', els('8018:123456789012345675', '8019:123')],
    ['https://a/stem/00/006141411234567890?', sscc], // empty query
    ['https://a/stem/00/006141411234567890?99=ABC', els('00:006141411234567890', '99:ABC')],
    ['https://a/stem/401/12345678?99=ABC', els('401:12345678', '99:ABC')],
    ['https://a/01/12312312312333?99=ABC&98=XYZ', els('01:12312312312333', '99:ABC', '98:XYZ')],
    ['https://a/01/12312312312333?&&&99=ABC&&&&&&98=XYZ&&&', els('01:12312312312333', '99:ABC', '98:XYZ')],
    ['https://a/01/12312312312333?99=ABC&unknown=666&98=XYZ', els('01:12312312312333', '99:ABC', '98:XYZ')],
    ['https://a/01/12312312312333?unknown=666&99=ABC&98=XYZ', els('01:12312312312333', '99:ABC', '98:XYZ')],
    ['https://a/01/12312312312333?99=ABC&98=XYZ&unknown=666', els('01:12312312312333', '99:ABC', '98:XYZ')],
    ['https://a/01/12312312312333?99=ABC&singleton&98=XYZ', els('01:12312312312333', '99:ABC', '98:XYZ')],
    [
      'https://a/01/12312312312333?singleton1&unknown1=555&99=ABC&singleton2&unknown2=6666&98=XYZ&unknown3=777&singleton3',
      els('01:12312312312333', '99:ABC', '98:XYZ'),
    ],
    ['https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ%2f987', els('01:12312312312333', '22:ABC-123', '99:ABC', '98:XYZ/987')],
    ['https://a/01/12312312312333/22/ABC+123?99=ABC&98=XYZ%2f987', els('01:12312312312333', '22:ABC+123', '99:ABC', '98:XYZ/987')],
    ['https://a/01/12312312312333/22/test/10/abc/21/xyz#', els('01:12312312312333', '22:test', '10:abc', '21:xyz')],
    ['https://a/01/12312312312333/22/test/10/abc/21/xyz#fragment', els('01:12312312312333', '22:test', '10:abc', '21:xyz')],
    ['https://a/stem/00/006141411234567890?99=ABC#', els('00:006141411234567890', '99:ABC')],
    ['https://a/stem/00/006141411234567890?99=ABC#fragment', els('00:006141411234567890', '99:ABC')],
  ])('%s', (uri, expected) => {
    expect(parseGs1(uri)).toEqual({ ok: true, elements: expected });
  });
});

describe('examples of the GS1 Digital Link Standard (dl.c "Examples from DL specification")', () => {
  it.each([
    ['https://id.gs1.org/01/09520123456788', els('01:09520123456788')],
    ['https://brand.example.com/01/9520123456788', els('01:09520123456788')],
    ['https://brand.example.com/some-extra/pathinfo/01/9520123456788', els('01:09520123456788')],
    ['https://id.gs1.org/01/09520123456788/22/2A', els('01:09520123456788', '22:2A')],
    ['https://id.gs1.org/01/09520123456788/10/ABC123', els('01:09520123456788', '10:ABC123')],
    ['https://id.gs1.org/01/09520123456788/21/12345', els('01:09520123456788', '21:12345')],
    ['https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426', els('01:09520123456788', '10:ABC1', '21:12345', '17:180426')],
    ['https://id.gs1.org/01/09520123456788?3103=000195', els('01:09520123456788', '3103:000195')],
    ['https://example.com/01/9520123456788?3103=000195&3922=0299&17=201225', els('01:09520123456788', '3103:000195', '3922:0299', '17:201225')],
    ['https://id.gs1.org/01/09520123456788?17=201225&3103=000195&3922=0299', els('01:09520123456788', '17:201225', '3103:000195', '3922:0299')],
    ['https://id.gs1.org/00/952012345678912345', els('00:952012345678912345')],
    ['https://id.gs1.org/00/952012345678912345?02=09520123456788&37=25&10=ABC123', els('00:952012345678912345', '02:09520123456788', '37:25', '10:ABC123')],
    ['https://id.gs1.org/414/9520123456788', els('414:9520123456788')],
    ['https://id.gs1.org/414/9520123456788/254/32a%2Fb', els('414:9520123456788', '254:32a/b')],
    ['https://example.com/8004/9520614141234567?01=9520123456788', els('8004:9520614141234567', '01:09520123456788')],
    // An alternate key qualifier (235) makes (10) an attribute.
    ['https://id.gs1.org/01/09520123456788/235/XYZ?10=ABC123', els('01:09520123456788', '235:XYZ', '10:ABC123')],
    // The brief's example for Quai.
    ['https://id.gs1.org/01/09506000134352/10/ABC123?17=201225', els('01:09506000134352', '10:ABC123', '17:201225')],
  ])('%s', (uri, expected) => {
    expect(parseGs1(uri)).toEqual({ ok: true, elements: expected });
  });
});

describe('Digital Link URIs refused', () => {
  it.each([
    ['', 'GS1_BAD_DIGITAL_LINK'],
    ['ftp://', 'GS1_BAD_DIGITAL_LINK'],
    ['http://', 'GS1_BAD_DIGITAL_LINK'],
    ['http:///', 'GS1_BAD_DIGITAL_LINK'], // no domain
    ['http://a', 'GS1_BAD_DIGITAL_LINK'], // no path
    ['http://a/', 'GS1_BAD_DIGITAL_LINK'],
    ['http://a/b', 'GS1_BAD_DIGITAL_LINK'],
    ['http://a/b/', 'GS1_BAD_DIGITAL_LINK'],
    ['HtTp://a/b/00/006141411234567890', 'GS1_BAD_DIGITAL_LINK'], // mixed-case scheme
    ['https://00/006141411234567890', 'GS1_BAD_DIGITAL_LINK'], // no domain
    ['https://[fe80::1%25lo]/01/12312312312333', 'GS1_BAD_DIGITAL_LINK'], // IPv6 zone identifier
    ['https://$a/006141411234567890', 'GS1_BAD_DIGITAL_LINK'],
    ['https://a$/006141411234567890', 'GS1_BAD_DIGITAL_LINK'],
    ['https://a/gtin/12312312312333', 'GS1_BAD_DIGITAL_LINK'], // convenience alphas are not supported
    ['https://a/253/1231231231232TEST56789012345678', 'GS1_BAD_LENGTH'], // N13 X0..17 too long
    ['https://a/stem/00/006141411234567890/', 'GS1_BAD_DIGITAL_LINK'], // cannot end in a slash
    ['https://a/01/12312312312333?99=', 'GS1_BAD_DIGITAL_LINK'], // empty AI value
    ['https://a/01/12312312312333?99=ABC&999=faux', 'GS1_UNKNOWN_AI'], // numeric non-AI parameter
    ['https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ+987', 'GS1_BAD_CHARSET'], // "+" is a space in the query
    ['https://example.com/01/09520123456788?10=ABC123', 'GS1_BAD_DIGITAL_LINK'], // belongs in the path
    ['https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&01=09520123456788', 'GS1_DUPLICATE_AI'],
    ['https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&10=ABC123', 'GS1_DUPLICATE_AI'],
    ['https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&99=XYZ789', 'GS1_DUPLICATE_AI'],
    ['https://example.com/01/09520123456788/89/ABC123?99=XYZ', 'GS1_BAD_DIGITAL_LINK'], // unknown AI in the path
    ['https://example.com/01/09520123456788?99=XYZ&89=ABC123', 'GS1_UNKNOWN_AI'],
    // Syntax Dictionary header: "https://../01/../10/../22/.." invalid (bad order), "22,10,21" and "235" not mixed.
    ['https://id.gs1.org/01/09520123456788/10/ABC/22/XYZ', 'GS1_BAD_DIGITAL_LINK'],
    ['https://id.gs1.org/01/09520123456788/22/A/10/B/235/C', 'GS1_BAD_DIGITAL_LINK'],
    ['https://id.gs1.org/01//10/ABC', 'GS1_BAD_DIGITAL_LINK'], // empty path value
    ['https://id.gs1.org/00/106141411234567897?21=ABC', 'GS1_BAD_DIGITAL_LINK'], // 21 is not a data attribute
    ['https://id.gs1.org/01/09520123456788?8200=ABC', 'GS1_BAD_DIGITAL_LINK'],
    ['https://id.gs1.org/01/09520123456789', 'GS1_BAD_CHECK_DIGIT'],
    ['https://id.gs1.org/01/09520123456788/10/A%00B', 'GS1_BAD_DIGITAL_LINK'], // decodes to NUL
    ['https://id.gs1.org/01/09520123456788/10/ABC 123', 'GS1_BAD_DIGITAL_LINK'], // a space is not a URI character
  ])('%j is refused with %s', (uri, code) => {
    expect(parseDigitalLink(uri)).toMatchObject({ ok: false, error: { code } });
  });

  it('names the offending AI', () => {
    expect(parseDigitalLink('https://example.com/01/09520123456788?10=ABC123')).toEqual({
      ok: false,
      error: {
        code: 'GS1_BAD_DIGITAL_LINK',
        message: 'AI (10) is a key qualifier: it belongs in the path, not in the query',
        details: { ai: '10', position: 38 },
      },
    });
    expect(parseDigitalLink('https://id.gs1.org/01/09520123456788/10/ABC/22/XYZ')).toMatchObject({
      error: { details: { ai: '01', path: ['01', '10', '22'] } },
    });
  });

  it('reads a URI carried by a plain QR Code or Data Matrix (scandata.c test_scandata_processScanData)', () => {
    const expected = { ok: true, elements: els('01:12312312312333', '99:TEST') };
    expect(parseGs1(']Q1https://example.com/01/12312312312333?99=TEST')).toEqual(expected);
    expect(parseGs1(']d1https://example.com/01/12312312312333?99=TEST')).toEqual(expected);
  });
});

describe('percent-decoding (dl.c test_dl_URIunescape)', () => {
  it.each([
    ['', '', ''],
    ['test', 'test', 'test'],
    ['+', '+', ' '], // "+" is a space only in the query
    ['%20', ' ', ' '],
    ['A%20B', 'A B', 'A B'],
    ['ABC%2', 'ABC%2', 'ABC%2'], // off the end
    ['ABCD%', 'ABCD%', 'ABCD%'],
    ['A%20%20B', 'A  B', 'A  B'],
    ['A%4FB', 'AOB', 'AOB'],
    ['A%4fB', 'AOB', 'AOB'],
    ['A%4gB', 'A%4gB', 'A%4gB'], // not a hex digit
    ['A%G4B', 'A%G4B', 'A%G4B'],
  ])('%j', (input, path, query) => {
    expect([uriDecode(input, false), uriDecode(input, true)]).toEqual([path, query]);
  });

  it('refuses a NUL', () => {
    expect(uriDecode('A%00B', false)).toBeNull();
  });
});
