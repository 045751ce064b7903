import { describe, expect, it } from 'vitest';
import { cropToRegion, regionPixels, wholeFrame, type RgbaFrame } from './frame';

/** Each pixel's red byte is its x, green its y: a crop can be checked pixel by pixel. */
function gradient(width: number, height: number): RgbaFrame {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data.set([x, y, 0, 255], (y * width + x) * 4);
  return { data, width, height };
}

describe('region of interest', () => {
  it('crops the band asked for, row by row', () => {
    const crop = cropToRegion(gradient(100, 50), { x: 0.1, y: 0.2, width: 0.5, height: 0.4 });
    expect([crop.width, crop.height]).toEqual([50, 20]);
    expect([...crop.data.subarray(0, 4)]).toEqual([10, 10, 0, 255]);
    const lastPixel = (crop.width * crop.height - 1) * 4;
    expect([...crop.data.subarray(lastPixel, lastPixel + 4)]).toEqual([59, 29, 0, 255]);
  });

  it('returns the frame itself for the whole frame', () => {
    const frame = gradient(8, 8);
    expect(cropToRegion(frame, wholeFrame)).toBe(frame);
  });

  it('clamps a region that leaves the frame, and keeps at least one pixel', () => {
    expect(regionPixels({ width: 100, height: 50 }, { x: -0.5, y: 0.9, width: 2, height: 0.5 })).toEqual({ left: 0, top: 45, width: 100, height: 5 });
    expect(regionPixels({ width: 100, height: 50 }, { x: 1, y: 1, width: 0, height: 0 })).toEqual({ left: 99, top: 49, width: 1, height: 1 });
    expect(regionPixels({ width: 100, height: 50 }, { x: Number.NaN, y: 0, width: 1, height: 1 })).toEqual({ left: 0, top: 0, width: 100, height: 50 });
  });
});
