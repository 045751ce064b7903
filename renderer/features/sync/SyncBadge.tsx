import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/sync/status';
import { useSync } from './store';

const tone = (status: SyncStatus): 'ok' | 'attention' | 'error' =>
  status.state === 'failing' || status.state === 'update_required' || status.stale
    ? 'error'
    : status.state === 'offline' || status.pending > 0
      ? 'attention'
      : 'ok';

/** Always in the header: is the centre getting our scans? */
export function SyncBadge() {
  const { t } = useTranslation();
  const status = useSync((state) => state.status);
  const load = useSync((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  if (!status || status.mode === 'none') return null;
  const label = status.bootstrap
    ? t('sync.badge.bootstrap', { done: status.bootstrap.done, total: status.bootstrap.total })
    : t(`sync.badge.${status.state}`, { count: status.pending });
  return (
    <span className={`sync-badge sync-${tone(status)}`} role="status" data-sync-state={status.state} data-sync-pending={status.pending}>
      <span className="sync-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
