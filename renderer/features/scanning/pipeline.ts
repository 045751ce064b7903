import { classifyRawScan, type RawScan, type Scan } from './scan';

export type ScanHandler = (scan: Scan) => void;

/**
 * One pipeline every source feeds (wedge, camera, dropped image, manual entry): raw text →
 * classifyScan → subscribers. It knows no DOM; `scans.ts` wires the station's sources to it.
 */
export function createScanPipeline(options: { readonly now: () => number; readonly onActive?: (active: boolean) => void }) {
  const handlers = new Set<ScanHandler>();

  const subscribe = (handler: ScanHandler): (() => void) => {
    handlers.add(handler);
    if (handlers.size === 1) options.onActive?.(true);
    return () => {
      if (handlers.delete(handler) && handlers.size === 0) options.onActive?.(false);
    };
  };

  /** Classifies and hands the scan to every subscriber; returns it (tests, the set-up page). */
  const publish = (raw: Readonly<RawScan>): Scan => deliver(classifyRawScan(raw, options.now()));

  /** For a scan already classified where it was read (the camera worker). */
  const deliver = (scan: Scan): Scan => {
    for (const handler of [...handlers]) handler(scan);
    return scan;
  };

  return { subscribe, publish, deliver, listening: () => handlers.size > 0 };
}

export type ScanPipeline = ReturnType<typeof createScanPipeline>;
