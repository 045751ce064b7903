import type { Region, RgbaFrame } from './frame';
import type { Scan } from './scan';

/** Messages between the page and the decoder worker (decoder.worker.ts). */
export type DecoderRequest =
  | { readonly kind: 'configure'; readonly region: Region; readonly dedupeWindowMs: number }
  | { readonly kind: 'frame'; readonly id: number; readonly frame: RgbaFrame; readonly now: number }
  | { readonly kind: 'image'; readonly id: number; readonly frame: RgbaFrame; readonly now: number };

export type DecoderReply =
  | { readonly id: number; readonly ok: true; readonly scans: readonly Scan[]; readonly found: number }
  | { readonly id: number; readonly ok: false; readonly message: string };
