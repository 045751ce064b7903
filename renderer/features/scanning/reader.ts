import type { ReadInputBarcodeFormat, ReaderOptions, ReadResult } from 'zxing-wasm/reader';
import { createPresence } from './presence';
import { cropToRegion, wholeFrame, type Region, type RgbaFrame } from './frame';
import { classifyRawScan, type Scan, type ScanSource } from './scan';

/**
 * zxing-wasm's `readBarcodes`, handed in: the page's worker prepares it with our bundled .wasm,
 * Node tests and benches with the file's bytes. This module stays free of DOM and Node.
 */
export type ReadBarcodes = (image: RgbaFrame | Uint8Array, options: ReaderOptions) => Promise<ReadResult[]>;

/** What the warehouse's labels carry (docs/domain.md "Things and their barcodes"). */
export const stationFormats: ReadInputBarcodeFormat[] = ['EAN13', 'EAN8', 'UPCA', 'Code128', 'DataMatrix', 'QRCode'];

/** `Plain` keeps FNC1 as GS (0x1D), which shared/barcode reads; `HRI` would add brackets. */
const common = { formats: stationFormats, textMode: 'Plain', tryDownscale: false } as const satisfies ReaderOptions;

/**
 * The two passes of zxing-cpp's own black-box runner (test/blackbox/BlackboxTestRunner.cpp), whose
 * pass counts testdata/zxing-samples/EXPECTED.md lists: fast first, slow only when fast finds nothing.
 */
export const readModes = {
  fast: { ...common, tryHarder: false, tryRotate: false, tryInvert: false, maxNumberOfSymbols: 1 },
  slow: { ...common, tryHarder: true, tryRotate: true, tryInvert: true, maxNumberOfSymbols: 1 },
} as const satisfies Record<string, ReaderOptions>;

/**
 * A camera frame: a label may be held at any angle, so rotations are tried; downscaling keeps a
 * 1280×720 frame fast; a few symbols, because a logistic label carries two or three barcodes.
 */
export const cameraReadOptions = {
  ...common,
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  tryDownscale: true,
  maxNumberOfSymbols: 4,
} as const satisfies ReaderOptions;

const toScan = (result: Readonly<ReadResult>, source: ScanSource, at: number): Scan =>
  classifyRawScan({ text: result.text, ...(result.symbologyIdentifier ? { symbologyId: result.symbologyIdentifier } : {}), source }, at);

export type FrameRead = {
  /** Codes that just came into view, classified (a label held in view is reported once). */
  readonly scans: readonly Scan[];
  /** Every valid code in the frame, reported or not (for the region overlay and the bench). */
  readonly found: number;
};

/**
 * The camera's core, frame → region → decode → presence → classify, as one function of its inputs.
 * The page runs it in a Web Worker (camera.worker.ts); the bench runs it in a worker_thread.
 */
export function createFrameReader(deps: {
  readonly read: ReadBarcodes;
  readonly dedupeWindowMs: number;
  /** The bench's worst case: every code of every frame goes through classify. */
  readonly reportEveryFrame?: boolean;
  readonly region?: Region;
  readonly options?: ReaderOptions;
}) {
  let region = deps.region ?? wholeFrame;
  let presence = createPresence({ windowMs: deps.dedupeWindowMs });
  const options = deps.options ?? cameraReadOptions;

  const readFrame = async (frame: Readonly<RgbaFrame>, now: number): Promise<FrameRead> => {
    const results = (await deps.read(cropToRegion(frame, region), options)).filter((result) => result.isValid);
    const keyOf = (result: Readonly<ReadResult>): string => `${result.symbologyIdentifier}${result.text}`;
    const arrived = new Set(presence.frame(results.map(keyOf), now));
    const fresh = deps.reportEveryFrame ? results : results.filter((result) => arrived.delete(keyOf(result)));
    return { scans: fresh.map((result) => toScan(result, 'camera', now)), found: results.length };
  };

  return {
    readFrame,
    setRegion: (next: Region) => (region = next),
    setDedupeWindow: (windowMs: number) => presence.setWindow(windowMs),
    /** A camera switched on again starts with nothing in view. */
    cameraStarted: () => (presence = createPresence({ windowMs: deps.dedupeWindowMs })),
  };
}

export type FrameReader = ReturnType<typeof createFrameReader>;

export type ImageReadOptions = {
  readonly formats?: ReadInputBarcodeFormat[];
  /** zxing-cpp's EAN-2/5 add-on handling; the runner requires it for the `*-extension-1` folders. */
  readonly eanAddOnSymbol?: ReaderOptions['eanAddOnSymbol'];
};

/** One pass over a still image, as the black-box runner reads it. */
export async function readImageOnce(
  read: ReadBarcodes,
  image: Readonly<RgbaFrame> | Uint8Array,
  mode: keyof typeof readModes,
  extra: Readonly<ImageReadOptions> = {},
): Promise<ReadResult[]> {
  const results = await read(image, { ...readModes[mode], ...extra });
  return results.filter((result) => result.isValid);
}

/**
 * A supplier's label photo or a PDF page: fast first, then the slow pass (rotations, inverted
 * print, harder search) only if fast found nothing. Every code on it is reported.
 */
export async function readLabelImage(
  read: ReadBarcodes,
  image: Readonly<RgbaFrame> | Uint8Array,
  at: number,
  extra: Readonly<ImageReadOptions> = {},
): Promise<Scan[]> {
  const everything = { maxNumberOfSymbols: 8 } as const;
  let results = await read(image, { ...readModes.fast, ...everything, ...extra });
  if (!results.some((result) => result.isValid)) results = await read(image, { ...readModes.slow, ...everything, ...extra });
  return results.filter((result) => result.isValid).map((result) => toScan(result, 'image', at));
}
