/**
 * Numeric values of the AIs whose fourth digit n gives the number of decimal places (GS1 General
 * Specifications, trade and logistic measures 310n–369n and amounts, prices and percentages 390n–395n).
 */

import { lookupAi } from './ai-table';

/**
 * Value of a decimal-point AI as a number, e.g. gs1Decimal('3103', '000195') = 0.195 (kg).
 * For 391n and 393n the first three digits are the ISO 4217 currency and are skipped.
 * Null when the AI is not a decimal-point AI or the value is not digits.
 */
export function gs1Decimal(ai: string, value: string): number | null {
  if (typeof ai !== 'string' || typeof value !== 'string') return null;
  if (!/^3[1-9][0-9]{2}$/.test(ai) || lookupAi(ai) === undefined || !/^[0-9]+$/.test(value)) return null;
  const decimals = Number(ai[3]);
  const measure = /^3[1-6]/.test(ai);
  const amount = /^39[0-5]/.test(ai);
  if (!measure && !amount) return null;
  const digits = ai.startsWith('391') || ai.startsWith('393') ? value.slice(3) : value;
  if (digits === '') return null;
  const padded = digits.padStart(decimals + 1, '0');
  const integer = padded.slice(0, padded.length - decimals);
  const fraction = padded.slice(padded.length - decimals);
  return Number(decimals === 0 ? integer : `${integer}.${fraction}`);
}
