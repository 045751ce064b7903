import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteException } from '../../../shared/sync/status';
import { formatDateTime } from '../../lib/format';
import { DataTable, type Column } from '../../ui/DataTable';
import { LoadState } from '../../ui/LoadState';
import { useExceptions } from './store';
import { byText } from './text';

/** What was settled on the site: how, why, by whom and when, and the recount it asked for. */
export function ResolvedExceptions() {
  const { t } = useTranslation();
  const resolved = useExceptions((state) => state.resolved);
  const load = useExceptions((state) => state.resolvedLoad);
  const read = useExceptions((state) => state.read);
  useEffect(() => {
    void read('resolved');
  }, [read]);

  const columns: readonly Column<SiteException>[] = [
    { key: 'at', header: t('exceptions.resolvedAt'), cell: (row) => (row.resolution ? formatDateTime(row.resolution.at) : '—') },
    { key: 'kind', header: t('exceptions.kind'), cell: (row) => t(`exceptions.kinds.${row.kind}`) },
    { key: 'subject', header: t('exceptions.subject'), cell: (row) => <code>{row.subject}</code> },
    { key: 'action', header: t('exceptions.action'), cell: (row) => (row.resolution ? t(`exceptions.settled.${row.resolution.action}`) : '—') },
    { key: 'note', header: t('exceptions.noteShort'), cell: (row) => row.resolution?.note || '—' },
    { key: 'by', header: t('exceptions.resolvedBy'), cell: (row) => (row.resolution ? byText(t, row.resolution.by, row.resolution.station) : '—') },
    {
      key: 'follow-up',
      header: t('exceptions.followUp'),
      cell: (row) => {
        const { taskId = null, runId = null } = row.resolution ?? {};
        if (runId) return t('exceptions.rerunRun', { runId: runId.slice(-8).toUpperCase() });
        return taskId ? t('exceptions.recountTask', { taskId: taskId.slice(-8).toUpperCase() }) : '—';
      },
    },
  ];
  return (
    <section aria-label={t('exceptions.tabs.resolved')} data-exceptions-resolved={load.status === 'ready' ? resolved.length : undefined}>
      <LoadState load={load} onRetry={() => void read('resolved')}>
        <DataTable
          columns={columns}
          rows={resolved}
          rowKey={(row) => row.exceptionId}
          rowData={(row) => ({ 'data-exception': row.exceptionId, 'data-exception-kind': row.kind })}
          empty={t('exceptions.noneResolved')}
          label={t('exceptions.tabs.resolved')}
          fill
        />
      </LoadState>
    </section>
  );
}
