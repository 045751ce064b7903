import { maxParcelGrams } from '../../../shared/packing';

export type WeightEntry = { readonly ok: true; readonly grams: number | null } | { readonly ok: false; readonly problem: 'invalid' | 'tooHeavy' };

/**
 * The parcel's weight as keyed (or typed by a scale): grams as a whole number ("850"), kilograms
 * with a decimal comma or point ("1,25", "0.85"), either with its unit ("850 g", "1,2 kg"). Empty
 * is no weight. A decimal separator means kilograms, so "1.250" is 1250 g read either way.
 */
export function parseWeight(text: string): WeightEntry {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').toLowerCase();
  if (compact === '') return { ok: true, grams: null };
  const match = /^(\d{1,6})(?:[.,](\d{1,3}))?(kg|g)?$/.exec(compact);
  if (!match) return { ok: false, problem: 'invalid' };
  const [, whole = '', fraction, unit] = match;
  const value = Number(`${whole}.${fraction ?? '0'}`);
  const kilograms = unit === 'kg' || (unit === undefined && fraction !== undefined);
  const grams = Math.round(kilograms ? value * 1000 : value);
  if (grams <= 0) return { ok: false, problem: 'invalid' };
  if (grams > maxParcelGrams) return { ok: false, problem: 'tooHeavy' };
  return { ok: true, grams };
}
