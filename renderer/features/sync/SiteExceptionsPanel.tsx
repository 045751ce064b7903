import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteException } from '../../../shared/sync/status';
import { formatDateTime } from '../../lib/format';
import { DataTable, type Column } from '../../ui/DataTable';
import { LoadState } from '../../ui/LoadState';
import { useSync } from './store';

/** What a detail holds, in the warehouse's codes (station, quantities, the event it came from). */
const detailText = (detail: SiteException['detail']): string =>
  Object.entries(detail)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ') || '—';

/** What this station recorded for the shift lead about the site: negative stock, lost claims, stock that differs. */
export function SiteExceptionsPanel() {
  const { t } = useTranslation();
  const siteExceptions = useSync((state) => state.siteExceptions);
  const siteExceptionsLoad = useSync((state) => state.siteExceptionsLoad);
  const loadSiteExceptions = useSync((state) => state.loadSiteExceptions);
  useEffect(() => {
    void loadSiteExceptions();
  }, [loadSiteExceptions]);

  const columns: readonly Column<SiteException>[] = [
    { key: 'at', header: t('audit.at'), cell: (row) => formatDateTime(row.at) },
    { key: 'kind', header: t('sync.site.kind'), cell: (row) => t(`sync.site.kinds.${row.kind}`) },
    { key: 'subject', header: t('sync.site.subject'), cell: (row) => <code>{row.subject}</code> },
    { key: 'detail', header: t('audit.detail'), cell: (row) => detailText(row.detail) },
  ];
  return (
    <section aria-label={t('sync.site.title')} data-site-exceptions={siteExceptions.length}>
      <h2>{t('sync.site.title')}</h2>
      <LoadState load={siteExceptionsLoad} onRetry={() => void loadSiteExceptions()}>
        <DataTable columns={columns} rows={siteExceptions} rowKey={(row) => row.id} empty={t('sync.site.none')} label={t('sync.site.title')} />
      </LoadState>
    </section>
  );
}
