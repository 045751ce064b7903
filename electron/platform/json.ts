/**
 * JSON read back from a database row or a file: damaged text is an answer, never an exception
 * that stops the program (issue #8: a corrupt settings row stopped the core from starting).
 */
export function parseStoredJson(text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
