import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import type { RgbaFrame } from '../../renderer/features/scanning/frame';
import { placeOnFrame, symbolToFrame } from '../../renderer/features/scanning/testing/labels';
import { nodeWriter } from '../../renderer/features/scanning/testing/zxing-node';

/** Labels the specs show to the station: written by zxing-wasm, as a camera video, an image or a PDF. */
const require = createRequire(import.meta.url);

export async function labelPicture(hri: string, format: 'Code128' | 'DataMatrix' | 'QRCode', moduleSize: number): Promise<RgbaFrame> {
  const write = await nodeWriter(new Uint8Array(readFileSync(require.resolve('zxing-wasm/writer/zxing_writer.wasm'))).buffer);
  const written = await write(hri, { format, options: format === 'DataMatrix' ? 'gs1,forceSquare' : 'gs1' });
  if (written.error) throw new Error(written.error);
  return symbolToFrame(written.symbol, { moduleSize, quietModules: 8 });
}

export const pngOf = (frame: Readonly<RgbaFrame>): Promise<Buffer> =>
  sharp(Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength), { raw: { width: frame.width, height: frame.height, channels: 4 } })
    .png()
    .toBuffer();

/**
 * A Y4M video (what Chromium's `--use-file-for-fake-video-capture` plays, in a loop) of the label on
 * a grey bench, 1280×720, 4:2:0 (YUV4MPEG2 as Chromium's FileVideoCaptureDevice reads it).
 */
export function writeY4m(file: string, label: Readonly<RgbaFrame>, frames = 5): void {
  const [width, height] = [1280, 720];
  const picture = placeOnFrame(label, width, height, Math.floor((width - label.width) / 2), Math.floor((height - label.height) / 2));
  const luma = Buffer.alloc(width * height);
  for (let i = 0; i < width * height; i += 1) luma[i] = picture.data[i * 4] ?? 0; // grey: Y = the grey level
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array<Buffer>(frames).fill(frame)]));
}

/** A one-page PDF (A6 label) holding the picture as a grey image, with an exact xref table. */
export function pdfOf(picture: Readonly<RgbaFrame>): Buffer {
  const grey = Buffer.alloc(picture.width * picture.height);
  for (let i = 0; i < grey.length; i += 1) grey[i] = picture.data[i * 4] ?? 255;
  const image = deflateSync(grey);
  const [pageWidth, pageHeight] = [298, 420];
  const drawWidth = pageWidth - 40;
  const drawHeight = Math.round((drawWidth * picture.height) / picture.width);
  const content = Buffer.from(`q ${drawWidth} 0 0 ${drawHeight} 20 ${pageHeight - 40 - drawHeight} cm /Im0 Do Q`);
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`),
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${picture.width} /Height ${picture.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`,
      ),
      image,
      Buffer.from('\nendstream'),
    ]),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `)].join(
    '\n',
  );
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}
