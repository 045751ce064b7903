import type { TFunction } from 'i18next';
import type { AppErrorShape } from '../../shared/result';
import { formatTime } from './format';

/** Which detail a code's sentence agrees with, for i18next's plural forms (`_one`/`_other`). */
const pluralBy: Partial<Record<AppErrorShape['code'], string>> = { WRONG_PIN: 'attemptsLeft', ORDER_WITHDRAWN: 'units', PACK_INCOMPLETE: 'missing' };

/** Details that are carrier codes (`chronopost`), said by the carrier's name. */
const carrierDetails: Partial<Record<AppErrorShape['code'], readonly string[]>> = {
  TRACKING_WRONG_CARRIER: ['found', 'carrier'],
  PARCEL_WRONG_CARRIER: ['carrier', 'trailerCarrier'],
};

/** The person sees the translated code, with its details (attempts left, retry time) filled in. */
export function errorText(t: TFunction, error: AppErrorShape): string {
  const details = { ...error.details };
  if (typeof details['retryAt'] === 'string') {
    details['retryAt'] = formatTime(details['retryAt']);
  }
  // A list (the orders a trailer is missing) reads as one: "MP-1, MP-2".
  for (const [key, value] of Object.entries(details)) if (Array.isArray(value)) details[key] = value.map(String).join(', ');
  for (const key of carrierDetails[error.code] ?? []) {
    const code = details[key];
    if (typeof code === 'string') details[key] = t(`orders.carriers.${code}`, { defaultValue: code });
  }
  if (error.code === 'PARCEL_NOT_SEALED' && typeof details['state'] === 'string') {
    details['state'] = t(`packing.parcelStates.${details['state']}`, { defaultValue: details['state'] });
  }
  // Plural forms (issue #10: no "essai(s)") follow the number the sentence is about.
  const countOf = pluralBy[error.code];
  if (countOf && typeof details[countOf] === 'number') details['count'] = details[countOf];
  // An unknown code still says what it looks like (a GTIN with a bad check digit, a location…).
  if (error.code === 'UNKNOWN_BARCODE' && typeof details['looksLike'] === 'string') {
    return t('errors.UNKNOWN_BARCODE_LOOKS_LIKE', { ...details, kind: t(`scanning.kinds.${details['looksLike']}`) });
  }
  return t(`errors.${error.code}`, details);
}
