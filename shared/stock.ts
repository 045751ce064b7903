/** What the stock screens show; main builds these from the mirror, the page only renders them. */

export const locationTypes = ['dock', 'staging', 'storage', 'pick_face', 'pack_station', 'outbound_dock'] as const;
export type LocationType = (typeof locationTypes)[number];

export const movementKinds = ['opening', 'receipt', 'putaway', 'move', 'pick', 'pack', 'ship', 'adjustment', 'return', 'resync'] as const;
export type MovementKind = (typeof movementKinds)[number];

export type Descriptions = { readonly fr: string; readonly en: string; readonly zh: string };

export type ProductRef = { readonly sku: string; readonly description: Descriptions };

export type StockLine = {
  readonly product: ProductRef;
  readonly location: string;
  readonly locationType: LocationType;
  readonly lot: string | null;
  readonly expiry: string | null;
  /** SSCC or tote code when the units sit in a container at the location. */
  readonly container: string | null;
  readonly quantity: number;
};

export type ProductLookup = {
  readonly kind: 'product';
  readonly sku: string;
  readonly description: Descriptions;
  readonly gtins: readonly { readonly gtin: string; readonly packQuantity: number }[];
  readonly lotTracked: boolean;
  readonly expiryTracked: boolean;
  readonly unitsPerCase: number;
  readonly scannedGtin: string;
  readonly total: number;
  readonly lines: readonly StockLine[];
};

export type LocationLookup = {
  readonly kind: 'location';
  readonly code: string;
  readonly type: LocationType;
  readonly zone: string;
  readonly walkOrder: number;
  readonly active: boolean;
  readonly lines: readonly StockLine[];
};

export type ContainerLookup = {
  readonly kind: 'container';
  readonly containerKind: 'pallet' | 'tote' | 'parcel';
  readonly code: string;
  readonly location: string | null;
  readonly lines: readonly StockLine[];
};

export type LookupResult = ProductLookup | LocationLookup | ContainerLookup;

export type HistorySubject =
  | { readonly kind: 'product'; readonly sku: string }
  | { readonly kind: 'location'; readonly code: string }
  | { readonly kind: 'container'; readonly code: string };

export type MovementView = {
  readonly id: number;
  readonly at: string;
  readonly kind: MovementKind;
  readonly product: ProductRef;
  readonly lot: string | null;
  readonly from: { readonly location: string | null; readonly container: string | null };
  readonly to: { readonly location: string | null; readonly container: string | null };
  readonly quantity: number;
  readonly user: string | null;
  readonly reason: string | null;
};

export type MovementPage = { readonly movements: readonly MovementView[]; readonly total: number };

/** Where a move starts, with what it holds (shown at the first step). */
export type MoveOrigin =
  | { readonly kind: 'location'; readonly code: string; readonly type: LocationType; readonly lines: readonly StockLine[] }
  | {
      readonly kind: 'container';
      readonly containerKind: 'pallet' | 'tote' | 'parcel';
      readonly code: string;
      readonly location: string;
      readonly lines: readonly StockLine[];
    };

/** The item of a move as found at the origin. */
export type MoveItem = {
  readonly product: ProductRef;
  /** 14 digits, as the catalogue knows it. */
  readonly gtin: string;
  /** Units in one of what was scanned: 1 for a unit GTIN, the case's pack quantity for a case GTIN. */
  readonly packQuantity: number;
  readonly lot: string | null;
  /** Units of this item (and lot) at the origin. */
  readonly available: number;
  /** The count the scan itself carried (AI 30 / 37), as a suggestion for the quantity step. */
  readonly scannedQuantity: number | null;
};

/**
 * What `checkMove` answers for the steps taken so far: each later part is null until its step is
 * taken. `wholeContainer`: the origin is a pallet (or tote) and it moves as it is.
 */
export type MoveCheck = {
  readonly from: MoveOrigin;
  readonly item: MoveItem | null;
  readonly wholeContainer: boolean;
  /** Units that would move, once known. */
  readonly units: number | null;
  readonly to: { readonly code: string; readonly type: LocationType } | null;
  /** An explicit yes is needed before this move: a whole pallet, or more units than the site allows without one. */
  readonly confirm: { readonly reason: 'container' | 'large'; readonly units: number; readonly threshold: number } | null;
};

export type MoveResult = { readonly movements: number; readonly quantity: number; readonly from: string; readonly to: string };

export type CountStatus = 'counting' | 'matched' | 'pending_approval' | 'approved' | 'rejected';

export type CountLineView = {
  readonly product: ProductRef;
  readonly lot: string | null;
  readonly counted: number;
  /** Shown only once the round is closed: counting is blind. */
  readonly expected: number | null;
};

export type CountView = {
  readonly id: number;
  readonly location: string;
  readonly status: CountStatus;
  readonly round: 1 | 2;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly lines: readonly CountLineView[];
  /** After round 1: the lines of round 1 with their differences, once a recount was requested. */
  readonly differences: readonly CountLineView[];
};

export type LocationImportRow = {
  readonly line: number;
  readonly code: string;
  readonly type: LocationType;
  readonly zone: string;
  readonly walkOrder: number;
  readonly change: 'create' | 'update' | 'unchanged';
};

/** What can be wrong in a location CSV: stable codes the screen translates (issue #10), never English text. */
export const locationImportProblems = [
  'unreadable',
  'missing_columns',
  'no_rows',
  'code_format',
  'code_repeated',
  'type_unknown',
  'zone_format',
  'walk_order_format',
] as const;
export type LocationImportProblem = (typeof locationImportProblems)[number];
export const locationImportFields = ['file', 'header', 'code', 'type', 'zone', 'walk_order'] as const;
export type LocationImportField = (typeof locationImportFields)[number];

export type LocationImportError = {
  readonly line: number;
  readonly field: LocationImportField;
  readonly problem: LocationImportProblem;
  /** What the sentence names: the missing columns, the line a code is already on, the types allowed. */
  readonly details?: { readonly columns?: string; readonly otherLine?: number; readonly types?: string };
};

export type LocationImportPreview = {
  readonly rows: readonly LocationImportRow[];
  readonly errors: readonly LocationImportError[];
  readonly committed: boolean;
};

/**
 * Codes of the site to print on one sheet and scan back (issue #10: the demo site's codes, from the
 * app itself): a few locations of each type, pallets holding stock, products with their GTINs and,
 * when a product is lot-tracked, a lot held in stock. Read from the station's mirror.
 */
export type BarcodeSheet = {
  readonly locations: readonly { readonly code: string; readonly type: LocationType }[];
  readonly pallets: readonly { readonly sscc: string; readonly location: string | null }[];
  readonly products: readonly {
    readonly sku: string;
    readonly description: Descriptions;
    /** The unit GTIN, 14 digits as the mirror keeps it. */
    readonly gtin: string;
    /** A case GTIN-14 and how many units its case holds, when the product has one. */
    readonly caseGtin: { readonly gtin: string; readonly packQuantity: number } | null;
    /** A lot of this product held in stock (lot-tracked products only). */
    readonly lot: string | null;
  }[];
};
