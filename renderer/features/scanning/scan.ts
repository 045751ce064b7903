import { classifyScan, type ClassifiedScan } from '../../../shared/barcode';

/** Where a scan came from: a keyboard-wedge scanner, the camera, a dropped file, or typed by hand. */
export type ScanSource = 'wedge' | 'camera' | 'image' | 'manual';

export type RawScan = {
  /** As read, with GS (0x1D) for FNC1 and no symbology identifier. */
  readonly text: string;
  /** AIM symbology identifier (`]C1`, `]E0`, `]d2`, `]Q3` …) when the source knows it (docs/design.md §5). */
  readonly symbologyId?: string;
  readonly source: ScanSource;
};

/** What every screen receives: the raw read and what it is for the warehouse. */
export type Scan = RawScan & { readonly classified: ClassifiedScan; readonly at: number };

/** The one classification step every source goes through (shared/barcode does the reading). */
export function classifyRawScan(raw: Readonly<RawScan>, at: number): Scan {
  const classified = classifyScan(`${raw.symbologyId ?? ''}${raw.text}`);
  return { ...raw, classified, at };
}
