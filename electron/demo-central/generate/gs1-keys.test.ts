import { describe, expect, it } from 'vitest';

import { isValidGtin, isValidSscc } from '../../../shared/barcode';
import { caseGtin, createCompanyPrefixPool, createGtinIssuer, createSsccIssuer, gs1ChinaRanges, withCheckDigit } from './gs1-keys';
import { createRandom } from './random';

describe('GS1 keys', () => {
  it('appends the GS1 check digit', () => {
    expect(withCheckDigit('629104150021')).toBe('6291041500213'); // GenSpecs §7.9.1 example
    expect(() => withCheckDigit('12a')).toThrow(RangeError);
  });

  it('builds a case GTIN-14 from the unit GTIN: indicator + 12 digits + new check digit', () => {
    expect(caseGtin('6291041500213', 1)).toBe('16291041500210');
    expect(caseGtin('06291041500213', 1)).toBe('16291041500210');
    expect(isValidGtin(caseGtin('6291041500213', 8))).toBe(true);
    expect(() => caseGtin('6291041500213', 0)).toThrow(RangeError);
    expect(() => caseGtin('6291041500213', 9)).toThrow(RangeError);
  });

  it('draws distinct company prefixes under GS1 China, and says when the pool runs low', () => {
    const pool = createCompanyPrefixPool(createRandom(1), gs1ChinaRanges);
    const prefixes = Array.from({ length: 500 }, () => pool.take());
    expect(new Set(prefixes).size).toBe(500);
    for (const p of prefixes) expect(p).toMatch(/^69[01]\d{4}$|^69[2-9]\d{5}$/); // GB 12904 lengths
    const tiny = createCompanyPrefixPool(createRandom(1), [{ gs1Prefix: '0', length: 2 }]);
    for (let i = 0; i < 5; i++) tiny.take();
    expect(() => tiny.take()).toThrow(RangeError);
  });

  it('issues unique valid GTINs per owner and moves to a new company prefix when one is used up', () => {
    const random = createRandom(2);
    // 10-digit company prefixes leave 2-digit item references: 100 GTINs at most per prefix.
    const issuer = createGtinIssuer<string>(random, createCompanyPrefixPool(random, [{ gs1Prefix: '692', length: 10 }]), 13);
    const gtins = Array.from({ length: 600 }, (_, i) => issuer.next(i % 2 === 0 ? 'kivo' : 'aurix'));
    expect(new Set(gtins).size).toBe(600);
    for (const g of gtins) expect(isValidGtin(g) && g.length === 13).toBe(true);
    expect(new Set(gtins.map((g) => g.slice(0, 10))).size).toBeGreaterThan(2);
  });

  it('issues unique valid SSCCs: extension digit + company prefix + serial + check digit', () => {
    const random = createRandom(3);
    const issuer = createSsccIssuer(random, ['6912345', '6987654']);
    const ssccs = Array.from({ length: 5000 }, () => issuer.next());
    expect(new Set(ssccs).size).toBe(5000);
    for (const s of ssccs) {
      expect(isValidSscc(s)).toBe(true);
      expect(['6912345', '6987654']).toContain(s.slice(1, 8));
    }
    expect(new Set(ssccs.map((s) => s[0])).size).toBe(10);
    expect(() => createSsccIssuer(random, [])).toThrow(RangeError);
    expect(() => createSsccIssuer(random, ['6912345', '69123456'])).toThrow(RangeError);
    expect(() => createSsccIssuer(random, ['6912345', '6912345'])).toThrow(RangeError);
    // Prefixes of different lengths (7 digits under 691, 8 under 692) keep SSCCs at 18 digits.
    const mixed = createSsccIssuer(random, ['6912345', '69223456']);
    const more = Array.from({ length: 2000 }, () => mixed.next());
    expect(new Set(more).size).toBe(2000);
    for (const s of more) expect(isValidSscc(s)).toBe(true);
  });
});
