import type { TFunction } from 'i18next';

/** A carrier's name in the language on screen (its code when the catalogue does not know it). */
export const carrierName = (t: TFunction, carrier: string): string => t(`orders.carriers.${carrier}`, { defaultValue: carrier });
