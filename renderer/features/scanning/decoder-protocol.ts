import type { Region, RgbaFrame } from './frame';
import type { Scan } from './scan';

/** Messages between the page and the decoder worker (decoder.worker.ts). */
export type DecoderRequest =
  /** `start`: the camera was just switched on, nothing is in view yet; otherwise new settings, keeping what is in view. */
  | { readonly kind: 'configure'; readonly region: Region; readonly dedupeWindowMs: number; readonly start: boolean }
  | { readonly kind: 'frame'; readonly id: number; readonly frame: RgbaFrame; readonly now: number }
  | { readonly kind: 'image'; readonly id: number; readonly frame: RgbaFrame; readonly now: number };

export type DecoderReply =
  | { readonly id: number; readonly ok: true; readonly scans: readonly Scan[]; readonly found: number }
  | { readonly id: number; readonly ok: false; readonly message: string };
