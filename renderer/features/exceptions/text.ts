import type { TFunction } from 'i18next';
import { centreStationId } from '../../../shared/people';
import type { SiteException } from '../../../shared/sync/status';

/** What a detail holds, in the warehouse's codes (station, quantities, the event it came from). */
export const detailText = (detail: SiteException['detail']): string =>
  Object.entries(detail)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ') || '—';

/** A person and their station ("Paul Dubois · DOCK-1"); what the centre itself did is said as the centre. */
export const byText = (t: TFunction, name: string, station: string): string =>
  station === centreStationId ? t('exceptions.centre') : t('exceptions.by', { name, station });
