/**
 * Advance shipping notices: the trucks due at the receiving dock, each a consolidator's pallets
 * from Shenzhen, Dongguan or Yiwu with their lines (unit GTIN, quantity, lot). Most pallets carry
 * one SKU in whole cases; some are mixed. The fastest sellers are restocked most often.
 */
import { compactDay } from './calendar';
import { createCompanyPrefixPool, createSsccIssuer, gs1ChinaRanges } from './gs1-keys';
import { trackingFor } from './pallets';
import type { Random } from './random';
import { parseDay } from './tracking';
import type { DemoAsn, DemoAsnLine, DemoProduct } from './types';

export const consolidators = [
  'Shenzhen Haoyun Supply Chain Co., Ltd.',
  'Dongguan Xinda International Logistics Co., Ltd.',
  'Yiwu Jinhang Cross-Border Freight Co., Ltd.',
  'Shenzhen Qianhai Eurolink Logistics Co., Ltd.',
  'Guangzhou Baiyun Express Consolidation Co., Ltd.',
] as const;

export type AsnOptions = {
  /** Products, fastest sellers first (see `rankByDemand`). */
  readonly products: readonly Readonly<DemoProduct>[];
  /** YYYY-MM-DD the trucks are due. */
  readonly expectedOn: string;
  readonly count: number;
  /**
   * SSCCs already in the warehouse or announced before (the site's pallets, earlier ASNs): a new
   * pallet never gets one, or the receiver's scan would find two pallets.
   */
  readonly takenSsccs: ReadonlySet<string>;
};

const mixedShare = 0.2;
const hotShare = 0.7;

function lineFor(random: Random, product: Readonly<DemoProduct>, cases: number, expectedOn: string): DemoAsnLine {
  const unit = product.gtins.find((g) => g.packQuantity === 1) ?? product.gtins[0];
  if (!unit) throw new RangeError(`product ${product.sku} has no GTIN`);
  // Lots are made before the truck leaves China; ASN lines carry no expiry (shared/sync/protocol.ts).
  const { lot } = trackingFor(random, product, parseDay(expectedOn));
  return { gtin: unit.gtin, sku: product.sku, quantity: cases * product.unitsPerCase, lot: lot ?? null };
}

/** `count` ASNs due on `expectedOn`, numbered ASN-YYMMDD-01…, the first with 3 pallets, the others 4–12. */
export function generateAsns(random: Random, options: Readonly<AsnOptions>): DemoAsn[] {
  const { products, expectedOn, count, takenSsccs } = options;
  if (!Number.isSafeInteger(count) || count < 0 || count > 99) throw new RangeError(`ASN count must be 0–99, got ${count}`);
  if (count > 0 && products.length === 0) throw new RangeError('ASNs need products');
  const hot = products.slice(0, Math.max(1, Math.ceil(products.length / 5)));
  const pool = createCompanyPrefixPool(random, gs1ChinaRanges);
  const issued = new Set<string>();

  return Array.from({ length: count }, (_, i) => {
    const sscc = createSsccIssuer(random, [pool.take()]);
    const nextSscc = (): string => {
      // A clash is unlikely (another company prefix) but possible: draw again rather than trust luck.
      for (;;) {
        const candidate = sscc.next();
        if (!takenSsccs.has(candidate) && !issued.has(candidate)) {
          issued.add(candidate);
          return candidate;
        }
      }
    };
    // The day's first truck is a small van of three pallets: the training course's first receipt
    // (docs/domain.md, acceptance scenario 2); the others bring 4–12.
    const pallets = Array.from({ length: i === 0 ? 3 : random.int(4, 12) }, () => {
      if (products.length > 1 && random.chance(mixedShare)) {
        const chosen = new Set<Readonly<DemoProduct>>();
        const wanted = Math.min(products.length, random.int(2, 5));
        while (chosen.size < wanted) chosen.add(random.pick(products));
        return { sscc: nextSscc(), lines: [...chosen].map((product) => lineFor(random, product, random.int(1, 8), expectedOn)) };
      }
      const product = random.pick(random.chance(hotShare) ? hot : products);
      return { sscc: nextSscc(), lines: [lineFor(random, product, random.int(6, 36), expectedOn)] };
    });
    return {
      asnId: `ASN-${compactDay(expectedOn)}-${String(i + 1).padStart(2, '0')}`,
      expectedOn,
      supplier: random.pick(consolidators),
      pallets,
    };
  });
}
