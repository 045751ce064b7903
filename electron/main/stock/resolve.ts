import { classifyScan } from '../../../shared/barcode';
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
      const product = findProductByGtin(read, scan.gtin);
      if (!product) throw new AppError('PRODUCT_NOT_FOUND', `no product has GTIN ${scan.gtin}`, { gtin: scan.gtin });
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

export function resolveProduct(read: ReadHandle, code: string): Extract<Resolved, { kind: 'product' }> {
  const resolved = resolveScan(read, code);
  if (resolved.kind !== 'product') throw new AppError('PRODUCT_NOT_FOUND', `${code} is not a product barcode`, { code });
  return resolved;
}
