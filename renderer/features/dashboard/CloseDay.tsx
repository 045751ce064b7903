import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayLeft } from '../../../shared/dashboard';
import { dashboard } from '../../../shared/ipc/dashboard';
import type { AppErrorShape } from '../../../shared/result';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatDay } from '../../lib/format';
import { Button } from '../../ui/Button';
import { OrdersToExplain } from '../dispatch/OrdersToExplain';
import { useSync } from '../sync/store';
import { useDashboard } from './store';

/** The contract's own rule for a reason (3 to 500 characters). */
const reasonSchema = dashboard.closeDay.input.shape.explained.unwrap().element.shape.reason;
const isReason = (text: string): boolean => reasonSchema.safeParse(text).success;

/**
 * The close of day (DOMAIN, the shift lead's day): asked for by the button, it shows what it waits
 * for — this station's events not at the centre yet, then every order of the date on no trailer,
 * each with a reason — and closes in main, which checks all of it again. The report then replaces it.
 */
export function CloseDay({ shipDate }: { readonly shipDate: string }) {
  const { t } = useTranslation();
  const readDashboard = useDashboard((state) => state.read);
  const pending = useSync((state) => state.status?.pending);
  const [asked, setAsked] = useState(false);
  const left = useDashboard((state) => state.left);
  const leftLoad = useDashboard((state) => state.leftLoad);
  const readLeft = useDashboard((state) => state.readLeft);
  const forgetLeft = useDashboard((state) => state.forgetLeft);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<AppErrorShape | null>(null);
  const error = refused ?? leftLoad.error;
  // Asked again as the sync status moves: the events waiting for the centre are what the close waits for.
  useEffect(() => {
    if (asked) void readLeft();
  }, [asked, pending, readLeft]);

  const close = async (explained: readonly { readonly orderId: string; readonly reason: string }[]): Promise<void> => {
    setBusy(true);
    setRefused(null);
    const result = await api.dashboard.closeDay({ explained: [...explained] });
    setBusy(false);
    if (!result.ok) {
      setRefused(result.error);
      void readLeft();
      return;
    }
    setAsked(false);
    forgetLeft();
    await readDashboard();
  };
  const cancel = (): void => {
    setAsked(false);
    forgetLeft();
    setRefused(null);
  };

  if (!asked)
    return (
      <div className="actions dashboard-close-day">
        <Button onClick={() => setAsked(true)} data-close-day="">
          {t('dashboard.close.open')}
        </Button>
      </div>
    );
  const count = left?.left.length ?? 0;
  return (
    <section className="dashboard-panel close-day" aria-label={t('dashboard.close.title', { day: formatDay(shipDate) })} data-close-day-step={step(left)}>
      <h2>{t('dashboard.close.title', { day: formatDay(shipDate) })}</h2>
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {left && left.pending > 0 && (
        <>
          <p className="notice notice-attention" data-day-pending={left.pending}>
            {t('dashboard.close.pending', { count: left.pending })}
          </p>
          <div className="actions">
            <Button onClick={cancel}>{t('common.cancel')}</Button>
          </div>
        </>
      )}
      {left && left.pending === 0 && count > 0 && (
        <OrdersToExplain
          className="close-day-explain"
          title={t('dashboard.close.explainTitle', { count })}
          note={t('dashboard.close.explainNote', { count })}
          submitLabel={t('dashboard.close.submitWithout', { count })}
          listLabel={t('dashboard.close.leftList')}
          orders={left.left.map((order) => ({ orderId: order.orderId, state: t(`dashboard.close.leftStates.${order.state}`) }))}
          isReason={isReason}
          busy={busy}
          onCancel={cancel}
          onSubmit={(explained) => void close(explained)}
        />
      )}
      {left && left.pending === 0 && count === 0 && (
        <>
          <p className="notice notice-ok">{t('dashboard.close.allLeft')}</p>
          <div className="actions">
            <Button onClick={cancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button variant="danger" onClick={() => void close([])} disabled={busy} data-confirm-close="">
              {t('dashboard.close.confirm')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

const step = (left: DayLeft | null): string => (!left ? 'reading' : left.pending > 0 ? 'pending' : left.left.length > 0 ? 'explain' : 'confirm');
