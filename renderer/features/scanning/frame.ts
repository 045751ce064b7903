/** An RGBA image as canvases, `ImageData` and sharp give it: 4 bytes a pixel, rows top to bottom. */
export type RgbaFrame = { readonly data: Uint8ClampedArray; readonly width: number; readonly height: number };

/**
 * The part of the camera picture that is read, as fractions of the frame. Reading a band rather
 * than the whole 1280×720 frame is faster and ignores the other labels on a pallet side.
 */
export type Region = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };

export const wholeFrame: Region = { x: 0, y: 0, width: 1, height: 1 };
/** A wide band across the middle: where a person holds a label to a webcam. */
export const defaultRegion: Region = { x: 0.1, y: 0.2, width: 0.8, height: 0.6 };

const clamp = (value: number): number => Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));

/** Pixel rectangle of a region, clamped to the frame and at least one pixel. */
export function regionPixels(frame: Readonly<Pick<RgbaFrame, 'width' | 'height'>>, region: Readonly<Region>) {
  const x = clamp(region.x);
  const y = clamp(region.y);
  // Rounded, not floored: 0.2 + 0.4 is 0.6000000000000001 in floating point.
  const left = Math.min(Math.round(x * frame.width), frame.width - 1);
  const top = Math.min(Math.round(y * frame.height), frame.height - 1);
  const right = Math.max(left + 1, Math.round(clamp(x + (Number.isFinite(region.width) ? region.width : 1)) * frame.width));
  const bottom = Math.max(top + 1, Math.round(clamp(y + (Number.isFinite(region.height) ? region.height : 1)) * frame.height));
  return { left, top, width: right - left, height: bottom - top };
}

/** Copies the region out of the frame (the whole frame is returned as is). */
export function cropToRegion(frame: Readonly<RgbaFrame>, region: Readonly<Region>): RgbaFrame {
  const box = regionPixels(frame, region);
  if (box.left === 0 && box.top === 0 && box.width === frame.width && box.height === frame.height) return frame;
  const data = new Uint8ClampedArray(box.width * box.height * 4);
  for (let row = 0; row < box.height; row += 1) {
    const start = ((box.top + row) * frame.width + box.left) * 4;
    data.set(frame.data.subarray(start, start + box.width * 4), row * box.width * 4);
  }
  return { data, width: box.width, height: box.height };
}
