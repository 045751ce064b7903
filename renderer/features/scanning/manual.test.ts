import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../../shared/barcode';
import { checkManualEntry } from './manual';

const withCheckDigit = (body: string): string => `${body}${gs1CheckDigit(body)}`;

describe('manual entry', () => {
  it('accepts GTIN-8/12/13/14 and SSCCs with a right check digit, spaces and dashes removed', () => {
    expect(checkManualEntry(' 3761234500007 ')).toEqual({ ok: true, text: '3761234500007' });
    expect(checkManualEntry('9638-5074')).toEqual({ ok: true, text: '96385074' });
    expect(checkManualEntry('036000291452')).toEqual({ ok: true, text: '036000291452' });
    expect(checkManualEntry(withCheckDigit('1037612345000'))).toEqual({ ok: true, text: withCheckDigit('1037612345000') });
    expect(checkManualEntry('376123450000000016')).toEqual({ ok: true, text: '376123450000000016' });
    expect(checkManualEntry('00376123450000000016')).toEqual({ ok: true, text: '00376123450000000016' });
  });

  it('refuses a GTIN or an SSCC with a wrong check digit, saying which', () => {
    expect(checkManualEntry('3761234500008')).toEqual({ ok: false, reason: 'gtinCheckDigit' });
    expect(checkManualEntry('96385075')).toEqual({ ok: false, reason: 'gtinCheckDigit' });
    expect(checkManualEntry('376123450000000017')).toEqual({ ok: false, reason: 'ssccCheckDigit' });
    expect(checkManualEntry('00376123450000000017')).toEqual({ ok: false, reason: 'ssccCheckDigit' });
    expect(checkManualEntry('(01)03761234500005(10)LOT1')).toEqual({ ok: false, reason: 'gs1CheckDigit' });
    expect(checkManualEntry('   ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('lets Quai codes through untouched: locations, totes, badges', () => {
    for (const code of ['A-03-02-1', 'TOTE-0042', 'BADGE-PCK01', '(01)03761234500007(10)LOT1'])
      expect(checkManualEntry(code)).toEqual({ ok: true, text: code });
  });

  it('catches every single wrong digit in a GTIN-13 (fuzz)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12}$/), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (body, position, shift) => {
        const good = withCheckDigit(body);
        expect(checkManualEntry(good)).toEqual({ ok: true, text: good });
        const digit = (Number(good[position]) + shift) % 10;
        const bad = `${good.slice(0, position)}${digit}${good.slice(position + 1)}`;
        expect(checkManualEntry(bad)).toEqual({ ok: false, reason: 'gtinCheckDigit' });
      }),
    );
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (text) => void checkManualEntry(text)));
  });
});
