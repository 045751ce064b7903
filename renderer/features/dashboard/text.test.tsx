import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../../shared/dashboard';
import { locales } from '../../../shared/locale';
import { i18next } from '../../i18n';
import { durationText, forecastText, verdictTone, worseTone } from './text';

const verdicts: readonly Forecast['verdict'][] = ['done', 'on_track', 'at_risk', 'no_rate', 'late'];

describe('a forecast in words', () => {
  it('has a sentence for every stage and verdict in every language, never the key', async () => {
    for (const locale of locales) {
      await i18next.changeLanguage(locale);
      const t = i18next.t.bind(i18next);
      for (const stage of ['pick', 'pack'] as const) {
        for (const verdict of verdicts) {
          for (const extraPeople of [1, 3, null]) {
            const text = forecastText(t, stage, { verdict, extraPeople });
            expect(text, `${locale} ${stage} ${verdict}`).not.toContain('dashboard.');
            if (verdict === 'at_risk' && extraPeople !== null) expect(text, `${locale} ${stage}`).toContain(String(extraPeople));
          }
        }
      }
    }
  });

  it('says how many more people, one or several', async () => {
    await i18next.changeLanguage('en');
    const t = i18next.t.bind(i18next);
    expect(forecastText(t, 'pack', { verdict: 'at_risk', extraPeople: 1 })).toBe('At risk: 1 more person for packing');
    expect(forecastText(t, 'pick', { verdict: 'at_risk', extraPeople: 4 })).toBe('At risk: 4 more people for picking');
    expect(forecastText(t, 'pick', { verdict: 'at_risk', extraPeople: null })).toBe('Picking at risk');
    await i18next.changeLanguage('fr');
    expect(forecastText(i18next.t.bind(i18next), 'pack', { verdict: 'at_risk', extraPeople: 1 })).toBe('À risque\u202f: 1 personne de plus pour l’emballage');
  });

  it('says the time left in hours and minutes', async () => {
    await i18next.changeLanguage('en');
    const t = i18next.t.bind(i18next);
    expect(durationText(t, 1.5)).toBe('1 h 30 min');
    expect(durationText(t, 2.05)).toBe('2 h 03 min');
    expect(durationText(t, 0.75)).toBe('45 min');
    expect(durationText(t, 0)).toBe('0 min');
  });

  it('colours a verdict as every notice does, and a board as its worse stage', () => {
    expect(verdicts.map(verdictTone)).toEqual(['ok', 'ok', 'attention', 'neutral', 'error']);
    expect(worseTone('ok', 'attention')).toBe('attention');
    expect(worseTone('error', 'neutral')).toBe('error');
    expect(worseTone('neutral', 'ok')).toBe('neutral');
  });
});
