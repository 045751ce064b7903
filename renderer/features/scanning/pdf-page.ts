import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';

/** Resolution a label is rasterised at: 200 dpi keeps 0.25 mm bars two pixels wide. */
const dpi = 200;

let workerReady = false;

/**
 * The first page of a PDF as a canvas. pdf.js runs under the station's CSP: its worker is bundled
 * from our origin (worker-src 'self'), `isEvalSupported: false` keeps it from compiling PostScript
 * functions with `new Function` (script-src has no 'unsafe-eval'), and `disableFontFace` draws
 * glyphs as paths rather than loading fonts.
 */
export async function renderFirstPdfPage(bytes: ArrayBuffer): Promise<HTMLCanvasElement> {
  if (!workerReady) {
    GlobalWorkerOptions.workerPort = new Worker(new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url), { type: 'module', name: 'quai-pdf' });
    workerReady = true;
  }
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false })
    .promise;
  try {
    const page = await pdf.getPage(1);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvas, viewport, background: '#ffffff' }).promise;
    return canvas;
  } finally {
    await pdf.destroy();
  }
}
