import { describe, expect, it } from 'vitest';

import { isValidSscc } from '../../../shared/barcode';
import { generateProducts, rankByDemand } from './catalogue';
import { generateLocations } from './locations';
import { generateLooseStock } from './loose-stock';
import { generatePallets } from './pallets';
import { createRandom } from './random';
import { parseDay } from './tracking';
import type { DemoLocation, DemoProduct } from './types';

const today = parseDay('2026-11-26');
const products = rankByDemand(createRandom(2), generateProducts(createRandom(1), 3000));
const locations = generateLocations(createRandom(3), 3000);
const pallets = generatePallets(createRandom(4), { products, locations, count: 800, today });
const productBySku = new Map(products.map((p) => [p.sku, p]));
const locationByCode = new Map(locations.map((l) => [l.code, l]));

const product = (sku: string): DemoProduct => {
  const found = productBySku.get(sku);
  if (!found) throw new Error(`unknown SKU ${sku}`);
  return found;
};
const location = (code: string): DemoLocation => {
  const found = locationByCode.get(code);
  if (!found) throw new Error(`unknown location ${code}`);
  return found;
};

/** Lot exactly when lot-tracked, expiry exactly when expiry-tracked, both well-formed. */
function checkTracking(entry: { sku: string; lot?: string; expiry?: string }): void {
  const p = product(entry.sku);
  expect(entry.lot !== undefined).toBe(p.lotTracked);
  expect(entry.expiry !== undefined).toBe(p.expiryTracked);
  if (entry.lot !== undefined) expect(entry.lot).toMatch(/^L\d{4}-\d{4}$/);
  if (entry.expiry !== undefined) {
    expect(entry.expiry).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(entry.expiry > '2026-11-26' && entry.expiry <= '2029-11-30').toBe(true);
  }
}

describe('generatePallets', () => {
  it('makes the pallets asked for, with unique valid SSCCs', () => {
    expect(pallets).toHaveLength(800);
    expect(new Set(pallets.map((p) => p.sscc)).size).toBe(800);
    for (const p of pallets) expect(isValidSscc(p.sscc)).toBe(true);
    expect(generatePallets(createRandom(4), { products, locations, count: 800, today })).toEqual(pallets);
  });

  it('puts at most one pallet per storage location, and a few on docks and staging', () => {
    const stored = pallets.filter((p) => location(p.locationCode).type === 'storage');
    expect(new Set(stored.map((p) => p.locationCode)).size).toBe(stored.length);
    const arrived = pallets.filter((p) => ['dock', 'staging'].includes(location(p.locationCode).type));
    expect(stored.length + arrived.length).toBe(pallets.length);
    expect(arrived.length).toBeGreaterThan(0);
    expect(arrived.length).toBeLessThan(pallets.length / 10);
  });

  it('loads whole cases of the unit GTIN, one SKU on most pallets', () => {
    const homogeneous = pallets.filter((p) => p.lines.length === 1);
    expect(homogeneous.length).toBeGreaterThan(pallets.length * 0.75);
    expect(homogeneous.length).toBeLessThan(pallets.length);
    for (const pallet of pallets) {
      expect(new Set(pallet.lines.map((l) => l.sku)).size).toBe(pallet.lines.length);
      for (const line of pallet.lines) {
        const p = product(line.sku);
        expect(line.quantity % p.unitsPerCase).toBe(0);
        expect(line.quantity).toBeGreaterThan(0);
        expect(p.gtins.find((g) => g.gtin === line.gtin)?.packQuantity).toBe(1);
        checkTracking(line);
      }
    }
    expect(pallets.some((p) => p.lines.some((l) => l.lot !== undefined))).toBe(true);
    expect(pallets.some((p) => p.lines.some((l) => l.expiry !== undefined))).toBe(true);
  });

  it('spills onto docks and staging when storage is full, and refuses what cannot be placed', () => {
    const small = generateLocations(createRandom(1), 6); // one storage location
    const spilled = generatePallets(createRandom(1), { products, locations: small, count: 5, today });
    expect(spilled.filter((p) => p.locationCode.startsWith('A-'))).toHaveLength(1);
    expect(spilled.filter((p) => /^(DOCK|STG)-/.test(p.locationCode))).toHaveLength(4);
    const storageOnly = small.filter((l) => l.type === 'storage');
    expect(() => generatePallets(createRandom(1), { products, locations: storageOnly, count: 2, today })).toThrow(RangeError);
    expect(() => generatePallets(createRandom(1), { products: [], locations: small, count: 1, today })).toThrow(RangeError);
    expect(generatePallets(createRandom(1), { products: [], locations: small, count: 0, today })).toEqual([]);
  });
});

describe('generateLooseStock', () => {
  const stock = generateLooseStock(createRandom(5), { products, locations, today });
  const faces = locations.filter((l) => l.type === 'pick_face');

  it('stocks pick faces only, one SKU on most, each SKU on one face, 5–200 units', () => {
    for (const s of stock) {
      expect(location(s.locationCode).type).toBe('pick_face');
      expect(Number.isInteger(s.quantity) && s.quantity >= 5 && s.quantity <= 200).toBe(true);
      checkTracking(s);
    }
    expect(new Set(stock.map((s) => s.sku)).size).toBe(stock.length);
    const perFace = new Map<string, number>();
    for (const s of stock) perFace.set(s.locationCode, (perFace.get(s.locationCode) ?? 0) + 1);
    const single = [...perFace.values()].filter((n) => n === 1).length;
    expect(single).toBeGreaterThan(faces.length * 0.75);
    expect(Math.max(...perFace.values())).toBeLessThanOrEqual(2);
  });

  it('gives phone cases the most faces', () => {
    const counts = new Map<string, number>();
    for (const s of stock) counts.set(product(s.sku).category, (counts.get(product(s.sku).category) ?? 0) + 1);
    const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    expect(top?.[0]).toBe('phone-case');
    expect((top?.[1] ?? 0) / stock.length).toBeGreaterThan(0.5);
  });

  it('leaves faces empty once every product has one', () => {
    const few = products.slice(0, 10);
    const sparse = generateLooseStock(createRandom(5), { products: few, locations, today });
    expect(sparse.map((s) => s.sku).sort()).toEqual(few.map((p) => p.sku).sort());
  });
});
