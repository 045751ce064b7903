import { classifyScan, isValidGtin, isValidSscc } from '../../../shared/barcode';

/** Why a code typed by hand is refused (translated as `scanning.manual.<reason>`). */
export type ManualRefusal = 'empty' | 'gtinCheckDigit' | 'ssccCheckDigit' | 'gs1CheckDigit';

export type ManualCheck = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: ManualRefusal };

/**
 * A code typed from a damaged label: a slip of one digit would book the wrong product or pallet,
 * so GTINs (8, 12, 13, 14 digits) and SSCCs (18 digits, or after `00`) must carry a right check
 * digit (GS1 General Specifications §7.9) before anything is sent.
 */
export function checkManualEntry(input: string): ManualCheck {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  const digits = text.replace(/[\s-]/g, '');
  if (/^\d+$/.test(digits)) {
    if ([8, 12, 13, 14].includes(digits.length)) return isValidGtin(digits) ? { ok: true, text: digits } : { ok: false, reason: 'gtinCheckDigit' };
    if (digits.length === 18) return isValidSscc(digits) ? { ok: true, text: digits } : { ok: false, reason: 'ssccCheckDigit' };
    if (digits.length === 20 && digits.startsWith('00'))
      return isValidSscc(digits.slice(2)) ? { ok: true, text: digits } : { ok: false, reason: 'ssccCheckDigit' };
  }
  // GS1 typed in its human-readable form, "(01)…(10)…": the parser checks every check digit.
  if (text.startsWith('(')) {
    const classified = classifyScan(text);
    if (classified.kind === 'unknown' && classified.error?.code === 'GS1_BAD_CHECK_DIGIT') return { ok: false, reason: 'gs1CheckDigit' };
  }
  return { ok: true, text };
}
