import type { TFunction } from 'i18next';
import type { Forecast } from '../../../shared/dashboard';

/** The two stages a forecast speaks of: the floor's work before a truck leaves. */
export type ForecastStage = 'pick' | 'pack';

/** One colour per verdict, the same as every notice of the app: green fine, yellow act now, red too late. */
export type VerdictTone = 'ok' | 'attention' | 'error' | 'neutral';

export const verdictTone = (verdict: Forecast['verdict']): VerdictTone =>
  verdict === 'done' || verdict === 'on_track' ? 'ok' : verdict === 'at_risk' ? 'attention' : verdict === 'late' ? 'error' : 'neutral';

const toneRank: Readonly<Record<VerdictTone, number>> = { ok: 0, neutral: 1, attention: 2, error: 3 };

/** The board takes the colour of its worse stage. */
export const worseTone = (a: VerdictTone, b: VerdictTone): VerdictTone => (toneRank[b] > toneRank[a] ? b : a);

/**
 * A stage's forecast in words: "Packing on track", "At risk: 2 more people for packing", "Picking:
 * no rate yet", "Packing late". At risk without a head count (shared/dashboard.ts allows it) says so
 * without one.
 */
export function forecastText(t: TFunction, stage: ForecastStage, forecast: Pick<Forecast, 'verdict' | 'extraPeople'>): string {
  if (forecast.verdict === 'at_risk')
    return forecast.extraPeople === null
      ? t(`dashboard.forecast.${stage}.at_risk_uncounted`)
      : t(`dashboard.forecast.${stage}.at_risk`, { count: forecast.extraPeople });
  return t(`dashboard.forecast.${stage}.${forecast.verdict}`);
}

/** Hours left as people say them: "1 h 30 min", "45 min". */
export function durationText(t: TFunction, hours: number): string {
  const minutes = Math.max(0, Math.round(hours * 60));
  const whole = Math.floor(minutes / 60);
  const rest = String(minutes % 60).padStart(whole > 0 ? 2 : 1, '0');
  return whole > 0 ? t('dashboard.duration.hours', { hours: whole, minutes: rest }) : t('dashboard.duration.minutes', { minutes: rest });
}
