import type { TFunction } from 'i18next';
import type { AppErrorShape } from '../../shared/result';
import { formatTime } from './format';

/** The person sees the translated code, with its details (attempts left, retry time) filled in. */
export function errorText(t: TFunction, error: AppErrorShape): string {
  const details = { ...error.details };
  if (typeof details['retryAt'] === 'string') {
    details['retryAt'] = formatTime(details['retryAt']);
  }
  return t(`errors.${error.code}`, details);
}
