/**
 * Pallets as they stand in the warehouse: most in storage (one per rack location), a few just
 * received on the docks and staging lanes. Most carry one SKU in whole cases, as the seller's
 * factory ships them; some are mixed consolidation pallets built in Shenzhen.
 */
import { createCompanyPrefixPool, createSsccIssuer, gs1ChinaRanges } from './gs1-keys';
import type { Random } from './random';
import { type CalendarDay, expiryAfter, lotBefore } from './tracking';
import type { DemoLocation, DemoPallet, DemoPalletLine, DemoProduct } from './types';

export type PalletOptions = {
  /** Products, fastest sellers first (see `rankByDemand`): reserve stock follows demand. */
  readonly products: readonly Readonly<DemoProduct>[];
  readonly locations: readonly Readonly<DemoLocation>[];
  readonly count: number;
  readonly today: CalendarDay;
};

const mixedShare = 0.15;
/** Share of homogeneous pallets holding one of the fastest fifth of the products. */
const reserveShare = 0.6;

/** Lot and expiry of a batch of `product`, each present exactly when the product tracks it. */
export function trackingFor(random: Random, product: Readonly<DemoProduct>, today: CalendarDay): { lot?: string; expiry?: string } {
  return {
    ...(product.lotTracked ? { lot: lotBefore(random, today) } : {}),
    ...(product.expiryTracked ? { expiry: expiryAfter(random, today) } : {}),
  };
}

function lineFor(random: Random, product: Readonly<DemoProduct>, cases: number, today: CalendarDay): DemoPalletLine {
  const unit = product.gtins.find((g) => g.packQuantity === 1) ?? product.gtins[0];
  if (!unit) throw new RangeError(`product ${product.sku} has no GTIN`);
  return { sku: product.sku, gtin: unit.gtin, quantity: cases * product.unitsPerCase, ...trackingFor(random, product, today) };
}

/** `count` (a handful) distinct products: redraw on a repeat instead of copying the catalogue. */
function pickDistinct<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < count) chosen.add(random.pick(items));
  return [...chosen];
}

/**
 * `count` pallets with unique SSCCs. About 4 % wait on docks and staging lanes (more if storage is
 * full); the others get distinct storage locations. Throws if they cannot all be placed.
 */
export function generatePallets(random: Random, options: PalletOptions): DemoPallet[] {
  const { products, locations, count, today } = options;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`pallet count must be a non-negative integer, got ${count}`);
  if (count === 0) return [];
  if (products.length === 0) throw new RangeError('pallets need products');

  const storage = locations.filter((l) => l.type === 'storage');
  const arrival = locations.filter((l) => l.type === 'dock' || l.type === 'staging');
  let received = arrival.length === 0 ? 0 : Math.min(count, count >= 10 ? Math.max(1, Math.round(count * 0.04)) : count >= 2 ? 1 : 0);
  received = Math.max(received, count - storage.length);
  if (received > 0 && arrival.length === 0) throw new RangeError(`${count} pallets do not fit in ${storage.length} storage locations`);

  const places = random
    .sample(storage, count - received)
    .sort((a, b) => a.walkOrder - b.walkOrder)
    .map((l) => l.code);
  for (let i = 0; i < received; i++) places.push(random.pick(arrival).code);

  const pool = createCompanyPrefixPool(random, gs1ChinaRanges);
  const sscc = createSsccIssuer(random, [pool.take(), pool.take(), pool.take()]);
  const hot = products.slice(0, Math.max(1, Math.ceil(products.length / 5)));

  return places.map((locationCode) => {
    if (products.length > 1 && random.chance(mixedShare)) {
      const lines = pickDistinct(random, products, Math.min(products.length, random.int(2, 6))).map((product) =>
        lineFor(random, product, random.int(1, 8), today),
      );
      return { sscc: sscc.next(), locationCode, lines };
    }
    const product = random.pick(random.chance(reserveShare) ? hot : products);
    return { sscc: sscc.next(), locationCode, lines: [lineFor(random, product, random.int(6, 36), today)] };
  });
}
