import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { SyncException } from '../../../shared/ipc/sync';
import { errorText } from '../../lib/errors';
import { BigNumber } from '../../ui/BigNumber';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { useFeedback } from '../../ui/feedback';
import { LoadState } from '../../ui/LoadState';
import { ReconcilePanel } from './ReconcilePanel';
import { useSync } from './store';
import { formatDateTime, formatTime } from '../../lib/format';

const time = (iso: string | null): string => (iso ? formatTime(iso, true) : '—');

/** Where the shift lead and IT see whether every scan reached the centre, and what to do if not. */
export function SyncScreen() {
  const { t } = useTranslation();
  const status = useSync((state) => state.status);
  const statusLoad = useSync((state) => state.statusLoad);
  const exceptions = useSync((state) => state.exceptions);
  const exceptionsLoad = useSync((state) => state.exceptionsLoad);
  const load = useSync((state) => state.load);
  const syncNow = useSync((state) => state.syncNow);
  const exportUnsynced = useSync((state) => state.exportUnsynced);
  const loadExceptions = useSync((state) => state.loadExceptions);
  const show = useFeedback((state) => state.show);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void load();
    void loadExceptions();
  }, [load, loadExceptions]);

  if (!status) {
    return (
      <main className="screen">
        <h1>{t('sync.title')}</h1>
        <LoadState load={statusLoad} onRetry={() => void load()}>
          {null}
        </LoadState>
      </main>
    );
  }

  const run = async (): Promise<void> => {
    setBusy(true);
    const result = await syncNow();
    setBusy(false);
    await loadExceptions();
    if (!result.ok) show('error', errorText(t, result.error));
    else if (result.value.state === 'idle') show('ok', t('sync.done'));
    else show('attention', t(`sync.badge.${result.value.state}`, { count: result.value.pending }));
  };

  const exportNow = async (): Promise<void> => {
    const result = await exportUnsynced();
    show(result.ok ? 'ok' : 'error', result.ok ? t('sync.exported', { count: result.value.count, file: result.value.file }) : errorText(t, result.error));
  };

  const columns: readonly Column<SyncException>[] = [
    { key: 'seq', header: '#', cell: (row) => row.seq, align: 'end' },
    { key: 'at', header: t('audit.at'), cell: (row) => formatDateTime(row.at) },
    { key: 'type', header: t('sync.eventType'), cell: (row) => <code>{row.type}</code> },
    { key: 'outcome', header: t('audit.outcome'), cell: (row) => t(`sync.outcomes.${row.outcome}`) },
    { key: 'problem', header: t('audit.detail'), cell: (row) => row.problem?.message ?? '—' },
  ];

  return (
    <main className="screen">
      <h1>{t('sync.title')}</h1>
      <p className={`notice ${status.state === 'idle' ? 'notice-ok' : 'notice-attention'}`} data-sync-state={status.state}>
        {t(`sync.states.${status.state}`)} {status.mode === 'demo' ? t('sync.demoCentre') : ''}
      </p>
      {status.lastError && <p className="notice notice-error">{t(`sync.errors.${status.lastError.kind}`, { defaultValue: status.lastError.message })}</p>}
      {status.bootstrap && (
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={status.bootstrap.total} aria-valuenow={status.bootstrap.done}>
          <div className="progress-bar" style={{ width: `${Math.round((100 * status.bootstrap.done) / Math.max(1, status.bootstrap.total))}%` }} />
          <span>{t('sync.badge.bootstrap', { done: status.bootstrap.done, total: status.bootstrap.total })}</span>
        </div>
      )}
      <div className="figures">
        <BigNumber label={t('sync.pending')} value={status.pending} tone={status.pending === 0 ? 'ok' : 'attention'} />
        <BigNumber label={t('sync.lastPush')} value={time(status.lastPushAt)} />
        <BigNumber label={t('sync.lastPull')} value={time(status.lastPullAt)} />
        <BigNumber label={t('sync.exceptions')} value={status.exceptions} tone={status.exceptions === 0 ? 'ok' : 'attention'} />
      </div>
      {status.nextAttemptAt && status.state === 'failing' && <p className="lead">{t('sync.nextAttempt', { at: time(status.nextAttemptAt) })}</p>}
      <div className="actions">
        <Button onClick={() => void exportNow()}>{t('sync.export')}</Button>
        <Button variant="primary" onClick={() => void run()} disabled={busy}>
          {t('sync.now')}
        </Button>
      </div>
      <h2>{t('sync.exceptionsTitle')}</h2>
      <LoadState load={exceptionsLoad} onRetry={() => void loadExceptions()}>
        <DataTable columns={columns} rows={exceptions} rowKey={(row) => row.seq} empty={t('sync.noExceptions')} label={t('sync.exceptionsTitle')} />
      </LoadState>
      {/* The site's own exceptions (short picks, stock below zero…) are settled on their screen. */}
      <div className="actions">
        <Link href="/exceptions" className="button button-secondary" data-site-exceptions={status.siteExceptions}>
          {t('sync.siteExceptions', { count: status.siteExceptions })}
        </Link>
      </div>
      <ReconcilePanel />
    </main>
  );
}
