import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../shared/orders';
import { BigNumber } from '../../ui/BigNumber';
import { DataTable, type Column } from '../../ui/DataTable';
import { LoadState } from '../../ui/LoadState';
import { useOrders } from './store';
import { formatDay, formatTime } from '../../lib/format';

/** Tomorrow's orders as the centre sent them: the shift lead's starting point for pick runs. */
export function OrdersScreen() {
  const { t } = useTranslation();
  const nextDay = useOrders((state) => state.nextDay);
  const load = useOrders((state) => state.load);
  const read = useOrders((state) => state.read);
  useEffect(() => {
    void read();
  }, [read]);
  if (!nextDay) {
    return (
      <main className="screen">
        <LoadState load={load} onRetry={() => void read()}>
          {null}
        </LoadState>
      </main>
    );
  }
  const shipDate = formatDay(nextDay.shipDate);
  const columns: readonly Column<OrderSummary>[] = [
    { key: 'id', header: t('orders.order'), cell: (order) => <code>{order.orderId}</code> },
    { key: 'carrier', header: t('orders.carrier'), cell: (order) => t(`orders.carriers.${order.carrier}`) },
    { key: 'service', header: t('orders.service'), cell: (order) => order.service },
    { key: 'cutoff', header: t('orders.cutoff'), cell: (order) => formatTime(order.cutoff) },
    { key: 'lines', header: t('orders.lines'), cell: (order) => order.lines, align: 'end' },
    { key: 'units', header: t('orders.units'), cell: (order) => order.units, align: 'end' },
  ];
  return (
    <main className="screen">
      <h1>{t('orders.title', { date: shipDate })}</h1>
      <div className="figures figures-compact">
        <BigNumber label={t('orders.total')} value={nextDay.orders.length} />
        {nextDay.byCarrier.map((carrier) => (
          <BigNumber key={carrier.carrier} label={t(`orders.carriers.${carrier.carrier}`)} value={carrier.orders} />
        ))}
      </div>
      <DataTable
        columns={columns}
        rows={nextDay.orders}
        rowKey={(order) => order.orderId}
        pageSize={8}
        empty={t('orders.none')}
        label={t('orders.listLabel')}
      />
    </main>
  );
}
