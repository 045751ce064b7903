/**
 * A whole demo warehouse from one seed. Each part draws from its own forked stream, so asking for
 * more pallets does not change the catalogue, and the demo central service's next-day orders and
 * ASNs (orders.ts, asns.ts) fork theirs from the same seed.
 */
import { generateProducts, rankByDemand } from './catalogue';
import { generateLocations } from './locations';
import { generateLooseStock } from './loose-stock';
import { generatePallets } from './pallets';
import { createRandom } from './random';
import { parseDay } from './tracking';
import type { DemoSite, DemoSiteOptions } from './types';

export const demoSiteDefaults = { products: 5000, locations: 3000, pallets: 400, today: '2026-11-26' } as const;

export function generateDemoSite(options: Readonly<DemoSiteOptions>): DemoSite {
  const { seed } = options;
  const today = parseDay(options.today ?? demoSiteDefaults.today);
  const root = createRandom(seed);
  const products = generateProducts(root.fork('products'), options.products ?? demoSiteDefaults.products);
  const locations = generateLocations(root.fork('locations'), options.locations ?? demoSiteDefaults.locations);
  const byDemand = rankByDemand(root.fork('demand'), products);
  const pallets = generatePallets(root.fork('pallets'), { products: byDemand, locations, count: options.pallets ?? demoSiteDefaults.pallets, today });
  const looseStock = generateLooseStock(root.fork('loose-stock'), { products: byDemand, locations, today });
  return { seed, products, locations, pallets, looseStock };
}
