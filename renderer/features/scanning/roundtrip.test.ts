import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseGs1 } from '../../../shared/barcode';
import { createFrameReader, readLabelImage, type ReadBarcodes } from './reader';
import { blurFrame, fadeFrame, placeOnFrame, rotateFrame, symbolToFrame } from './testing/labels';
import { nodeReader, nodeWriter } from './testing/zxing-node';

const require = createRequire(import.meta.url);
const wasm = (name: string): ArrayBuffer => new Uint8Array(readFileSync(require.resolve(`zxing-wasm/${name}`))).buffer;

let read: ReadBarcodes;
let write: Awaited<ReturnType<typeof nodeWriter>>;
beforeAll(async () => {
  read = await nodeReader(wasm('reader/zxing_reader.wasm'));
  write = await nodeWriter(wasm('writer/zxing_writer.wasm'));
});

/** Labels as the warehouse prints and receives them (docs/domain.md "Things and their barcodes"). */
const labels = [
  { name: 'GS1-128 pallet label', format: 'Code128', hri: '(00)376123450000000016(02)03761234500007(37)24(10)LOT42', symbology: ']C1' },
  { name: 'GS1-128 with expiry and count', format: 'Code128', hri: '(01)03761234500007(17)271231(10)A7-B(30)12', symbology: ']C1' },
  { name: 'GS1 DataMatrix item', format: 'DataMatrix', hri: '(01)03761234500007(17)261130(10)LOT-9(21)SN0001', symbology: ']d2' },
  { name: 'GS1 QR code', format: 'QRCode', hri: '(01)03761234500007(10)ABC123(21)XYZ', symbology: ']Q3' },
  { name: 'EAN-13 item', format: 'EAN13', hri: '376123450000', symbology: ']E0' },
] as const;

const elementsOf = (text: string) => {
  const parsed = parseGs1(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.code} ${parsed.error.message}`);
  return parsed.elements;
};

async function labelFrame(format: string, hri: string) {
  const gs1 = format !== 'EAN13';
  const written = await write(hri, { format: format as 'QRCode', options: gs1 ? (format === 'DataMatrix' ? 'gs1,forceSquare' : 'gs1') : '' });
  expect(written.error).toBe('');
  // 3 px a module for bars (a 370-module GS1-128 still fits a 1280 px frame), 6 for 2D symbols.
  return symbolToFrame(written.symbol, { moduleSize: format === 'Code128' || format === 'EAN13' ? 3 : 6, quietModules: 10 });
}

describe('labels written by zxing-wasm read back to the same GS1 elements', () => {
  it.each(labels)('$name', async ({ format, hri, symbology }) => {
    const frame = await labelFrame(format, hri);
    const [scan] = await readLabelImage(read, frame, 0);
    expect(scan?.symbologyId).toBe(symbology);
    const expected = format === 'EAN13' ? [{ ai: '01', value: '03761234500007' }] : elementsOf(hri);
    expect(elementsOf(`${scan?.symbologyId}${scan?.text}`)).toEqual(expected);
    expect(scan?.classified.kind).toBe(hri.startsWith('(00)') ? 'sscc' : 'gtin');
  });

  it.each(labels)('$name, through the camera core on a 1280×720 frame, tilted and out of focus', async ({ format, hri }) => {
    const label = blurFrame(rotateFrame(await labelFrame(format, hri), 5), 1);
    const camera = createFrameReader({ read, dedupeWindowMs: 1500 });
    const frame = placeOnFrame(label, 1280, 720, Math.floor((1280 - label.width) / 2), Math.floor((720 - label.height) / 2));
    const first = await camera.readFrame(frame, 0);
    expect(first.scans).toHaveLength(1);
    expect(elementsOf(`${first.scans[0]?.symbologyId}${first.scans[0]?.text}`)).toEqual(
      format === 'EAN13' ? [{ ai: '01', value: '03761234500007' }] : elementsOf(hri),
    );
    expect(first.scans[0]?.source).toBe('camera');
    // The next frame shows the same label: found, not reported again.
    const second = await camera.readFrame(frame, 100);
    expect([second.found, second.scans.length]).toEqual([1, 0]);
    // Settings applied again keep it in view; a camera switched off and on again reads it anew.
    camera.setDedupeWindow(1500);
    expect((await camera.readFrame(frame, 200)).scans).toHaveLength(0);
    camera.cameraStarted();
    expect((await camera.readFrame(frame, 300)).scans).toHaveLength(1);
  });

  it('reads only inside the region of interest', async () => {
    const label = await labelFrame('Code128', labels[0].hri);
    const frame = placeOnFrame(label, 1280, 720, 1280 - label.width - 10, 720 - label.height - 10);
    const topBand = createFrameReader({ read, dedupeWindowMs: 0, region: { x: 0, y: 0, width: 1, height: 0.5 } });
    expect((await topBand.readFrame(frame, 0)).found).toBe(0);
    topBand.setRegion({ x: 0, y: 0.5, width: 1, height: 0.5 });
    expect((await topBand.readFrame(frame, 1)).scans.map((scan) => scan.classified.kind)).toEqual(['sscc']);
  });

  it('reads a faded thermal label', async () => {
    const frame = fadeFrame(await labelFrame('DataMatrix', labels[2].hri), 90, 200);
    const [scan] = await readLabelImage(read, frame, 0);
    expect(scan?.classified).toMatchObject({ kind: 'gtin', gtin: '03761234500007', lot: 'LOT-9', serial: 'SN0001' });
  });
});
