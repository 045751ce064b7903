/**
 * GS1 element strings, raw (as scanned: FNC1 = GS, 0x1D) and human-readable ("(01)…(10)…").
 *
 * Raw strings: the AI length comes from its first two digits (GS1 GenSpecs §7.8.5, "Element strings
 * with pre-defined length"), an AI flagged `*` in the dictionary is followed directly by the next AI,
 * any other AI runs to the next FNC1 or the end (gs1-syntax-engine ai.c `gs1_processAIdata`).
 */

import { aiLengthAt, aiMaxLength, lookupAi } from './ai-table';
import { checkValueLength, validateValue } from './element-value';
import { GS, gs1Failure } from './types';
import type { Gs1Element, Gs1Error } from './types';

export type ElementsOrError = { readonly ok: true; readonly elements: Gs1Element[] } | { readonly ok: false; readonly error: Gs1Error };

/** Control characters shown in messages: GS as "<GS>", the others as "?". */
const printable = (s: string): string => [...s].map((c) => (c === GS ? '<GS>' : c < ' ' || c === '\x7f' ? '?' : c)).join('');

const unknownAi = (candidate: string, position: number, source: string): { readonly ok: false; readonly error: Gs1Error } =>
  gs1Failure('GS1_UNKNOWN_AI', `Unknown AI (${candidate}) at position ${position} of ${source}`, {
    ai: candidate,
    position,
  });

/** Raw element string; a leading FNC1 and a trailing one are tolerated. */
export function parseElementString(input: string): ElementsOrError {
  let data = input;
  let start = 0;
  while (data[start] === GS) start++;
  while (data.endsWith(GS)) data = data.slice(0, -1);
  if (start >= data.length) return gs1Failure('GS1_EMPTY', 'No GS1 element string to parse');

  const elements: Gs1Element[] = [];
  let p = start;
  let next = -1;
  while (p < data.length) {
    const aiLength = /^[0-9]{2}/.test(data.slice(p, p + 2)) ? aiLengthAt(data.slice(p)) : undefined;
    const ai = aiLength === undefined ? '' : data.slice(p, p + aiLength);
    const entry = aiLength === undefined || ai.length < aiLength ? undefined : lookupAi(ai);
    if (entry === undefined) {
      // With no AI length for these two digits, the two digits are all we can name.
      const candidate = ai !== '' ? ai : (/^[0-9]{1,2}/.exec(data.slice(p))?.[0] ?? printable(data.slice(p, p + 4)));
      return unknownAi(candidate, p, 'the element string');
    }
    const valueStart = p + ai.length;
    if (next !== data.length && next < valueStart) next = data.indexOf(GS, valueStart);
    if (next === -1) next = data.length;
    const end = next;
    // One character past the longest value is enough to tell "too long" (and keeps long input linear).
    const check = validateValue(ai, entry, data.slice(valueStart, Math.min(end, valueStart + aiMaxLength(entry) + 1)), p);
    if (!check.ok) return check;
    if (entry.fnc1 && valueStart + check.consumed < end) {
      const value = data.slice(valueStart, end);
      return gs1Failure('GS1_BAD_LENGTH', `AI (${ai}) value "${value}" is too long (or an FNC1 is missing after it)`, {
        ai,
        position: p,
        value,
      });
    }
    elements.push({ ai, value: data.slice(valueStart, valueStart + check.consumed) });
    p = valueStart + check.consumed;
    if (data[p] === GS) p++;
  }
  return { ok: true, elements };
}

/**
 * Human-readable form "(AI)value(AI)value…". A "(" inside a value is written "\(" (gs1-syntax-engine
 * ai.c `gs1_parseAIdata`). Spaces are kept, and refused by the character sets: dropping them could turn
 * a mistyped lot "A B" into another lot "AB".
 */
export function parseBracketed(data: string): ElementsOrError {
  if (data === '') return gs1Failure('GS1_EMPTY', 'No GS1 element string to parse');
  const found: { ai: string; value: string; position: number }[] = [];
  let p = 0;
  while (p < data.length) {
    if (data[p] !== '(') {
      return gs1Failure('GS1_BAD_SYNTAX', `Expected "(" at position ${p} of the human-readable form`, { position: p });
    }
    const close = data.indexOf(')', p + 1);
    if (close === -1) {
      return gs1Failure('GS1_BAD_SYNTAX', `AI at position ${p} has no closing ")"`, { position: p });
    }
    const ai = data.slice(p + 1, close);
    if (lookupAi(ai) === undefined) return unknownAi(ai, p, 'the human-readable form');
    let value = '';
    let q = close + 1;
    for (;;) {
      const open = data.indexOf('(', q);
      const stop = open === -1 ? data.length : open;
      if (open !== -1 && data[open - 1] === '\\') {
        value += `${data.slice(q, open - 1)}(`;
        q = open + 1;
        continue;
      }
      value += data.slice(q, stop);
      q = stop;
      break;
    }
    found.push({ ai, value, position: p });
    p = q;
  }
  for (const { ai, value, position } of found) {
    const entry = lookupAi(ai);
    const lengthProblem = entry === undefined ? null : checkValueLength(ai, entry, value, position);
    if (lengthProblem) return { ok: false, error: lengthProblem };
  }
  for (const { ai, value, position } of found) {
    const entry = lookupAi(ai);
    if (entry === undefined) continue;
    const check = validateValue(ai, entry, value, position);
    if (!check.ok) return check;
  }
  return { ok: true, elements: found.map(({ ai, value }) => ({ ai, value })) };
}
