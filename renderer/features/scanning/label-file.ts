import type { RgbaFrame } from './frame';

/** A phone photo can be 4000×3000; larger than this is scaled down before reading (it only slows zxing). */
const maxSide = 3000;

const isPdf = (file: File): boolean => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
export const isLabelFile = (file: File): boolean => isPdf(file) || file.type.startsWith('image/') || /\.(png|jpe?g|webp|gif|bmp)$/i.test(file.name);

function pixelsOf(source: CanvasImageSource, width: number, height: number): RgbaFrame {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const canvas = new OffscreenCanvas(Math.round(width * scale), Math.round(height * scale));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  return { data: image.data, width: image.width, height: image.height };
}

/**
 * A supplier's label, as pixels: images through the browser's own decoders (PNG, JPEG, WebP …),
 * a PDF's first page through pdf.js (pdf-page.ts, loaded only when a PDF comes).
 */
export async function labelFilePixels(file: File): Promise<RgbaFrame> {
  if (isPdf(file)) {
    const { renderFirstPdfPage } = await import('./pdf-page');
    const canvas = await renderFirstPdfPage(await file.arrayBuffer());
    return pixelsOf(canvas, canvas.width, canvas.height);
  }
  const bitmap = await createImageBitmap(file);
  try {
    return pixelsOf(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}
