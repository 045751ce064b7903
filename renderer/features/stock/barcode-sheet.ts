import type { BarcodeSheet } from '../../../shared/stock';
import type { PrintedFormat } from '../../ui/barcode-svg';

/** One label of the sheet: what is encoded, the text printed under it, and what it stands for. */
export type SheetLabel = {
  readonly id: string;
  readonly format: PrintedFormat;
  /** Written with the writer's `gs1` option: a bracketed GS1 element string, FNC1 first. */
  readonly gs1: boolean;
  /** What the barcode encodes, and the human-readable line printed under it (the same text). */
  readonly text: string;
  readonly caption: { readonly key: string; readonly vars?: Readonly<Record<string, string | number>> };
  /** What the station makes of it when scanned: a location, a pallet, a product. */
  readonly kind: 'location' | 'pallet' | 'product';
};

export type SheetGroup = { readonly id: 'locations' | 'pallets' | 'products'; readonly labels: readonly SheetLabel[] };

/**
 * The labels of the site's barcode sheet (issue #10), as the warehouse prints them (docs/domain.md
 * "Things and their barcodes"): a location's code in Code 128, a pallet's SSCC in GS1-128 `(00)`, a
 * unit GTIN-13 as EAN-13, and each product's GS1 forms in GS1-128, `(01)` with its lot `(10)` when
 * it is lot-tracked, and its case GTIN-14.
 */
export function sheetLabels(sheet: Readonly<BarcodeSheet>, describe: (description: BarcodeSheet['products'][number]['description']) => string): SheetGroup[] {
  const locations = sheet.locations.map((location): SheetLabel => ({
    id: `location-${location.code}`,
    format: 'Code128',
    gs1: false,
    text: location.code,
    caption: { key: `stock.locationTypes.${location.type}` },
    kind: 'location',
  }));
  const pallets = sheet.pallets.map((pallet): SheetLabel => ({
    id: `pallet-${pallet.sscc}`,
    format: 'Code128',
    gs1: true,
    text: `(00)${pallet.sscc}`,
    caption: pallet.location ? { key: 'stock.sheet.palletAt', vars: { location: pallet.location } } : { key: 'stock.sheet.pallet' },
    kind: 'pallet',
  }));
  const products = sheet.products.flatMap((product): SheetLabel[] => {
    const name = { sku: product.sku, description: describe(product.description) };
    const unit: SheetLabel = product.gtin.startsWith('0')
      ? {
          id: `ean-${product.gtin}`,
          format: 'EAN13',
          gs1: false,
          text: product.gtin.slice(1),
          caption: { key: 'stock.sheet.unit', vars: name },
          kind: 'product',
        }
      : {
          id: `ean-${product.gtin}`,
          format: 'Code128',
          gs1: true,
          text: `(01)${product.gtin}`,
          caption: { key: 'stock.sheet.unit', vars: name },
          kind: 'product',
        };
    const gs1: SheetLabel = {
      id: `gs1-${product.gtin}`,
      format: 'Code128',
      gs1: true,
      text: `(01)${product.gtin}${product.lot ? `(10)${product.lot}` : ''}`,
      caption: product.lot ? { key: 'stock.sheet.gs1Lot', vars: { ...name, lot: product.lot } } : { key: 'stock.sheet.gs1', vars: name },
      kind: 'product',
    };
    const cases: SheetLabel[] = product.caseGtin
      ? [
          {
            id: `case-${product.caseGtin.gtin}`,
            format: 'Code128',
            gs1: true,
            text: `(01)${product.caseGtin.gtin}`,
            caption: { key: 'stock.sheet.case', vars: { ...name, units: product.caseGtin.packQuantity } },
            kind: 'product',
          },
        ]
      : [];
    return [unit, gs1, ...cases];
  });
  return [
    { id: 'locations', labels: locations },
    { id: 'pallets', labels: pallets },
    { id: 'products', labels: products },
  ];
}
