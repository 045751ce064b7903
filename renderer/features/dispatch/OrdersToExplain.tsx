import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';

/** An order that leaves on no trailer, its state already in words. */
export type OrderToExplain = { readonly orderId: string; readonly state: string };

type Props = {
  readonly className: string;
  readonly title: string;
  readonly note: string;
  readonly submitLabel: string;
  readonly listLabel: string;
  readonly orders: readonly OrderToExplain[];
  /** The contract's own rule for a reason (main checks it again). */
  readonly isReason: (text: string) => boolean;
  readonly busy: boolean;
  readonly onCancel: () => void;
  readonly onSubmit: (explained: readonly { readonly orderId: string; readonly reason: string }[]) => void;
};

/**
 * Orders that do not leave, each named with a reason (DOMAIN, Outbound 6 and the close of day): one
 * reason for all, changed for an order where it differs; sent by the button, never by Enter alone.
 * The trailer's close and the day's close both ask it this way.
 */
export function OrdersToExplain({ className, title, note, submitLabel, listLabel, orders, isReason, busy, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [common, setCommon] = useState('');
  const [own, setOwn] = useState<Readonly<Record<string, string>>>({});
  const [checked, setChecked] = useState(false);
  const reasonOf = (orderId: string): string => (own[orderId]?.trim() ? (own[orderId] ?? '') : common).trim();
  const invalid = new Set(orders.filter((order) => !isReason(reasonOf(order.orderId))).map((order) => order.orderId));
  const count = orders.length;

  const submit = (): void => {
    setChecked(true);
    if (invalid.size > 0) return;
    onSubmit(orders.map((order) => ({ orderId: order.orderId, reason: reasonOf(order.orderId) })));
  };

  return (
    <form
      className={`form orders-to-explain ${className}`}
      onSubmit={(event: FormEvent) => event.preventDefault()}
      noValidate
      data-missing={count}
      aria-label={title}
    >
      <h3>{title}</h3>
      <p className="notice notice-attention">{note}</p>
      <TextField
        label={t('dispatch.reasonAll')}
        name="reason-all"
        autoFocus
        maxLength={500}
        value={common}
        error={checked && invalid.size === count && count > 0 ? t('dispatch.reasonNeeded') : undefined}
        onChange={(event) => setCommon(event.target.value)}
      />
      {/* Above the orders: a long list of them would push the decision off the screen. */}
      <div className="actions">
        <Button onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button variant="danger" disabled={busy} onClick={submit} data-confirm-close="">
          {submitLabel}
        </Button>
      </div>
      <div className="data-table">
        <table aria-label={listLabel}>
          <thead>
            <tr>
              <th scope="col">{t('dispatch.order')}</th>
              <th scope="col">{t('dispatch.state')}</th>
              <th scope="col">{t('dispatch.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.orderId} data-order={order.orderId}>
                <td>
                  <code>{order.orderId}</code>
                </td>
                <td>{order.state}</td>
                <td>
                  {/* The column names it; the label is read out, not shown 87 times. */}
                  <input
                    className="order-reason"
                    name={`reason-${order.orderId}`}
                    aria-label={t('dispatch.reasonFor', { orderId: order.orderId })}
                    aria-invalid={checked && invalid.has(order.orderId)}
                    autoComplete="off"
                    placeholder={common}
                    maxLength={500}
                    value={own[order.orderId] ?? ''}
                    onChange={(event) => setOwn({ ...own, [order.orderId]: event.target.value })}
                  />
                  {checked && invalid.has(order.orderId) && <span className="field-error">{t('dispatch.reasonNeeded')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </form>
  );
}
