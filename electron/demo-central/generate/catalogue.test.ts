import { describe, expect, it } from 'vitest';

import { isValidGtin, normaliseGtin } from '../../../shared/barcode';
import { generateProducts, rankByDemand } from './catalogue';
import { categoryNames } from './categories';
import { createRandom } from './random';
import type { DemoProduct } from './types';

const products = generateProducts(createRandom(11), 5000);
const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

describe('generateProducts', () => {
  it('makes the number asked for, the same for a seed', () => {
    expect(products).toHaveLength(5000);
    expect(generateProducts(createRandom(11), 5000)).toEqual(products);
    expect(generateProducts(createRandom(12), 50)).not.toEqual(products.slice(0, 50));
    expect(generateProducts(createRandom(11), 0)).toEqual([]);
    expect(() => generateProducts(createRandom(11), -1)).toThrow(RangeError);
  });

  it('gives unique SKUs shaped category-variant-number', () => {
    expect(new Set(products.map((p) => p.sku)).size).toBe(products.length);
    for (const p of products) expect(p.sku).toMatch(/^[A-Z]+(-[A-Z0-9]+)+-\d{4,}$/);
    expect(products.find((p) => p.category === 'phone-case')?.sku).toMatch(/^CASE-[A-Z0-9]+-[A-Z]{3}-0001$/);
  });

  it('covers every category, phone cases first', () => {
    const counts = countBy(products, (p) => p.category);
    expect([...counts.keys()].sort()).toEqual([...categoryNames].sort());
    const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    expect(top?.[0]).toBe('phone-case');
  });

  it('stores only valid GTINs, normalised to 14 digits and unique across the catalogue', () => {
    const all = products.flatMap((p) => p.gtins.map((g) => g.gtin));
    expect(new Set(all).size).toBe(all.length);
    for (const gtin of all) {
      expect(gtin).toMatch(/^\d{14}$/);
      expect(isValidGtin(gtin)).toBe(true);
      expect(normaliseGtin(gtin)).toBe(gtin);
    }
  });

  it('gives every product a unit EAN-13 under GS1 China, some a case GTIN-14, a few a UPC-A', () => {
    let cases = 0;
    let upcs = 0;
    for (const p of products) {
      const [unit, ...others] = p.gtins;
      expect(unit?.packQuantity).toBe(1);
      expect(unit?.gtin).toMatch(/^069\d{11}$/);
      for (const g of others) {
        if (g.packQuantity === 1) {
          upcs++;
          expect(g.gtin).toMatch(/^00[01]\d{11}$/); // UPC-A, 12 digits behind two zeros
        } else {
          cases++;
          expect(g.packQuantity).toBe(p.unitsPerCase);
          expect(g.gtin).toMatch(/^[1-8]/);
          expect(g.gtin.slice(1, 13)).toBe(unit?.gtin.slice(1, 13)); // same item, new check digit
        }
      }
    }
    expect(cases).toBeGreaterThan(products.length / 5);
    expect(upcs).toBeGreaterThan(50);
    expect(upcs).toBeLessThan(products.length / 10);
  });

  it('tracks lots for batteries and expiry for adhesives and cleaners, and not most products', () => {
    const byCategory = (name: string): DemoProduct[] => products.filter((p) => p.category === name);
    expect(byCategory('power-bank').every((p) => p.lotTracked)).toBe(true);
    expect(byCategory('phone-case').some((p) => p.lotTracked || p.expiryTracked)).toBe(false);
    expect(byCategory('adhesive').every((p) => p.expiryTracked)).toBe(true);
    expect(byCategory('screen-cleaner').every((p) => p.expiryTracked)).toBe(true);
    expect(products.filter((p) => p.lotTracked || p.expiryTracked).length).toBeLessThan(products.length / 4);
    for (const p of products) expect(p.unitsPerCase).toBeGreaterThan(1);
  });

  it('names products in French, English and Chinese', () => {
    for (const p of products) {
      expect(p.description.fr.trim()).toBe(p.description.fr);
      expect(p.description.en).toMatch(/^([A-Z0-9]|i[A-Z])/); // capitalised, or iPhone
      expect(p.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.description.fr).not.toMatch(/ {2}|undefined|null/);
      expect(p.description.en).not.toMatch(/ {2}|undefined|null/);
    }
    const frenchCase = products.find((p) => /-IP15-BLK-/.test(p.sku) && p.description.en.includes('silicone'));
    expect(frenchCase?.description).toEqual({ fr: 'Coque iPhone 15 silicone noire', en: 'iPhone 15 silicone case, black', zh: 'iPhone 15 硅胶手机壳 黑色' });
    // French colours agree with the noun: une coque noire, un câble noir, des écouteurs noirs.
    expect(products.some((p) => p.category === 'cable' && p.description.fr.endsWith(' noir'))).toBe(true);
    expect(products.some((p) => p.category === 'earbuds' && p.description.fr.endsWith(' noirs'))).toBe(true);
  });
});

describe('rankByDemand', () => {
  it('orders every product once, faster categories ahead', () => {
    const ranked = rankByDemand(createRandom(1), products);
    expect(ranked).toHaveLength(products.length);
    expect(new Set(ranked.map((p) => p.sku)).size).toBe(products.length);
    const share = (list: readonly DemoProduct[]): number => list.filter((p) => p.category === 'phone-case').length / list.length;
    expect(share(ranked.slice(0, 500))).toBeGreaterThan(share(products));
  });
});
