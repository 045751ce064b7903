import { useTranslation } from 'react-i18next';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { TrailerView } from '../../../shared/packing';
import { dispatchActions, useDock } from './dispatch-flow';
import { OrdersToExplain } from './OrdersToExplain';

/** The contract's own rule for a missing order's reason (3 to 500 characters). */
const reasonSchema = dispatch.close.input.shape.missing.unwrap().element.shape.reason;
const isReason = (text: string): boolean => reasonSchema.safeParse(text).success;

/** A shift lead closes a trailer without some of the orders due (DOMAIN, Outbound 6): each one named, with a reason. */
export function CloseTrailer({ trailer, busy }: { readonly trailer: TrailerView; readonly busy: boolean }) {
  const { t } = useTranslation();
  const setConfirming = useDock((state) => state.setConfirmingClose);
  const count = trailer.due.length;
  return (
    <OrdersToExplain
      className="dispatch-close"
      title={t('dispatch.closeTitle', { count, label: trailer.label })}
      note={t('dispatch.closeNote', { count })}
      submitLabel={t('dispatch.closeMissing', { count })}
      listLabel={t('dispatch.missingList')}
      orders={trailer.due.map((due) => ({ orderId: due.orderId, state: t(`dispatch.dueStates.${due.state}`) }))}
      isReason={isReason}
      busy={busy}
      onCancel={() => setConfirming(false)}
      onSubmit={(missing) => void dispatchActions.close(missing)}
    />
  );
}
