import wasmUrl from 'zxing-wasm/writer/zxing_writer.wasm?url';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';
import { svgPicture, type DrawnBarcode, type PrintedFormat } from './barcode-svg';

export type { DrawnBarcode, PrintedFormat } from './barcode-svg';

let prepared = false;

/**
 * Draws a barcode with zxing-wasm's writer, whose .wasm is our own bundled asset, never a CDN
 * (docs/design.md §5): `locateFile` points zxing-wasm at it, as the decoder worker does for the reader.
 * A GS1 element string is written in its bracketed form, `(00)376…`, with `gs1` (FNC1 first).
 */
export async function drawBarcode(text: string, format: PrintedFormat, gs1 = false): Promise<DrawnBarcode> {
  if (!prepared) {
    prepareZXingModule({
      overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
      fireImmediately: false,
    });
    prepared = true;
  }
  const written = await writeBarcode(text, { format, options: gs1 ? 'gs1' : '', addQuietZones: true, addHRT: false });
  if (written.error) throw new Error(`${format} ${text}: ${written.error}`);
  return svgPicture(written.svg);
}
