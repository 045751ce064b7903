/**
 * Validation of one AI value against its Syntax Dictionary entry: length, character set, then every
 * linter of every component, in the order of gs1-syntax-engine ai.c `validate_ai_val`.
 */

import { aiMaxLength, aiMinLength } from './ai-table';
import { csetLinters, errorCodeForLintError, lintErrorMessage, linters } from './linter-registry';
import type { AiEntry } from './syntax-dictionary';
import type { Gs1Error } from './types';

/** The dictionary's format specification, e.g. "N13 [X..17]", for messages. */
export const formatSpec = (entry: Readonly<AiEntry>): string =>
  entry.components
    .map((c) => {
      const spec = `${c.cset}${c.min === c.max ? c.max : `..${c.max}`}`;
      return c.optional ? `[${spec}]` : spec;
    })
    .join(' ');

const lengthError = (ai: string, position: number, message: string, value: string): Gs1Error => ({
  code: 'GS1_BAD_LENGTH',
  message,
  details: { ai, position, value },
});

/**
 * Whole-value length check done before the linters when the value's extent is known (bracketed input,
 * Digital Link): gs1-syntax-engine `gs1_aiValLengthContentCheck`, so a truncated value is reported as
 * too short rather than as a wrong check digit.
 */
export function checkValueLength(ai: string, entry: Readonly<AiEntry>, value: string, position: number): Gs1Error | null {
  if (value === '') return lengthError(ai, position, `AI (${ai}) has no data`, value);
  if (value.length < aiMinLength(entry)) {
    return lengthError(ai, position, `AI (${ai}) value "${value}" is too short for format ${formatSpec(entry)}`, value);
  }
  if (value.length > aiMaxLength(entry)) {
    return lengthError(ai, position, `AI (${ai}) value "${value}" is too long for format ${formatSpec(entry)}`, value);
  }
  return null;
}

export type ValueCheck = { readonly ok: true; readonly consumed: number } | { readonly ok: false; readonly error: Gs1Error };

/**
 * Validates the components of `data` (the data up to the next FNC1 or the end). Each component takes
 * up to its maximum length; `consumed` says how much was used, so a pre-defined-length AI can be
 * followed directly by the next AI.
 */
export function validateValue(ai: string, entry: Readonly<AiEntry>, data: string, position: number): ValueCheck {
  if (data === '') return { ok: false, error: lengthError(ai, position, `AI (${ai}) has no data`, data) };
  let offset = 0;
  for (const component of entry.components) {
    const length = Math.min(data.length - offset, component.max);
    if (component.optional && length === 0) continue;
    if (length < component.min) {
      const value = data.slice(0, offset + length);
      const message = `AI (${ai}) value "${value}" has the wrong length for format ${formatSpec(entry)}`;
      return { ok: false, error: lengthError(ai, position, message, value) };
    }
    const part = data.slice(offset, offset + length);
    const checks = [
      { name: csetLinters[component.cset].name, lint: csetLinters[component.cset].lint },
      ...component.linters.map((name) => ({ name, lint: linters[name] })),
    ];
    for (const check of checks) {
      const failure = check.lint(part);
      if (failure === null) continue;
      const value = data.slice(0, aiMaxLength(entry));
      return {
        ok: false,
        error: {
          code: errorCodeForLintError(failure.error),
          message: `AI (${ai}) ${lintErrorMessage(failure.error)}: "${value}"`,
          details: {
            ai,
            position,
            value,
            linter: check.name,
            linterError: failure.error,
            errorPosition: offset + failure.position,
            errorLength: failure.length,
          },
        },
      };
    }
    offset += length;
  }
  return { ok: true, consumed: offset };
}
