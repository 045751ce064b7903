import type { TFunction } from 'i18next';
import type { AppErrorShape } from '../../shared/result';
import { formatTime } from './format';

/** The person sees the translated code, with its details (attempts left, retry time) filled in. */
export function errorText(t: TFunction, error: AppErrorShape): string {
  const details = { ...error.details };
  if (typeof details['retryAt'] === 'string') {
    details['retryAt'] = formatTime(details['retryAt']);
  }
  // An unknown code still says what it looks like (a GTIN with a bad check digit, a location…).
  if (error.code === 'UNKNOWN_BARCODE' && typeof details['looksLike'] === 'string') {
    return t('errors.UNKNOWN_BARCODE_LOOKS_LIKE', { ...details, kind: t(`scanning.kinds.${details['looksLike']}`) });
  }
  return t(`errors.${error.code}`, details);
}
