import { useTranslation } from 'react-i18next';
import { useSync } from './store';
import { formatTime } from '../../lib/format';

/** Thirty minutes without reaching the centre: say so to everyone, in words, until it is fixed. */
export function StaleBanner() {
  const { t } = useTranslation();
  const status = useSync((state) => state.status);
  if (!status?.stale) return null;
  const since = status.failingSince ? formatTime(status.failingSince) : '';
  return (
    <div className="stale-banner" role="alert">
      {t('sync.stale', { since, count: status.pending })}
    </div>
  );
}
