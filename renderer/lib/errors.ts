import type { TFunction } from 'i18next';
import type { AppErrorShape } from '../../shared/result';

/** The person sees the translated code, with its details (attempts left, retry time) filled in. */
export function errorText(t: TFunction, error: AppErrorShape): string {
  const details = { ...error.details };
  if (typeof details['retryAt'] === 'string') {
    details['retryAt'] = new Date(details['retryAt']).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  }
  return t(`errors.${error.code}`, details);
}
