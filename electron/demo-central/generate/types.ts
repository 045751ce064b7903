/** The demo warehouse as the generator hands it over: plain data, ready for SQLite or JSON. */

export type LocationType = 'dock' | 'staging' | 'storage' | 'pick_face' | 'pack_station' | 'outbound_dock';

export type DemoGtin = {
  /** 14 digits, normalised (right-aligned with leading zeros, as carried in AI 01). */
  gtin: string;
  /** Units the barcode stands for: 1 for the unit EAN-13 or UPC-A, units per case for a GTIN-14. */
  packQuantity: number;
};

export type DemoProduct = {
  /** e.g. CASE-IP15-BLK-0001: category, variant, number within the category. Unique. */
  sku: string;
  /** One of `categoryNames`: 'phone-case', 'cable', 'charger', … */
  category: string;
  /** Real words in each language: the staff read French, the marketplace English and Chinese. */
  description: { fr: string; en: string; zh: string };
  /** Unit GTIN-13 first, then any UPC-A, then any case GTIN-14. */
  gtins: DemoGtin[];
  lotTracked: boolean;
  expiryTracked: boolean;
  unitsPerCase: number;
};

export type DemoLocation = {
  /** A-03-02-1 (zone, aisle, bay, level) for storage and pick faces; DOCK-01, STG-01, PACK-01, OUT-01 otherwise. */
  code: string;
  type: LocationType;
  zone: string;
  /** 1…n over the whole site, each once: pick zones, then storage, then docks, staging, pack, outbound. */
  walkOrder: number;
};

export type DemoPalletLine = {
  sku: string;
  /** The product's unit GTIN (normalised): `quantity` counts units of it. */
  gtin: string;
  quantity: number;
  /** Present exactly when the product is lot-tracked. */
  lot?: string;
  /** YYYY-MM-DD, present exactly when the product is expiry-tracked. */
  expiry?: string;
};

export type DemoPallet = {
  /** 18 digits with a valid check digit. */
  sscc: string;
  locationCode: string;
  lines: DemoPalletLine[];
};

export type DemoLooseStock = {
  locationCode: string;
  sku: string;
  quantity: number;
  lot?: string;
  expiry?: string;
};

export type DemoSite = {
  seed: number;
  products: DemoProduct[];
  locations: DemoLocation[];
  pallets: DemoPallet[];
  looseStock: DemoLooseStock[];
};

export type DemoSiteOptions = {
  seed: number;
  /** Default 5000. */
  products?: number;
  /** Default 3000. */
  locations?: number;
  /** Default 400. */
  pallets?: number;
  /** YYYY-MM-DD that lots and expiry dates are reckoned from; default 2026-11-26. */
  today?: string;
};

export type DemoCarrier = 'colissimo' | 'chronopost' | 'dpd';

export type DemoOrderLine = {
  /** 1, 2, …: kept by a line through every change; a line added later gets the next number. */
  lineNo: number;
  sku: string;
  quantity: number;
};

/** A next-day order as the marketplace sends it (the shape of the protocol's `order` data, plus when it was placed). */
export type DemoOrder = {
  /** e.g. MP-261127-0000042: ship date, then a number unique within it. */
  orderId: string;
  /** YYYY-MM-DD the parcel leaves the warehouse: the day after the order day. */
  shipDate: string;
  carrier: DemoCarrier;
  service: string;
  /** ISO instant the carrier collects on the ship date. */
  cutoff: string;
  /** Instant (ms since epoch) the customer placed the order. */
  placedAt: number;
  lines: DemoOrderLine[];
};

/** What the centre will do to an order later: drawn when the order is, applied when simulated time gets there. */
export type DemoOrderChange =
  | { kind: 'quantity'; lineNo: number; quantity: number }
  | { kind: 'add-line'; sku: string; quantity: number }
  | { kind: 'remove-line'; lineNo: number }
  | { kind: 'cancel' };

export type DemoOrderAmendment = {
  orderId: string;
  /** Instant (ms since epoch) the change reaches the centre; always before the evening cutoff. */
  dueAt: number;
  change: DemoOrderChange;
};

export type DemoOrderBatch = { orders: DemoOrder[]; amendments: DemoOrderAmendment[] };

export type DemoAsnLine = { gtin: string; sku: string; quantity: number; lot: string | null };

/** An advance shipping notice: a truck of pallets (SSCCs) from a consolidator, due on a day. */
export type DemoAsn = {
  /** e.g. ASN-261127-02. */
  asnId: string;
  /** YYYY-MM-DD. */
  expectedOn: string;
  supplier: string;
  pallets: { sscc: string; lines: DemoAsnLine[] }[];
};
