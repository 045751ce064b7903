import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatNumber, formatTime } from '../../lib/format';
import { LoadState } from '../../ui/LoadState';
import { ExceptionCard } from '../exceptions/ExceptionCard';
import { useExceptions } from '../exceptions/store';
import { useSync } from '../sync/store';

/** The newest few in full, with their actions; the rest are on the exceptions screen. */
const exceptionsShown = 3;

/**
 * The site's open exceptions with the actions that settle them: the exceptions feature's own cards
 * and store (which reads again when one is raised, settled or pulled), the newest first.
 */
export function OpenExceptionsPanel() {
  const { t } = useTranslation();
  const titleId = useId();
  const open = useExceptions((state) => state.open);
  const load = useExceptions((state) => state.openLoad);
  const read = useExceptions((state) => state.read);
  useEffect(() => {
    void read('open');
  }, [read]);
  const hidden = open.length - exceptionsShown;
  return (
    <section
      className="dashboard-panel dashboard-exceptions"
      aria-labelledby={titleId}
      data-dashboard-exceptions={load.status === 'ready' ? open.length : undefined}
    >
      <h2 id={titleId}>{t('dashboard.exceptions.title', { count: open.length })}</h2>
      <LoadState load={load} onRetry={() => void read('open')} isEmpty={open.length === 0} empty={t('exceptions.none')}>
        {open.slice(0, exceptionsShown).map((exception) => (
          <ExceptionCard key={exception.exceptionId} exception={exception} />
        ))}
        {hidden > 0 && <p className="lead">{t('dashboard.exceptions.more', { count: hidden })}</p>}
      </LoadState>
      <Link href="/exceptions/open" className="button button-secondary">
        {t('dashboard.exceptions.open')}
      </Link>
    </section>
  );
}

const time = (iso: string | null): string => (iso ? formatTime(iso, true) : '—');

/** Is the centre getting the floor's work: the sync status the header's badge follows, in full. */
export function SyncPanel() {
  const { t } = useTranslation();
  const titleId = useId();
  const status = useSync((state) => state.status);
  const load = useSync((state) => state.statusLoad);
  const reload = useSync((state) => state.load);
  const tone =
    !status || status.mode === 'none'
      ? ''
      : status.state === 'idle'
        ? 'notice-ok'
        : status.state === 'failing' || status.stale
          ? 'notice-error'
          : 'notice-attention';
  return (
    <section className="dashboard-panel dashboard-sync" aria-labelledby={titleId} data-sync-state={status?.state}>
      <h2 id={titleId}>{t('sync.title')}</h2>
      <LoadState load={status ? { status: 'ready', error: null } : load} onRetry={() => void reload()}>
        {status && (
          <>
            <p className={`notice ${tone}`}>{status.mode === 'none' ? t('dashboard.sync.notConnected') : t(`sync.states.${status.state}`)}</p>
            <dl className="dashboard-sync-facts">
              <dt>{t('sync.lastPush')}</dt>
              <dd data-sync-last-push>{time(status.lastPushAt)}</dd>
              <dt>{t('sync.lastPull')}</dt>
              <dd data-sync-last-pull>{time(status.lastPullAt)}</dd>
              <dt>{t('sync.pending')}</dt>
              <dd data-sync-pending={status.pending} className={status.pending > 0 ? 'dashboard-waiting' : undefined}>
                {formatNumber(status.pending)}
              </dd>
            </dl>
          </>
        )}
      </LoadState>
      <Link href="/sync" className="button button-secondary">
        {t('dashboard.sync.open')}
      </Link>
    </section>
  );
}
