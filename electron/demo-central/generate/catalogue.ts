/**
 * The product catalogue: SKUs, trilingual names, GTINs and tracking flags, drawn category by
 * category in the marketplace's proportions (phone cases first).
 */
import { categories, type Category } from './categories';
import { caseGtin, createCompanyPrefixPool, createGtinIssuer, gs1ChinaRanges, upcRanges } from './gs1-keys';
import type { Random } from './random';
import type { DemoGtin, DemoProduct } from './types';
import { type Brand, brands } from './vocabulary';

/** Share of products old enough to carry a UPC-A too (first listed on a North American store). */
const upcShare = 0.03;

/**
 * `count` products. SKUs are `<category>-<variant>-<number>` with the number counting within the
 * category, so they are unique without any lookup; GTINs come from per-brand counters (see gs1-keys).
 */
export function generateProducts(random: Random, count: number): DemoProduct[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`product count must be a non-negative integer, got ${count}`);
  // Separate streams: the names drawn do not shift the GTINs, and the reverse.
  const names = random.fork('names');
  const keys = random.fork('keys');
  const ean13 = createGtinIssuer<Brand>(keys, createCompanyPrefixPool(keys, gs1ChinaRanges), 13);
  const upcA = createGtinIssuer<Brand>(keys, createCompanyPrefixPool(keys, upcRanges), 12);
  const numbers = new Map<Category, number>();
  const products: DemoProduct[] = [];

  for (let i = 0; i < count; i++) {
    const category = names.weighted(categories, (c) => c.share);
    const brand = names.pick(brands);
    const draft = category.draft(names, brand);
    const number = (numbers.get(category) ?? 0) + 1;
    numbers.set(category, number);
    const unitsPerCase = names.pick(category.unitsPerCase);

    const unit = ean13.next(brand);
    const gtins: DemoGtin[] = [{ gtin: unit.padStart(14, '0'), packQuantity: 1 }];
    if (keys.chance(upcShare)) gtins.push({ gtin: upcA.next(brand).padStart(14, '0'), packQuantity: 1 });
    if (keys.chance(category.caseGtinShare)) {
      // Indicator 1 for the usual outer case; some makers number other case sizes 2–8.
      const indicator = keys.chance(0.7) ? 1 : keys.int(2, 8);
      gtins.push({ gtin: caseGtin(unit, indicator), packQuantity: unitsPerCase });
    }

    products.push({
      sku: `${category.skuPrefix}-${draft.code}-${String(number).padStart(4, '0')}`,
      category: category.name,
      description: { ...draft.description },
      gtins,
      lotTracked: draft.lotTracked ?? category.lotTracked,
      expiryTracked: category.expiryTracked,
      unitsPerCase,
    });
  }
  return products;
}

/** How fast each category sells, by product: decides pick faces and reserve pallets. */
const pickWeightOf = new Map(categories.map((c) => [c.name as string, c.pickWeight]));

/**
 * The products in a random order where faster categories come first more often: weighted sampling
 * without replacement by Efraimidis & Spirakis ("Weighted random sampling with a reservoir", 2006):
 * each item gets the key -ln(u)/w and the smallest keys win. One sort, O(n log n).
 */
export function rankByDemand(random: Random, products: readonly DemoProduct[]): DemoProduct[] {
  const keyed = products.map((product) => ({
    product,
    key: -Math.log(1 - random.next()) / (pickWeightOf.get(product.category) ?? 1),
  }));
  keyed.sort((a, b) => a.key - b.key);
  return keyed.map((k) => k.product);
}
