import { z } from 'zod';

/** What a keyboard-wedge scanner sends after the code: a key, or nothing (the scan ends on silence). */
export const scannerSuffixes = ['enter', 'tab', 'none'] as const;
export type ScannerSuffix = (typeof scannerSuffixes)[number];

/**
 * How this station's scanners talk to it (docs/design.md §5), set by IT on the scanner set-up page. One
 * document for the station; the camera chosen is kept by the page itself, since it is a device of
 * this workstation and not a site decision.
 */
export const scannerSettingsSchema = z.object({
  /**
   * Longest gap between two keys of one scan. Scanners send a key every 5–50 ms; USB polling adds
   * up to 8 ms (125 Hz), so 60 ms keeps them in and a person's 100–250 ms per key out.
   */
  interKeyMaxMs: z.number().int().min(5).max(300),
  /** A shorter burst is a person's quick keys, not a scan. */
  minLength: z.number().int().min(1).max(64),
  /** Characters the scanner puts before every code (empty: none). Removed from the scan. */
  prefix: z.string().max(8),
  suffix: z.enum(scannerSuffixes),
  /**
   * Text the scanner sends instead of GS (FNC1, 0x1D) when it cannot send Ctrl+] — e.g. "~" or
   * "<GS>"; empty when it sends the real GS. Must not be a character found in the codes read here.
   */
  gsSubstitute: z.string().max(8),
  /** The camera reports the same code once within this window, however many frames show it. */
  dedupeWindowMs: z.number().int().min(0).max(60_000),
});
export type ScannerSettings = z.infer<typeof scannerSettingsSchema>;

export const defaultScannerSettings: ScannerSettings = {
  interKeyMaxMs: 60,
  minLength: 4,
  prefix: '',
  suffix: 'enter',
  gsSubstitute: '',
  dedupeWindowMs: 1500,
};
