import { z } from 'zod';
import { localeSchema } from './people';

/** Station settings an admin changes; validated on every read and write. */
export const stationSettingsSchema = z.object({
  /** A station left alone locks itself; unlocking needs the PIN. 5 s is for training and tests. */
  idleLockSeconds: z.number().int().min(5).max(7200),
  /** Language of the login screen before anyone has logged in. */
  defaultLocale: localeSchema,
  /**
   * A move of more units than this needs an explicit confirmation (issue #10): one mistyped digit
   * must not move a pallet's worth of stock. Set by the site's admin.
   */
  confirmMoveAboveUnits: z.number().int().min(1).max(1_000_000),
  /**
   * Shortest PIN main accepts when one is set (new person, PIN reset, first admin). Four digits are
   * guessed offline in minutes from a copied hash (issue #9); a site may require six. Existing PINs
   * keep working until they are reset.
   */
  minPinLength: z.union([z.literal(4), z.literal(6)]),
});
export type StationSettings = z.infer<typeof stationSettingsSchema>;

export const defaultStationSettings: StationSettings = { idleLockSeconds: 300, defaultLocale: 'fr', confirmMoveAboveUnits: 500, minPinLength: 4 };
