import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n';
import { byText, summaryText } from './text';

describe('an exception in words', () => {
  it('names who raised it: a person at their station, a station alone, or the centre', async () => {
    await i18next.changeLanguage('en');
    const t = i18next.t.bind(i18next);
    expect(byText(t, 'Paul Dubois', 'TROLLEY-2')).toBe('Paul Dubois · TROLLEY-2');
    expect(byText(t, '', 'PACK-1')).toBe('PACK-1');
    expect(byText(t, 'centre', 'centre')).toBe(t('exceptions.centre'));
  });

  it('keeps the codes of a rare kind, and says a short pick in words', async () => {
    await i18next.changeLanguage('en');
    const t = i18next.t.bind(i18next);
    expect(summaryText(t, { kind: 'RECONCILE_MISMATCH', subject: 'P', detail: { lines: 4, nested: null } })).toBe('lines: 4');
    expect(summaryText(t, { kind: 'SHORT_PICK', subject: 'S@L', detail: { quantity: 2, orderId: 'MP-1', lineNo: 3, reason: 'damaged' } })).toBe(
      '2 units short for order MP-1, line 3: Damaged.',
    );
    expect(summaryText(t, { kind: 'RUN_REFUSED', subject: 'r', detail: { code: 'NOT_SHORT', message: 'x' } })).toBe(
      t('exceptions.summary.RUN_REFUSED', { reason: t('errors.NOT_SHORT') }),
    );
    expect(summaryText(t, { kind: 'RUN_REFUSED', subject: 'r', detail: { code: 'NOT_SHORT', message: 'x' } })).toContain(t('errors.NOT_SHORT'));
  });
});
