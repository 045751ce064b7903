import { describe, expect, it } from 'vitest';
import { svgPicture } from '../../ui/barcode-svg';
import { sheetLabels } from './barcode-sheet';

const description = { fr: 'Câble', en: 'Cable', zh: '数据线' };

describe('the barcode sheet’s labels', () => {
  it('writes each code as the warehouse prints it: Code 128, GS1-128 (00) and (01)(10), EAN-13', () => {
    const groups = sheetLabels(
      {
        locations: [{ code: 'P-01-01-0', type: 'pick_face' }],
        pallets: [{ sscc: '376123450000000016', location: 'A-01-01-1' }],
        products: [
          { sku: 'CBL-1', description, gtin: '03761234500007', caseGtin: { gtin: '13761234500004', packQuantity: 20 }, lot: null },
          { sku: 'CBL-2', description, gtin: '13761234500011', caseGtin: null, lot: 'L42' },
        ],
      },
      (text) => text.en,
    );
    expect(groups.map((group) => [group.id, group.labels.map((label) => [label.format, label.gs1, label.text, label.caption.key])])).toEqual([
      ['locations', [['Code128', false, 'P-01-01-0', 'stock.locationTypes.pick_face']]],
      ['pallets', [['Code128', true, '(00)376123450000000016', 'stock.sheet.palletAt']]],
      [
        'products',
        [
          ['EAN13', false, '3761234500007', 'stock.sheet.unit'],
          ['Code128', true, '(01)03761234500007', 'stock.sheet.gs1'],
          ['Code128', true, '(01)13761234500004', 'stock.sheet.case'],
          // A unit GTIN-14 that is no GTIN-13 has no EAN-13: GS1-128 only.
          ['Code128', true, '(01)13761234500011', 'stock.sheet.unit'],
          ['Code128', true, '(01)13761234500011(10)L42', 'stock.sheet.gs1Lot'],
        ],
      ],
    ]);
    expect(groups[2]?.labels[0]?.caption.vars).toEqual({ sku: 'CBL-1', description: 'Cable' });
  });

  it('gives zxing’s SVG a viewBox, so it scales by module', () => {
    const picture = svgPicture('<?xml version="1.0"?>\n<svg width="154" height="50" version="1.1"><rect x="0" y="0" width="2" height="50"/></svg>');
    expect(picture.modules).toEqual({ width: 154, height: 50 });
    expect(decodeURIComponent(picture.src)).toContain('<svg viewBox="0 0 154 50" preserveAspectRatio="none" width="154"');
    expect(() => svgPicture('<svg></svg>')).toThrow();
  });
});
