import { useTranslation } from 'react-i18next';
import type { StockLine } from '../../../shared/stock';
import { DataTable, type Column } from '../../ui/DataTable';
import { describe } from './text';

/** Stock lines, with the columns that are not all the same hidden (the location of a location…). */
export function StockLines({ lines, show }: { readonly lines: readonly StockLine[]; readonly show: readonly ('product' | 'location' | 'container')[] }) {
  const { t, i18n } = useTranslation();
  const columns: Column<StockLine>[] = [];
  if (show.includes('product')) {
    columns.push({ key: 'sku', header: t('stock.sku'), cell: (line) => <code>{line.product.sku}</code> });
    columns.push({ key: 'description', header: t('stock.description'), cell: (line) => describe(line.product.description, i18n.language) });
  }
  if (show.includes('location')) columns.push({ key: 'location', header: t('stock.location'), cell: (line) => <code>{line.location}</code> });
  if (show.includes('container'))
    columns.push({ key: 'container', header: t('stock.container'), cell: (line) => (line.container ? <code>{line.container}</code> : '—') });
  columns.push({ key: 'lot', header: t('stock.lot'), cell: (line) => line.lot ?? '—' });
  columns.push({ key: 'quantity', header: t('stock.quantity'), cell: (line) => <strong>{line.quantity}</strong>, align: 'end' });
  return (
    <DataTable
      columns={columns}
      rows={lines}
      rowKey={(line) => `${line.product.sku}|${line.location}|${line.lot ?? ''}|${line.container ?? ''}`}
      empty={t('stock.empty')}
      label={t('stock.lines')}
    />
  );
}
