import { describe, expect, it } from 'vitest';
import { barcodeErrorCodes } from '../../../shared/barcode';
import { scannerSuffixes } from '../../../shared/scanner';
import { readCatalogs } from '../../i18n/files';

const all = readCatalogs();
const lookup = (catalog: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);

/** Keys the scanning screens build at run time, which the literal-key check cannot see. */
const built = [
  ...barcodeErrorCodes.map((code) => `scanning.barcodeErrors.${code}`),
  ...['sscc', 'gtin', 'location', 'tote', 'order', 'pick-run', 'badge', 'parcel', 'unknown'].map((kind) => `scanning.kinds.${kind}`),
  ...['wedge', 'camera', 'image', 'manual'].map((source) => `scanning.sources.${source}`),
  ...['empty', 'gtinCheckDigit', 'ssccCheckDigit', 'gs1CheckDigit'].map((reason) => `scanning.manual.${reason}`),
  ...scannerSuffixes.map((suffix) => `scanning.suffixes.${suffix}`),
  ...['ctrl-bracket', 'gs-character', 'substitute', 'missing'].map((gs) => `scanning.gs.${gs}`),
  ...['ok', 'azerty', 'mismatch'].map((layout) => `scanning.layout.${layout}`),
  'shell.areas.scanner',
];

describe('scanning translations', () => {
  it.each(['fr', 'en', 'zh-CN'] as const)('cover every key the screens build, in %s', (locale) => {
    expect(built.filter((key) => typeof lookup(all[locale], key) !== 'string')).toEqual([]);
  });
});
