import { describe, expect, it } from 'vitest';

import { isValidGtin, isValidSscc } from '../../../shared/barcode';
import { generateDemoSite } from './index';
import { rackLocationPattern } from './locations';
import type { DemoSite } from './types';

/** The invariants every site keeps, whatever its size. */
function checkSite(site: DemoSite): void {
  const skus = new Set(site.products.map((p) => p.sku));
  expect(skus.size).toBe(site.products.length);
  const gtins = site.products.flatMap((p) => p.gtins.map((g) => g.gtin));
  expect(new Set(gtins).size).toBe(gtins.length);
  expect(gtins.every((g) => g.length === 14 && isValidGtin(g))).toBe(true);

  const locations = new Map(site.locations.map((l) => [l.code, l]));
  expect(locations.size).toBe(site.locations.length);
  expect(new Set(site.locations.map((l) => l.walkOrder)).size).toBe(site.locations.length);
  expect(
    site.locations.every((l) =>
      l.type === 'storage' || l.type === 'pick_face' ? rackLocationPattern.test(l.code) : /^(DOCK|STG|PACK|OUT)-\d{2}$/.test(l.code),
    ),
  ).toBe(true);

  expect(new Set(site.pallets.map((p) => p.sscc)).size).toBe(site.pallets.length);
  expect(site.pallets.every((p) => isValidSscc(p.sscc))).toBe(true);
  const palletTypes = new Set(site.pallets.map((p) => locations.get(p.locationCode)?.type));
  expect([...palletTypes].every((t) => t === 'storage' || t === 'dock' || t === 'staging')).toBe(true);
  const stored = site.pallets.filter((p) => locations.get(p.locationCode)?.type === 'storage');
  expect(new Set(stored.map((p) => p.locationCode)).size).toBe(stored.length);
  expect(site.pallets.every((p) => p.lines.every((l) => skus.has(l.sku)))).toBe(true);

  expect(site.looseStock.every((s) => skus.has(s.sku) && locations.get(s.locationCode)?.type === 'pick_face')).toBe(true);
}

describe('generateDemoSite', () => {
  const site = generateDemoSite({ seed: 2026 });

  it('builds the default site: 5000 products, 3000 locations, 400 pallets', () => {
    expect(site.seed).toBe(2026);
    expect(site.products).toHaveLength(5000);
    expect(site.locations).toHaveLength(3000);
    expect(site.pallets).toHaveLength(400);
    expect(site.looseStock.length).toBeGreaterThan(600);
    checkSite(site);
  });

  it('is deterministic: same options, deep-equal site; another seed, another site', () => {
    expect(generateDemoSite({ seed: 2026 })).toEqual(site);
    const other = generateDemoSite({ seed: 2027 });
    expect(other.products).not.toEqual(site.products);
    expect(other.pallets).not.toEqual(site.pallets);
  });

  it('keeps each part on its own stream: more pallets leave the catalogue and floor plan alone', () => {
    const more = generateDemoSite({ seed: 2026, pallets: 600 });
    expect(more.products).toEqual(site.products);
    expect(more.locations).toEqual(site.locations);
    expect(more.looseStock).toEqual(site.looseStock);
    expect(more.pallets).toHaveLength(600);
  });

  it('reckons dates from `today`', () => {
    const later = generateDemoSite({ seed: 1, products: 2000, locations: 500, pallets: 200, today: '2030-06-15' });
    const expiries = [...later.pallets.flatMap((p) => p.lines), ...later.looseStock].flatMap((e) => (e.expiry ? [e.expiry] : []));
    expect(expiries.length).toBeGreaterThan(0);
    expect(expiries.every((e) => e > '2030-06-15' && e < '2033-07-01')).toBe(true);
    expect(() => generateDemoSite({ seed: 1, today: '2030-02-30' })).toThrow(RangeError);
  });

  it('scales to 50,000 products and 20,000 locations and stays unique', () => {
    const big = generateDemoSite({ seed: 50_000, products: 50_000, locations: 20_000, pallets: 4000 });
    expect(big.products).toHaveLength(50_000);
    expect(big.locations).toHaveLength(20_000);
    expect(big.pallets).toHaveLength(4000);
    checkSite(big);
  });
});
