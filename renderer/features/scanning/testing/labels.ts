import type { RgbaFrame } from '../frame';

/**
 * Synthetic label pictures for tests, benches and the e2e fake camera: zxing-wasm's writer gives a
 * symbol (one byte a module, 0 = bar); these turn it into a printed label under a webcam — scaled,
 * with its quiet zone, rotated, blurred, faded. Pure, so Node and the page can use them alike.
 */
export type Symbol1 = { readonly data: Uint8ClampedArray; readonly width: number; readonly height: number };

export function symbolToFrame(symbol: Readonly<Symbol1>, options: { readonly moduleSize: number; readonly quietModules: number }): RgbaFrame {
  const { moduleSize, quietModules } = options;
  const width = (symbol.width + 2 * quietModules) * moduleSize;
  const height = (symbol.height + 2 * quietModules) * moduleSize;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < height; y += 1) {
    const sy = Math.floor(y / moduleSize) - quietModules;
    for (let x = 0; x < width; x += 1) {
      const sx = Math.floor(x / moduleSize) - quietModules;
      if (sx < 0 || sy < 0 || sx >= symbol.width || sy >= symbol.height) continue;
      const value = symbol.data[sy * symbol.width + sx] ?? 255;
      const at = (y * width + x) * 4;
      data[at] = data[at + 1] = data[at + 2] = value;
    }
  }
  return { data, width, height };
}

/** Rotated about its centre by any angle (degrees, clockwise), on white, bilinear. */
export function rotateFrame(frame: Readonly<RgbaFrame>, degrees: number): RgbaFrame {
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const width = Math.ceil(Math.abs(frame.width * cos) + Math.abs(frame.height * sin));
  const height = Math.ceil(Math.abs(frame.width * sin) + Math.abs(frame.height * cos));
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const [cx, cy, ox, oy] = [frame.width / 2, frame.height / 2, width / 2, height / 2];
  const grey = (x: number, y: number): number =>
    x < 0 || y < 0 || x >= frame.width || y >= frame.height ? 255 : (frame.data[(y * frame.width + x) * 4] ?? 255);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const dx = x - ox;
      const dy = y - oy;
      const sx = cos * dx + sin * dy + cx;
      const sy = -sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const value = grey(x0, y0) * (1 - fx) * (1 - fy) + grey(x0 + 1, y0) * fx * (1 - fy) + grey(x0, y0 + 1) * (1 - fx) * fy + grey(x0 + 1, y0 + 1) * fx * fy;
      const at = (y * width + x) * 4;
      data[at] = data[at + 1] = data[at + 2] = value;
    }
  }
  return { data, width, height };
}

/** A box blur of the given radius: an out-of-focus webcam. */
export function blurFrame(frame: Readonly<RgbaFrame>, radius: number): RgbaFrame {
  if (radius <= 0) return frame;
  const { width, height } = frame;
  const pass = (source: Uint8ClampedArray, horizontal: boolean): Uint8ClampedArray => {
    const out = new Uint8ClampedArray(source.length).fill(255);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        let sum = 0;
        let count = 0;
        for (let k = -radius; k <= radius; k += 1) {
          const sx = horizontal ? x + k : x;
          const sy = horizontal ? y : y + k;
          if (sx < 0 || sy < 0 || sx >= width || sy >= height) continue;
          sum += source[(sy * width + sx) * 4] ?? 255;
          count += 1;
        }
        const at = (y * width + x) * 4;
        out[at] = out[at + 1] = out[at + 2] = sum / count;
      }
    }
    return out;
  };
  return { data: pass(pass(frame.data, true), false), width, height };
}

/** Bars printed grey on grey paper (a worn thermal label): 0 → ink, 255 → paper. */
export function fadeFrame(frame: Readonly<RgbaFrame>, ink: number, paper: number): RgbaFrame {
  const data = new Uint8ClampedArray(frame.data.length);
  for (let at = 0; at < data.length; at += 4) {
    const value = ink + ((frame.data[at] ?? 255) / 255) * (paper - ink);
    data[at] = data[at + 1] = data[at + 2] = value;
    data[at + 3] = 255;
  }
  return { data, width: frame.width, height: frame.height };
}

/** The label laid on a camera frame (e.g. 1280×720) of a mid-grey bench, at (left, top). */
export function placeOnFrame(label: Readonly<RgbaFrame>, width: number, height: number, left: number, top: number, background = 128): RgbaFrame {
  const data = new Uint8ClampedArray(width * height * 4).fill(background);
  for (let at = 3; at < data.length; at += 4) data[at] = 255;
  for (let y = 0; y < label.height; y += 1) {
    const ty = top + y;
    if (ty < 0 || ty >= height) continue;
    for (let x = 0; x < label.width; x += 1) {
      const tx = left + x;
      if (tx < 0 || tx >= width) continue;
      data.set(label.data.subarray((y * label.width + x) * 4, (y * label.width + x) * 4 + 4), (ty * width + tx) * 4);
    }
  }
  return { data, width, height };
}
