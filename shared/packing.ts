import { gs1CheckDigit } from './barcode';
import { matchParcel } from './barcode/parcel';
import { csvRows } from './csv';

/**
 * Packing and dispatch (DOMAIN, Outbound 4–5; issue #13): what a pack station verifies, the
 * parcel it seals, the trailer a carrier takes away. Pure rules shared by main and the screens.
 */

/** The site's box types, smallest first (the pack screen offers them in this order). */
export const boxTypes = ['XS', 'S', 'M', 'L', 'XL'] as const;
export type BoxType = (typeof boxTypes)[number];

/** The heaviest parcel the site's carriers take, in grams (Colissimo and Chronopost: 30 kg). */
export const maxParcelGrams = 30_000;

export type TrackingRefusal = 'TRACKING_UNREADABLE' | 'TRACKING_CHECK' | 'TRACKING_WRONG_CARRIER';

export type TrackingCheck =
  { readonly ok: true; readonly tracking: string } | { readonly ok: false; readonly code: TrackingRefusal; readonly message: string; readonly found: string };

/**
 * A carrier label scanned for an order of `carrier`: its tracking number when it is one of that
 * carrier's, in its format, with its check character right (shared/barcode/parcel.ts knows
 * Colissimo, Chronopost, DPD, UPS and UPU S10).
 */
export function checkTracking(code: string, carrier: string): TrackingCheck {
  const scanned = code.trim().toUpperCase();
  const match = matchParcel(scanned);
  if (!match) return { ok: false, code: 'TRACKING_UNREADABLE', message: `${scanned} is no carrier's tracking number`, found: '' };
  if (!match.valid) return { ok: false, code: 'TRACKING_CHECK', message: match.message, found: match.carrier };
  if (match.carrier !== carrier)
    return {
      ok: false,
      code: 'TRACKING_WRONG_CARRIER',
      message: `${match.tracking} is a ${match.carrier} number, the order ships by ${carrier}`,
      found: match.carrier,
    };
  return { ok: true, tracking: match.tracking };
}

/**
 * The SSCCs a station may give its parcels: a block of serial references the centre handed to it
 * alone (docs/protocol.md, SSCC blocks), so no two stations of the site, offline or not, give one
 * twice. `next` is the first serial not given yet.
 */
export type SsccBlock = { readonly extension: number; readonly companyPrefix: string; readonly first: number; readonly last: number; readonly next: number };

/** Digits of the serial reference after a company prefix, in an 18-digit SSCC (extension + prefix + serial + check). */
export const serialDigits = (companyPrefix: string): number => 16 - companyPrefix.length;

/** The SSCC of `serial` in its block (GS1 General Specifications §2.2.1: extension, company prefix, serial reference, check digit). */
export function ssccOf(block: Pick<SsccBlock, 'extension' | 'companyPrefix'>, serial: number): string {
  const width = serialDigits(block.companyPrefix);
  const reference = String(serial);
  if (!Number.isSafeInteger(serial) || serial < 0 || reference.length > width) throw new RangeError(`serial ${serial} does not fit ${width} digits`);
  const body = `${block.extension}${block.companyPrefix}${reference.padStart(width, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** One line of an order at the pack station: what it needs and what has been scanned into the box. */
export type PackLine = {
  readonly lineNo: number;
  readonly sku: string;
  readonly description: { readonly fr: string; readonly en: string; readonly zh: string };
  /** What the order asks now. */
  readonly quantity: number;
  /** What its run brought to the pack station for it (less what a pick found short). */
  readonly picked: number;
  /** Scanned into the box so far. */
  readonly verified: number;
};

/** What the pack screen shows of an order: its lines and how far their verification is. */
export type PackView = {
  readonly orderId: string;
  readonly runId: string | null;
  readonly toteSlot: number | null;
  readonly carrier: string;
  readonly service: string;
  readonly cutoff: string;
  readonly lines: readonly PackLine[];
  /** Every line verified to its quantity. */
  readonly complete: boolean;
};

/** One verification so far, as the screen holds it and sends back with each scan. */
export type Verified = { readonly lineNo: number; readonly count: number };

export type ParcelState = 'sealed' | 'loaded' | 'shipped' | 'unpacked';

export type ParcelView = {
  readonly sscc: string;
  readonly orderId: string;
  readonly carrier: string;
  readonly tracking: string;
  readonly box: BoxType;
  readonly weightGrams: number | null;
  readonly units: number;
  readonly short: number;
  readonly state: ParcelState;
  readonly trailerId: string | null;
  readonly packedBy: string;
  readonly packedAt: string;
};

/** An order of the ship date that is not on a trailer yet (or was pulled back), with its parcel if it has one. */
export type DueParcel = {
  readonly orderId: string;
  readonly sscc: string | null;
  readonly tracking: string | null;
  readonly state: ParcelState | 'not_packed';
};

/** The carrier manifest, fixed when the trailer closes (DOMAIN, Outbound 5). */
export type Manifest = {
  readonly carrier: string;
  readonly trailer: string;
  /** Site time, `YYYY-MM-DD HH:MM`. */
  readonly closedAt: string;
  readonly count: number;
  readonly totalGrams: number;
  readonly parcels: readonly { readonly tracking: string; readonly sscc: string; readonly orderId: string; readonly weightGrams: number | null }[];
  readonly missing: readonly { readonly orderId: string; readonly reason: string }[];
};

export type TrailerView = {
  readonly trailerId: string;
  readonly carrier: string;
  readonly label: string;
  readonly shipDate: string;
  readonly state: 'open' | 'closed';
  readonly openedBy: string;
  readonly parcels: readonly ParcelView[];
  /** The carrier's orders of the ship date with no parcel on a trailer of that carrier. */
  readonly due: readonly DueParcel[];
  readonly manifest: Manifest | null;
};

/** The manifest as CSV. */
export function manifestCsv(manifest: Manifest): string {
  const rows: (string | number | null)[][] = [
    ['carrier', 'trailer', 'closed_at', 'parcels', 'total_grams'],
    [manifest.carrier, manifest.trailer, manifest.closedAt, manifest.count, manifest.totalGrams],
    [],
    ['tracking', 'sscc', 'order', 'weight_grams'],
    ...manifest.parcels.map((parcel) => [parcel.tracking, parcel.sscc, parcel.orderId, parcel.weightGrams]),
  ];
  if (manifest.missing.length > 0) rows.push([], ['missing_order', 'reason'], ...manifest.missing.map((missing) => [missing.orderId, missing.reason]));
  return csvRows(rows);
}
