import type { TFunction } from 'i18next';
import { centreStationId } from '../../../shared/people';
import type { SiteException } from '../../../shared/sync/status';

/** What a detail holds, in the warehouse's codes (station, quantities, the event it came from). */
export const detailText = (detail: SiteException['detail']): string =>
  Object.entries(detail)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ') || '—';

const number = (value: unknown): number => (typeof value === 'number' ? value : Number(value) || 0);
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/**
 * What happened, in the site's language, for the kinds a shift lead meets every day; the others
 * (rare, for IT too) keep their codes.
 */
export function summaryText(t: TFunction, exception: Pick<SiteException, 'kind' | 'subject' | 'detail'>): string {
  const { detail } = exception;
  switch (exception.kind) {
    case 'SHORT_PICK':
      return t('exceptions.summary.SHORT_PICK', {
        count: number(detail.quantity),
        orderId: text(detail.orderId),
        lineNo: text(detail.lineNo),
        reason: t(`picking.pick.shortReasons.${text(detail.reason)}`, { defaultValue: text(detail.reason) }),
      });
    case 'NEGATIVE_STOCK':
    case 'ORDER_CANCELLED_IN_RUN':
    case 'ORDER_CHANGED_IN_RUN':
    case 'CLAIM_LOST':
      return t(`exceptions.summary.${exception.kind}`, { subject: exception.subject, orderId: text(detail.orderId) });
    case 'RUN_REFUSED':
      // The centre's reason, in the site's language (NOT_ENOUGH_STOCK, ORDER_IN_RUN, NOT_SHORT…).
      return t('exceptions.summary.RUN_REFUSED', { reason: t(`errors.${text(detail.code)}`, { defaultValue: text(detail.code) }) });
    default:
      return detailText(detail);
  }
}

/**
 * A person and their station ("Paul Dubois · DOCK-1"), the station alone when it found it itself (a
 * sync answer, a pulled record); what the centre itself did is said as the centre.
 */
export const byText = (t: TFunction, name: string, station: string): string =>
  station === centreStationId ? t('exceptions.centre') : name ? t('exceptions.by', { name, station }) : station;
