/**
 * GS1 numeric check digit and the identification keys Quai handles directly.
 *
 * GS1 General Specifications §7.9 "Check digit calculations": weights 3 and 1 alternate from the
 * rightmost data digit (the one next to the check digit) leftwards; the check digit brings the
 * weighted sum to a multiple of 10. The same routine serves GTIN-8/12/13/14, SSCC, GLN, GRAI, GSRN…
 */

const digitsOnly = /^[0-9]+$/;

/** Check digit for `digits` (the key without its check digit), or -1 if the input is not digits. */
export function gs1CheckDigit(digits: string): number {
  if (typeof digits !== 'string' || !digitsOnly.test(digits)) return -1;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const weight = (digits.length - i) % 2 === 1 ? 3 : 1;
    sum += weight * (digits.charCodeAt(i) - 48);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of `key` is the GS1 check digit of the rest. */
export const hasValidCheckDigit = (key: string): boolean =>
  typeof key === 'string' && key.length >= 2 && digitsOnly.test(key) && gs1CheckDigit(key.slice(0, -1)) === key.charCodeAt(key.length - 1) - 48;

/** GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) or GTIN-14, digits only, with a correct check digit. */
export const isValidGtin = (s: string): boolean => typeof s === 'string' && [8, 12, 13, 14].includes(s.length) && hasValidCheckDigit(s);

/** SSCC: 18 digits (extension digit, GS1 Company Prefix, serial reference) with a correct check digit. */
export const isValidSscc = (s: string): boolean => typeof s === 'string' && s.length === 18 && hasValidCheckDigit(s);

/** A valid GTIN right-aligned in 14 digits with leading zeros (the form carried in AI 01), or null. */
export const normaliseGtin = (s: string): string | null => (isValidGtin(s) ? s.padStart(14, '0') : null);

/**
 * UPC-E (8 digits: number system 0 or 1, 6 data digits, check digit) expanded to UPC-A (12 digits).
 * The zero-suppression rules are those of zxing `UPCEReader.convertUPCEtoUPCA`; the check digit of
 * UPC-E is the one of the UPC-A it stands for. Null when the input is not a valid UPC-E.
 */
export function expandUpcE(upce: string): string | null {
  if (!/^[01][0-9]{7}$/.test(upce)) return null;
  const [ns, d1, d2, d3, d4, d5, d6, check] = [...upce];
  const body =
    d6 === '0' || d6 === '1' || d6 === '2'
      ? `${d1}${d2}${d6}0000${d3}${d4}${d5}`
      : d6 === '3'
        ? `${d1}${d2}${d3}00000${d4}${d5}`
        : d6 === '4'
          ? `${d1}${d2}${d3}${d4}00000${d5}`
          : `${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  const upca = `${ns}${body}${check}`;
  return hasValidCheckDigit(upca) ? upca : null;
}
