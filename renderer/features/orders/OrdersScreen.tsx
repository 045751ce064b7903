import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderLine, OrderSummary } from '../../../shared/orders';
import { BigNumber } from '../../ui/BigNumber';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { LoadState } from '../../ui/LoadState';
import { ScanField } from '../../ui/ScanField';
import { useOrders } from './store';
import { formatDay, formatTime } from '../../lib/format';

/** An order scanned (its number) or an SKU scanned: the orders it names. */
export function ordersMatching(orders: readonly OrderSummary[], code: string): readonly OrderSummary[] {
  const wanted = code.trim().toUpperCase();
  return orders.filter((order) => order.orderId.toUpperCase() === wanted || order.items.some((item) => item.sku.toUpperCase() === wanted));
}

/**
 * Tomorrow's orders as the centre sent them: the shift lead's starting point for pick runs. The
 * list fills the screen, a scan filters it, and a row opens the order (issue #10).
 */
export function OrdersScreen() {
  const { t } = useTranslation();
  const nextDay = useOrders((state) => state.nextDay);
  const load = useOrders((state) => state.load);
  const read = useOrders((state) => state.read);
  const [filter, setFilter] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
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
  const opened = openId === null ? undefined : nextDay.orders.find((order) => order.orderId === openId);
  if (opened) return <OrderDetail order={opened} onBack={() => setOpenId(null)} />;

  const shipDate = formatDay(nextDay.shipDate);
  const rows = filter === null ? nextDay.orders : ordersMatching(nextDay.orders, filter);
  const columns: readonly Column<OrderSummary>[] = [
    {
      key: 'id',
      header: t('orders.order'),
      cell: (order) => (
        <button type="button" className="row-open" onClick={() => setOpenId(order.orderId)} aria-label={t('orders.open', { id: order.orderId })}>
          <code>{order.orderId}</code>
        </button>
      ),
    },
    { key: 'carrier', header: t('orders.carrier'), cell: (order) => t(`orders.carriers.${order.carrier}`) },
    { key: 'service', header: t('orders.service'), cell: (order) => order.service },
    { key: 'cutoff', header: t('orders.cutoff'), cell: (order) => formatTime(order.cutoff) },
    { key: 'lines', header: t('orders.lines'), cell: (order) => order.lines, align: 'end' },
    { key: 'units', header: t('orders.units'), cell: (order) => order.units, align: 'end' },
  ];
  return (
    <main className="screen orders" data-orders-filter={filter ?? ''}>
      <div className="orders-top">
        <h1>{t('orders.title', { date: shipDate })}</h1>
        <div className="figures figures-compact">
          <BigNumber label={t('orders.total')} value={nextDay.orders.length} />
          {nextDay.byCarrier.map((carrier) => (
            <BigNumber key={carrier.carrier} label={t(`orders.carriers.${carrier.carrier}`)} value={carrier.orders} />
          ))}
        </div>
      </div>
      <div className="form-inline orders-filter">
        <ScanField label={t('orders.scanFilter')} hint={t('orders.scanFilterHint')} name="orders-filter" onScan={setFilter} />
        {filter !== null && (
          <p className="orders-filtered" role="status">
            {t('orders.filteredBy', { code: filter, count: rows.length })} <Button onClick={() => setFilter(null)}>{t('orders.showAll')}</Button>
          </p>
        )}
      </div>
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(order) => order.orderId}
        fill
        onOpen={(order) => setOpenId(order.orderId)}
        empty={filter === null ? t('orders.none') : t('orders.noMatch', { code: filter })}
        label={t('orders.listLabel')}
      />
    </main>
  );
}

function OrderDetail({ order, onBack }: { readonly order: OrderSummary; readonly onBack: () => void }) {
  const { t } = useTranslation();
  const columns: readonly Column<OrderLine>[] = [
    { key: 'line', header: t('orders.line'), cell: (line) => line.lineNo, align: 'end' },
    { key: 'sku', header: t('orders.sku'), cell: (line) => <code>{line.sku}</code> },
    { key: 'quantity', header: t('orders.quantity'), cell: (line) => <strong>{line.quantity}</strong>, align: 'end' },
  ];
  return (
    <main className="screen orders" data-order={order.orderId}>
      <h1>{t('orders.detailTitle', { id: order.orderId })}</h1>
      <p className="lead">
        {t(`orders.carriers.${order.carrier}`)} · {order.service} · {t('orders.cutoff')} {formatTime(order.cutoff)}
      </p>
      <div className="figures figures-compact">
        <BigNumber label={t('orders.lines')} value={order.lines} />
        <BigNumber label={t('orders.units')} value={order.units} />
      </div>
      <DataTable
        columns={columns}
        rows={order.items}
        rowKey={(line) => line.lineNo}
        fill
        empty={t('orders.none')}
        label={t('orders.detailTitle', { id: order.orderId })}
      />
      <div className="actions">
        <Button variant="primary" onClick={onBack}>
          {t('orders.back')}
        </Button>
      </div>
    </main>
  );
}
