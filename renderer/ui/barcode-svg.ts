// The pure half of ui/barcode.ts (no wasm, no DOM), so Node tests can use it.

/** What the station prints: Code 128 (locations, GS1-128 with `gs1`) and EAN-13 (unit GTINs). */
export type PrintedFormat = 'Code128' | 'EAN13';

export type DrawnBarcode = {
  /** An SVG data URL (the CSP allows data: images), scalable: its viewBox is the symbol with its quiet zones. */
  readonly src: string;
  /** Width and height in modules, quiet zones included: the page sizes the picture from them. */
  readonly modules: { readonly width: number; readonly height: number };
};

/** zxing's SVG has a width and height but no viewBox: given one, it scales to any size without blur. */
export function svgPicture(svg: string): DrawnBarcode {
  const size = /<svg\b[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  if (!size) throw new Error('the writer gave an SVG without a size');
  const [width, height] = [Number(size[1]), Number(size[2])];
  const scalable = svg.replace(/<svg\b/, `<svg viewBox="0 0 ${width} ${height}" preserveAspectRatio="none"`);
  return { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(scalable)}`, modules: { width, height } };
}
