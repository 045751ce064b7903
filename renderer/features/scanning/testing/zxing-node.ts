import type { ReaderOptions } from 'zxing-wasm/reader';
import type { ReadBarcodes } from '../reader';

/**
 * zxing-wasm outside the page: Node tests and benches hand it the .wasm bytes from node_modules
 * (README "Integrating in Non-Web Runtimes", `wasmBinary`), since there is no server to fetch from.
 * The bytes are read by the caller, so this file stays free of Node imports.
 */
export async function nodeReader(wasm: ArrayBuffer): Promise<ReadBarcodes> {
  const zxing = await import('zxing-wasm/reader');
  zxing.prepareZXingModule({ overrides: { wasmBinary: wasm }, fireImmediately: false });
  return (image, options: ReaderOptions) => zxing.readBarcodes(image as Parameters<typeof zxing.readBarcodes>[0], options);
}

export async function nodeWriter(wasm: ArrayBuffer) {
  const zxing = await import('zxing-wasm/writer');
  zxing.prepareZXingModule({ overrides: { wasmBinary: wasm }, fireImmediately: false });
  return zxing.writeBarcode;
}
