import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupResult, MovementView } from '../../../shared/stock';
import { errorText } from '../../lib/errors';
import { BigNumber } from '../../ui/BigNumber';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { useFeedback } from '../../ui/feedback';
import { ScanField } from '../../ui/ScanField';
import { StockLines } from './StockLines';
import { historyPageSize, useLookup } from './store';
import { describe } from './text';
import { formatDateTime } from '../../lib/format';
import { LoadState } from '../../ui/LoadState';
import { ready } from '../../lib/load';

export function LookupPanel() {
  const { t } = useTranslation();
  const result = useLookup((state) => state.result);
  const lookup = useLookup((state) => state.lookup);
  const show = useFeedback((state) => state.show);
  const [tab, setTab] = useState<'stock' | 'history'>('stock');

  const onScan = async (code: string): Promise<void> => {
    const found = await lookup(code);
    setTab('stock');
    if (!found.ok) show('error', errorText(t, found.error));
    else show('ok', t(`stock.found.${found.value.kind}`));
  };

  return (
    <section aria-label={t('stock.tabs.lookup')}>
      <ScanField label={t('stock.scanAnything')} hint={t('stock.scanAnythingHint')} name="lookup" onScan={(code) => void onScan(code)} />
      {result && (
        <>
          <LookupHeader result={result} />
          <div className="tabs" role="tablist">
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'stock'}
              className={`tab ${tab === 'stock' ? 'is-current' : ''}`}
              onClick={() => setTab('stock')}
            >
              {t('stock.stockTab')}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'history'}
              className={`tab ${tab === 'history' ? 'is-current' : ''}`}
              onClick={() => setTab('history')}
            >
              {t('stock.historyTab')}
            </button>
          </div>
          {tab === 'stock' ? (
            <StockLines
              lines={result.lines}
              show={result.kind === 'product' ? ['location', 'container'] : result.kind === 'location' ? ['product', 'container'] : ['product']}
            />
          ) : (
            <HistoryTable />
          )}
        </>
      )}
    </section>
  );
}

function LookupHeader({ result }: { readonly result: LookupResult }) {
  const { t, i18n } = useTranslation();
  if (result.kind === 'product') {
    return (
      <div className="lookup-header" data-lookup="product">
        <div className="figures figures-compact">
          <BigNumber label={t('stock.total')} value={result.total} tone={result.total > 0 ? 'ok' : 'attention'} />
          <BigNumber label={t('stock.locations')} value={new Set(result.lines.map((line) => line.location)).size} />
        </div>
        <h2>
          <code>{result.sku}</code> — {describe(result.description, i18n.language)}
        </h2>
        <p className="muted">
          {t('stock.gtinsLine', { list: result.gtins.map((g) => (g.packQuantity > 1 ? `${g.gtin} (×${g.packQuantity})` : g.gtin)).join(' · ') })}
        </p>
      </div>
    );
  }
  if (result.kind === 'location') {
    return (
      <div className="lookup-header" data-lookup="location">
        <h2>
          {t('stock.location')} <code>{result.code}</code> · {t(`stock.locationTypes.${result.type}`)} · {t('stock.zone')} {result.zone}
        </h2>
      </div>
    );
  }
  return (
    <div className="lookup-header" data-lookup="container">
      <h2>
        {t(`stock.containerKinds.${result.containerKind}`)} <code>{result.code}</code> ·{' '}
        {result.location ? t('stock.at', { location: result.location }) : t('stock.nowhere')}
      </h2>
    </div>
  );
}

function HistoryTable() {
  const { t, i18n } = useTranslation();
  const history = useLookup((state) => state.history);
  const load = useLookup((state) => state.historyLoad);
  const page = useLookup((state) => state.historyPage);
  const loadHistory = useLookup((state) => state.loadHistory);
  if (load.status === 'idle') {
    return <Button onClick={() => void loadHistory(0)}>{t('stock.showHistory')}</Button>;
  }
  const where = (side: MovementView['from']): string => [side.location, side.container].filter(Boolean).join(' / ') || '—';
  const columns: readonly Column<MovementView>[] = [
    { key: 'at', header: t('audit.at'), cell: (m) => formatDateTime(m.at) },
    { key: 'kind', header: t('stock.movementKind'), cell: (m) => t(`stock.movementKinds.${m.kind}`) },
    { key: 'product', header: t('stock.sku'), cell: (m) => <span title={describe(m.product.description, i18n.language)}>{m.product.sku}</span> },
    { key: 'from', header: t('stock.from'), cell: (m) => <code>{where(m.from)}</code> },
    { key: 'to', header: t('stock.to'), cell: (m) => <code>{where(m.to)}</code> },
    { key: 'quantity', header: t('stock.quantity'), cell: (m) => m.quantity, align: 'end' },
    { key: 'who', header: t('audit.who'), cell: (m) => m.user ?? '—' },
  ];
  return (
    <LoadState load={load.status !== 'error' && history ? ready : load} onRetry={() => void loadHistory(page)}>
      <DataTable
        columns={columns}
        rows={history?.movements ?? []}
        rowKey={(m) => m.id}
        total={history?.total ?? 0}
        page={page}
        pageSize={historyPageSize}
        onPage={(next) => void loadHistory(next)}
        empty={t('stock.noHistory')}
        label={t('stock.historyTab')}
      />
    </LoadState>
  );
}
