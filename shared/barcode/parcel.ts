/**
 * Carrier tracking numbers found on parcel labels.
 *
 * Sources:
 * - UPU S10 (international postal item identifier): 2 service-indicator letters, 8-digit serial, check
 *   digit, ISO 3166 alpha-2 country. Check digit: weights 8 6 4 2 3 5 9 7 over the serial, 11 minus
 *   (sum mod 11), with 10 → 0 and 11 → 5 (UPU standard S10, as implemented in
 *   jkeen/tracking_number_data CHECKSUM_ALGORITHMS.md `validates_s10?`, test number RB123456785GB).
 * - UPS: "1Z" + 6-character shipper account + 2-character service + 7-character package + check
 *   character; letters count as (ASCII - 3) mod 10, odd positions doubled, mod 10 (jkeen/tracking_number_data
 *   couriers/ups.json).
 * - DPD: ISO/IEC 7064 MOD 37,36 check character over the 14-digit parcel number, or over the 27 digits of
 *   the label barcode (7-digit destination postcode, parcel number, 3-digit service, 3-digit country);
 *   the barcode itself starts with "%" and carries no check character (DPD Parcel Label Specification
 *   2.4.1, via jkeen/tracking_number_data couriers/dpd.json).
 * - Colissimo domestic: 13 characters, 2 letters/digits + 11 digits ("6A12345678901"). No public source
 *   documents its check key, so only the pattern is checked.
 * Chronopost and Colissimo both use S10 numbers ending in FR for international items. S10 reserves
 * C? for parcels and E? for EMS (same S10 test data); in La Poste group the parcel service is Colissimo
 * and the French EMS operator is Chronopost, so FR + C? → Colissimo and FR + E? → Chronopost. Other S10
 * numbers are `unknown-carrier`.
 */

import { iso3166alpha2 } from './linters';

export type Carrier = 'colissimo' | 'chronopost' | 'dpd' | 'ups' | 'unknown-carrier';

export type ParcelMatch =
  | { readonly valid: true; readonly carrier: Carrier; readonly tracking: string }
  | { readonly valid: false; readonly carrier: Carrier; readonly tracking: string; readonly message: string };

const s10Weights = [8, 6, 4, 2, 3, 5, 9, 7];

/** UPU S10 check digit of an 8-digit serial number. */
export function s10CheckDigit(serial: string): number {
  const sum = [...serial].reduce((total, digit, i) => total + Number(digit) * (s10Weights[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** UPS check digit over the 15 characters after "1Z" and before the check digit. */
export function upsCheckDigit(body: string): number {
  let sum = 0;
  for (const [i, c] of [...body].entries()) {
    const value = /[0-9]/.test(c) ? Number(c) : (c.charCodeAt(0) - 3) % 10;
    sum += i % 2 === 1 ? value * 2 : value;
  }
  return (10 - (sum % 10)) % 10;
}

const alphabet36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO/IEC 7064 MOD 37,36 check character (hybrid system), as DPD uses it. */
export function mod3736CheckCharacter(data: string): string {
  const m = 36;
  let product = m;
  for (const c of data) {
    let sum = alphabet36.indexOf(c) + product;
    if (sum > m) sum -= m;
    product = sum * 2;
    if (product > m) product -= m + 1;
  }
  const check = (m + 1 - product) % m;
  return alphabet36[check] ?? '';
}

const carrierForS10 = (service: string, country: string): Carrier => {
  if (country !== 'FR') return 'unknown-carrier';
  if (service.startsWith('C')) return 'colissimo';
  if (service.startsWith('E')) return 'chronopost';
  return 'unknown-carrier';
};

/** A tracking number in `code` (already trimmed, upper case), valid or with a wrong check, or null. */
export function matchParcel(code: string): ParcelMatch | null {
  const s10 = /^([A-Z]{2})([0-9]{8})([0-9])([A-Z]{2})$/.exec(code);
  if (s10 && iso3166alpha2(s10[4] ?? '') === null) {
    const [, service = '', serial = '', check = '', country = ''] = s10;
    const carrier = carrierForS10(service, country);
    const expected = s10CheckDigit(serial);
    return String(expected) === check
      ? { valid: true, carrier, tracking: code }
      : { valid: false, carrier, tracking: code, message: `UPU S10 number ${code} should end in ${expected}${country}` };
  }

  if (/^1Z[0-9A-Z]{16}$/.test(code)) {
    const expected = upsCheckDigit(code.slice(2, 17));
    return String(expected) === code[17]
      ? { valid: true, carrier: 'ups', tracking: code }
      : { valid: false, carrier: 'ups', tracking: code, message: `UPS number ${code} should end in ${expected}` };
  }

  const dpdBarcode = /^%([0-9]{7})([0-9]{14})([0-9]{3})([0-9]{3})$/.exec(code);
  if (dpdBarcode) return { valid: true, carrier: 'dpd', tracking: dpdBarcode[2] ?? '' };

  const dpdPrinted = /^(?:[0-9]{7}([0-9]{14})[0-9]{6}|([0-9]{14}))([0-9A-Z])$/.exec(code);
  if (dpdPrinted) {
    const tracking = dpdPrinted[1] ?? dpdPrinted[2] ?? '';
    const expected = mod3736CheckCharacter(code.slice(0, -1));
    if (expected === dpdPrinted[3]) return { valid: true, carrier: 'dpd', tracking };
    // Fifteen digits are not distinctive enough (an IMEI has 15) to call a mismatch a bad DPD number.
    if (code.length === 15 && /^[0-9]+$/.test(code)) return null;
    return { valid: false, carrier: 'dpd', tracking, message: `DPD number ${code} should end in ${expected}` };
  }

  if (/^[0-9A-Z][A-Z][0-9]{11}$/.test(code)) return { valid: true, carrier: 'colissimo', tracking: code };
  return null;
}

/**
 * A well-formed tracking number of `carrier` for serial `serial` (0–99,999,999): what a carrier's
 * label would carry, for the demo site's labels and the tests. Colissimo and Chronopost as UPU S10
 * (CP…FR, EE…FR), DPD as its 14-digit parcel number with its check character, UPS with its check digit.
 */
export function trackingNumber(carrier: Exclude<Carrier, 'unknown-carrier'>, serial: number): string {
  const digits = String(serial).padStart(8, '0');
  if (!/^[0-9]{8}$/.test(digits)) throw new RangeError(`serial ${serial} is not 0–99,999,999`);
  switch (carrier) {
    case 'colissimo':
      return `CP${digits}${s10CheckDigit(digits)}FR`;
    case 'chronopost':
      return `EE${digits}${s10CheckDigit(digits)}FR`;
    case 'dpd': {
      const parcel = `050${digits}123`;
      return `${parcel}${mod3736CheckCharacter(parcel)}`;
    }
    case 'ups': {
      const body = `A1B2C3${'01'}${digits.slice(1)}`;
      return `1Z${body}${upsCheckDigit(body)}`;
    }
  }
}
