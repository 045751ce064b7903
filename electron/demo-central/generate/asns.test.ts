import { describe, expect, it } from 'vitest';

import { isValidGtin, isValidSscc } from '../../../shared/barcode';
import { asnDataSchema } from '../../../shared/sync/protocol';
import { generateAsns } from './asns';
import { createRandom } from './random';
import { generateDemoSite } from './site';
import { generateProducts, rankByDemand } from './catalogue';

const site = generateDemoSite({ seed: 2611 });
const products = rankByDemand(createRandom(2611).fork('demand'), site.products);
const siteSsccs = new Set(site.pallets.map((p) => p.sscc));
const skus = new Map(site.products.map((p) => [p.sku, p]));

const draw = (seed: number, takenSsccs: ReadonlySet<string> = siteSsccs) =>
  generateAsns(createRandom(seed), { products, expectedOn: '2026-11-27', count: 4, takenSsccs });

describe('generateAsns', () => {
  const asns = draw(5);

  it('draws ASNs due on the day, of valid pallets whose lines name real products', () => {
    expect(asns.map((a) => a.asnId)).toEqual(['ASN-261127-01', 'ASN-261127-02', 'ASN-261127-03', 'ASN-261127-04']);
    expect(asns.map((a) => a.pallets.length)[0]).toBe(3);
    for (const asn of asns) {
      expect(asnDataSchema.safeParse({ ...asn, status: 'expected' }).success).toBe(true);
      expect(asn.pallets.length).toBeGreaterThanOrEqual(3);
      for (const pallet of asn.pallets) {
        expect(isValidSscc(pallet.sscc)).toBe(true);
        for (const line of pallet.lines) {
          const product = skus.get(line.sku);
          expect(product?.gtins.some((g) => g.gtin === line.gtin && g.packQuantity === 1)).toBe(true);
          expect(isValidGtin(line.gtin)).toBe(true);
          expect(line.lot !== null).toBe(product?.lotTracked);
          expect(line.quantity % (product?.unitsPerCase ?? 1)).toBe(0);
        }
      }
    }
  });

  it('never reuses an SSCC of the site or of another pallet', () => {
    const ssccs = asns.flatMap((a) => a.pallets.map((p) => p.sscc));
    expect(new Set(ssccs).size).toBe(ssccs.length);
    expect(ssccs.some((s) => siteSsccs.has(s))).toBe(false);
  });

  it('draws again when an SSCC is taken', () => {
    const first = asns.flatMap((a) => a.pallets.map((p) => p.sscc));
    const again = draw(5, new Set([...siteSsccs, ...first])).flatMap((a) => a.pallets.map((p) => p.sscc));
    expect(again.some((s) => first.includes(s))).toBe(false);
    expect(again.every(isValidSscc)).toBe(true);
  });

  it('is deterministic', () => {
    expect(draw(5)).toEqual(asns);
    expect(draw(6)).not.toEqual(asns);
    const small = rankByDemand(createRandom(1), generateProducts(createRandom(1), 10));
    expect(generateAsns(createRandom(1), { products: small, expectedOn: '2026-11-27', count: 1, takenSsccs: new Set() })).toHaveLength(1);
  });
});
