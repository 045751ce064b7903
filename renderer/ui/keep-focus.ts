import { useEffect, type RefObject } from 'react';

/**
 * Keeps the focus on the field a scanner or a PIN is typed into (issue #10): after a click on a
 * button (a language, submit, a dialog's close), focus comes back as soon as it settles, so the
 * next keys land here. A person who moved to another field on purpose keeps it.
 */
export function useKeepFocus(input: RefObject<HTMLInputElement | null>, enabled: boolean): void {
  useEffect(() => {
    const refocus = (): void => {
      const field = input.current;
      const active = document.activeElement;
      const typingElsewhere =
        active !== field && (active instanceof HTMLInputElement || active instanceof HTMLSelectElement || active instanceof HTMLTextAreaElement);
      if (enabled && !typingElsewhere) field?.focus();
    };
    refocus();
    const onFocusOut = (): void => void window.setTimeout(refocus, 0);
    window.addEventListener('focusout', onFocusOut);
    window.addEventListener('focus', refocus);
    return () => {
      window.removeEventListener('focusout', onFocusOut);
      window.removeEventListener('focus', refocus);
    };
  }, [enabled, input]);
}
