import type { Gs1ErrorCode } from './errors';

/** One GS1 element string: Application Identifier and its value, as carried in the symbol. */
export type Gs1Element = { readonly ai: string; readonly value: string };

export type Gs1Error = {
  readonly code: Gs1ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
};

export type Gs1ParseResult = { readonly ok: true; readonly elements: Gs1Element[] } | { readonly ok: false; readonly error: Gs1Error };

export type Gs1ParseOptions = {
  /**
   * Text a keyboard-wedge scanner sends instead of the GS character (0x1D) for FNC1, e.g. "<GS>",
   * "|" or "~". Every occurrence is read as FNC1.
   */
  readonly gsSubstitute?: string;
};

export const GS = '\x1d';

export const gs1Failure = (
  code: Gs1ErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): { readonly ok: false; readonly error: Gs1Error } => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
