import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../shared/ipc/audit';
import { DataTable, type Column } from '../../ui/DataTable';
import { LoadState } from '../../ui/LoadState';
import { auditPageSize, useAdmin } from './store';
import { formatDateTime } from '../../lib/format';
import { auditSentence } from './audit-text';

/** What happened at this station, newest first; refusals (wrong role, wrong PIN) one click away. */
export function AuditPanel() {
  const { t } = useTranslation();
  const audit = useAdmin((state) => state.audit);
  const auditLoad = useAdmin((state) => state.auditLoad);
  const page = useAdmin((state) => state.auditPage);
  const refusedOnly = useAdmin((state) => state.auditRefusedOnly);
  const loadAudit = useAdmin((state) => state.loadAudit);

  useEffect(() => {
    void loadAudit(0, false);
  }, [loadAudit]);

  const columns: readonly Column<AuditEntryView>[] = [
    { key: 'at', header: t('audit.at'), cell: (entry) => formatDateTime(entry.at) },
    {
      key: 'what',
      header: t('audit.what'),
      cell: (entry) => (
        <span className="audit-sentence" data-action={entry.action}>
          {auditSentence(t, entry)}
        </span>
      ),
    },
    {
      key: 'outcome',
      header: t('audit.outcome'),
      cell: (entry) => <span className={`outcome outcome-${entry.outcome}`}>{t(`audit.outcomes.${entry.outcome}`)}</span>,
    },
  ];

  return (
    <section>
      <div className="section-header">
        <h2>{t('audit.title')}</h2>
        <label className="checkbox">
          <input type="checkbox" checked={refusedOnly} onChange={(event) => void loadAudit(0, event.target.checked)} />
          {t('audit.refusedOnly')}
        </label>
      </div>
      <LoadState load={auditLoad} onRetry={() => void loadAudit(page, refusedOnly)}>
        <DataTable
          columns={columns}
          rows={audit.entries}
          rowKey={(entry) => entry.id}
          total={audit.total}
          page={page}
          pageSize={auditPageSize}
          onPage={(next) => void loadAudit(next, refusedOnly)}
          empty={t('audit.none')}
          label={t('audit.title')}
        />
      </LoadState>
    </section>
  );
}
