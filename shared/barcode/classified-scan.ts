/**
 * What classifyScan returns: a discriminated union on `kind`, each kind with its parsed parts.
 */

import type { Gs1ErrorCode, ScanErrorCode } from './errors';
import type { Carrier } from './parcel';
import type { Gs1Element } from './types';

export type ScanError = { readonly code: Gs1ErrorCode | ScanErrorCode; readonly message: string };

/**
 * A GS1 message that is valid on its own except for a `req=` association: the other barcode of the
 * same label usually carries it (e.g. the SSCC under the contents barcode of a GS1 logistic label).
 */
export type MissingAssociation = { readonly ai: string; readonly message: string };

export type SsccContents = {
  readonly gtin?: string;
  readonly count?: number;
  readonly lot?: string;
  readonly bestBefore?: string;
  readonly expiry?: string;
};

export type LooksLike = 'gtin' | 'sscc' | 'gs1' | 'location' | 'tote' | 'order' | 'pick-run' | 'badge' | 'parcel';

export type ClassifiedScan =
  | {
      readonly kind: 'sscc';
      readonly raw: string;
      /** 18 digits. */
      readonly sscc: string;
      readonly contents?: SsccContents;
      readonly elements: Gs1Element[];
      readonly missingAssociation?: MissingAssociation;
    }
  | {
      readonly kind: 'gtin';
      readonly raw: string;
      /** 14 digits. */
      readonly gtin: string;
      /** As read: 8, 12, 13 or 14 digits. */
      readonly scanned: string;
      /** AI 30 (variable count) or AI 37 (count of trade items). */
      readonly quantity?: number;
      readonly lot?: string;
      /** ISO dates (YYYY-MM-DD) from AI 17 and AI 15. */
      readonly expiry?: string;
      readonly bestBefore?: string;
      readonly serial?: string;
      readonly elements?: Gs1Element[];
      readonly missingAssociation?: MissingAssociation;
    }
  | {
      readonly kind: 'location';
      readonly raw: string;
      readonly code: string;
      readonly zone?: string;
      readonly aisle?: string;
      readonly bay?: string;
      readonly level?: string;
    }
  | { readonly kind: 'tote'; readonly raw: string; readonly code: string; readonly tote: string; readonly slot?: number }
  | { readonly kind: 'order'; readonly raw: string; readonly code: string }
  | { readonly kind: 'pick-run'; readonly raw: string; readonly code: string }
  | { readonly kind: 'badge'; readonly raw: string; readonly code: string }
  | { readonly kind: 'parcel'; readonly raw: string; readonly carrier: Carrier; readonly tracking: string }
  | {
      readonly kind: 'unknown';
      readonly raw: string;
      readonly looksLike?: LooksLike;
      readonly error?: ScanError;
      /** GS1 elements read, when the scan is GS1 data with neither an SSCC nor a GTIN. */
      readonly elements?: Gs1Element[];
    };
