import { classifyScan } from '../../../shared/barcode';
import { maxQuantity, quantitySchema } from '../../../shared/ipc/stock';
import type { ReadHandle } from '../../platform/db/connection';
import { AppError } from '../../platform/errors';
import { findContainerByCode, findLocationByCode, findProductByGtin, type ContainerRecord, type LocationRecord, type ProductRecord } from './repo';

/** What a scanned code stands for in the mirror. */
export type Resolved =
  | {
      readonly kind: 'product';
      readonly product: ProductRecord & { packQuantity: number };
      readonly gtin: string;
      readonly lot?: string | undefined;
      readonly quantity?: number | undefined;
    }
  | { readonly kind: 'location'; readonly location: LocationRecord }
  | { readonly kind: 'container'; readonly container: ContainerRecord };

/**
 * Scan → thing. The shared classifier says what the code looks like; the mirror says whether we
 * know it. Location and tote codes outside the site's patterns are still tried as typed.
 */
export function resolveScan(read: ReadHandle, code: string): Resolved {
  const scan = classifyScan(code);
  switch (scan.kind) {
    case 'gtin': {
      // A count the label carries (AI 30 / 37) obeys the bound a typed one does, before anything is
      // looked up or written: `(30)0` once reached SQLite's CHECK (issue #9).
      if (scan.quantity !== undefined && !quantitySchema.safeParse(scan.quantity).success) {
        throw new AppError('QUANTITY_INVALID', `the scan carries a count of ${scan.quantity}`, {
          code: scan.scanned,
          quantity: scan.quantity,
          max: maxQuantity,
        });
      }
      const product = findProductByGtin(read, scan.gtin);
      if (!product) throw new AppError('PRODUCT_NOT_FOUND', `no product has GTIN ${scan.gtin}`, { code: scan.scanned });
      return { kind: 'product', product, gtin: scan.gtin, lot: scan.lot, quantity: scan.quantity };
    }
    case 'sscc': {
      const container = findContainerByCode(read, scan.sscc);
      if (!container) throw new AppError('CONTAINER_NOT_FOUND', `no pallet with SSCC ${scan.sscc}`, { code: scan.sscc });
      return { kind: 'container', container };
    }
    case 'location': {
      const location = findLocationByCode(read, scan.code);
      if (!location) throw new AppError('LOCATION_NOT_FOUND', `no location ${scan.code}`, { code: scan.code });
      return { kind: 'location', location };
    }
    case 'tote': {
      const container = findContainerByCode(read, scan.tote);
      if (!container) throw new AppError('CONTAINER_NOT_FOUND', `no tote ${scan.tote}`, { code: scan.tote });
      return { kind: 'container', container };
    }
    default: {
      const typed = code.trim().toUpperCase();
      const location = findLocationByCode(read, typed);
      if (location) return { kind: 'location', location };
      const container = findContainerByCode(read, typed);
      if (container) return { kind: 'container', container };
      const looksLike = scan.kind === 'unknown' ? (scan.looksLike ?? null) : scan.kind;
      throw new AppError('UNKNOWN_BARCODE', `nothing in the stock mirror answers to ${JSON.stringify(code.slice(0, 60))}`, {
        code: code.trim().slice(0, 60),
        looksLike,
        ...(scan.kind === 'unknown' && scan.error ? { reason: scan.error.code } : {}),
      });
    }
  }
}

export function resolveLocation(read: ReadHandle, code: string): LocationRecord {
  const resolved = resolveScan(read, code);
  if (resolved.kind !== 'location') throw new AppError('NOT_A_LOCATION', `${code} is not a location`, { code });
  if (!resolved.location.active) throw new AppError('LOCATION_INACTIVE', `location ${resolved.location.code} is inactive`, { code: resolved.location.code });
  return resolved.location;
}

export type ResolvedProduct = Extract<Resolved, { kind: 'product' }>;

export function resolveProduct(read: ReadHandle, code: string): ResolvedProduct {
  const resolved = resolveScan(read, code);
  if (resolved.kind !== 'product') throw new AppError('NOT_AN_ITEM', `${code} is not a product barcode`, { code: code.trim().slice(0, 60) });
  return resolved;
}

/**
 * Units meant by a scan of `item`, `count` times (typed, else the count the scan carries): one rule
 * for moves, counts and adjustments (issue #8) — a case GTIN scanned once is its pack quantity in
 * units. Undefined when neither says how many.
 */
export function unitsOf(item: ResolvedProduct, count: number | undefined): number | undefined {
  const scanned = count ?? item.quantity;
  if (scanned === undefined) return undefined;
  const units = scanned * item.product.packQuantity;
  if (units > maxQuantity) {
    throw new AppError('QUANTITY_INVALID', `${scanned} × ${item.product.packQuantity} units is more than ${maxQuantity}`, {
      code: item.gtin,
      quantity: units,
      max: maxQuantity,
    });
  }
  return units;
}
