/**
 * The minimum pass counts of zxing-cpp's black-box runner (test/blackbox/BlackboxTestRunner.cpp at
 * 77dceca0), copied from testdata/zxing-samples/EXPECTED.md for the formats the station reads:
 * `[rotation, minFast, minSlow]`. `format` is what a pass must report.
 */
export type SampleFolder = {
  readonly folder: string;
  readonly format: 'Code128' | 'DataMatrix' | 'EAN13' | 'EAN8' | 'QRCode' | 'UPCA';
  readonly minimums: ReadonlyArray<readonly [0 | 180, number, number]>;
  /** `upca-*` read with formats(UPCA), `*-extension-1` with eanAddOnSymbol(Require), as the runner does. */
  readonly onlyFormat?: boolean;
  readonly requireAddOn?: boolean;
};

export const sampleFolders: readonly SampleFolder[] = [
  {
    folder: 'code128-1',
    format: 'Code128',
    minimums: [
      [0, 6, 6],
      [180, 6, 6],
    ],
  },
  {
    folder: 'code128-2',
    format: 'Code128',
    minimums: [
      [0, 13, 14],
      [180, 13, 14],
    ],
  },
  {
    folder: 'code128-3',
    format: 'Code128',
    minimums: [
      [0, 2, 2],
      [180, 2, 2],
    ],
  },
  {
    folder: 'datamatrix-1',
    format: 'DataMatrix',
    minimums: [
      [0, 30, 30],
      [180, 0, 28],
    ],
  },
  {
    folder: 'datamatrix-2',
    format: 'DataMatrix',
    minimums: [
      [0, 13, 13],
      [180, 0, 13],
    ],
  },
  {
    folder: 'datamatrix-3',
    format: 'DataMatrix',
    minimums: [
      [0, 26, 27],
      [180, 0, 27],
    ],
  },
  {
    folder: 'datamatrix-4',
    format: 'DataMatrix',
    minimums: [
      [0, 21, 21],
      [180, 0, 21],
    ],
  },
  {
    folder: 'ean13-1',
    format: 'EAN13',
    minimums: [
      [0, 10, 14],
      [180, 11, 14],
    ],
  },
  {
    folder: 'ean13-2',
    format: 'EAN13',
    minimums: [
      [0, 1, 6],
      [180, 1, 6],
    ],
  },
  {
    folder: 'ean13-3',
    format: 'EAN13',
    minimums: [
      [0, 8, 8],
      [180, 8, 8],
    ],
  },
  {
    folder: 'ean13-4',
    format: 'EAN13',
    minimums: [
      [0, 8, 12],
      [180, 7, 12],
    ],
  },
  {
    folder: 'ean13-extension-1',
    format: 'EAN13',
    minimums: [
      [0, 4, 5],
      [180, 4, 5],
    ],
    requireAddOn: true,
  },
  {
    folder: 'ean8-1',
    format: 'EAN8',
    minimums: [
      [0, 9, 9],
      [180, 9, 9],
    ],
  },
  {
    folder: 'qrcode-1',
    format: 'QRCode',
    minimums: [
      [0, 8, 8],
      [180, 8, 8],
    ],
  },
  {
    folder: 'qrcode-2',
    format: 'QRCode',
    minimums: [
      [0, 50, 53],
      [180, 50, 53],
    ],
  },
  {
    folder: 'qrcode-3',
    format: 'QRCode',
    minimums: [
      [0, 18, 18],
      [180, 18, 18],
    ],
  },
  {
    folder: 'qrcode-4',
    format: 'QRCode',
    minimums: [
      [0, 15, 15],
      [180, 15, 15],
    ],
  },
  {
    folder: 'qrcode-5',
    format: 'QRCode',
    minimums: [
      [0, 16, 16],
      [180, 16, 16],
    ],
  },
  {
    folder: 'qrcode-6',
    format: 'QRCode',
    minimums: [
      [0, 15, 15],
      [180, 15, 15],
    ],
  },
  {
    folder: 'upca-1',
    format: 'UPCA',
    minimums: [
      [0, 4, 5],
      [180, 4, 5],
    ],
    onlyFormat: true,
  },
  {
    folder: 'upca-2',
    format: 'UPCA',
    minimums: [
      [0, 10, 16],
      [180, 12, 16],
    ],
    onlyFormat: true,
  },
  {
    folder: 'upca-3',
    format: 'UPCA',
    minimums: [
      [0, 3, 6],
      [180, 3, 6],
    ],
    onlyFormat: true,
  },
  {
    folder: 'upca-4',
    format: 'UPCA',
    minimums: [
      [0, 5, 9],
      [180, 6, 9],
    ],
    onlyFormat: true,
  },
  {
    folder: 'upca-5',
    format: 'UPCA',
    minimums: [
      [0, 7, 9],
      [180, 7, 9],
    ],
    onlyFormat: true,
  },
  {
    folder: 'upca-extension-1',
    format: 'UPCA',
    minimums: [
      [0, 4, 5],
      [180, 4, 5],
    ],
    onlyFormat: true,
    requireAddOn: true,
  },
];
