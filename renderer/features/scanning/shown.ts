import type { TFunction } from 'i18next';
import type { Scan } from './scan';

/** A scan's text with GS made visible, as the set-up page and the feedback show it. */
export const visibleText = (text: string): string => text.replaceAll('\x1d', '⟨GS⟩');

/** What the person hears and reads right after a scan (docs/design.md §5: within 100 ms). */
export function scanFeedback(t: TFunction, scan: Scan): { kind: 'ok' | 'attention'; text: string } {
  const { classified } = scan;
  if (classified.kind === 'unknown') {
    const reason = classified.error ? t(`scanning.barcodeErrors.${classified.error.code}`) : t('scanning.feedback.unknownKind');
    return { kind: 'attention', text: t('scanning.feedback.notUnderstood', { code: visibleText(scan.text), reason }) };
  }
  return { kind: 'ok', text: t('scanning.feedback.read', { kind: t(`scanning.kinds.${classified.kind}`), code: visibleText(scan.text) }) };
}
