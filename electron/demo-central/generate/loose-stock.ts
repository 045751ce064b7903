/**
 * Loose units on the pick faces, where pickers take them: the fastest sellers get the faces first
 * in the walk (phone cases above all, through the demand ranking), most faces hold one SKU, a few
 * hold two small ones side by side, and a few stand empty awaiting replenishment.
 */
import { trackingFor } from './pallets';
import type { Random } from './random';
import type { CalendarDay } from './tracking';
import type { DemoLocation, DemoLooseStock, DemoProduct } from './types';

export type LooseStockOptions = {
  /** Products, fastest sellers first (see `rankByDemand`). Each gets at most one pick face. */
  readonly products: readonly Readonly<DemoProduct>[];
  readonly locations: readonly Readonly<DemoLocation>[];
  readonly today: CalendarDay;
};

const emptyShare = 0.08;
const sharedShare = 0.06;

export function generateLooseStock(random: Random, options: LooseStockOptions): DemoLooseStock[] {
  const { products, locations, today } = options;
  const faces = locations.filter((l) => l.type === 'pick_face').sort((a, b) => a.walkOrder - b.walkOrder);
  const stock: DemoLooseStock[] = [];
  let next = 0;
  for (const face of faces) {
    const roll = random.next();
    const skus = roll < emptyShare ? 0 : roll < emptyShare + sharedShare ? 2 : 1;
    for (let i = 0; i < skus && next < products.length; i++) {
      const product = products[next++] as Readonly<DemoProduct>;
      stock.push({ locationCode: face.code, sku: product.sku, quantity: random.int(5, 200), ...trackingFor(random, product, today) });
    }
  }
  return stock;
}
