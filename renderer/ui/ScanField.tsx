import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useScans } from '../features/scanning/scans';
import { useScanScope } from './scan-scope';

type Props = {
  readonly label: string;
  readonly hint?: string;
  readonly onScan: (value: string) => void;
  readonly disabled?: boolean;
  readonly name?: string;
  /** Keep the focus here: a scanner types into whatever has focus. */
  readonly keepFocus?: boolean;
  /** The label is read out but not shown: the screen already says it bigger (a flow's prompt). */
  readonly hideLabel?: boolean;
};

/**
 * The field a scanner types into: submits on Enter or Tab (scanner suffixes), clears itself, and
 * takes the focus back when it wanders, unless the person moved to another field on purpose.
 */
export function ScanField({ label, hint, onScan, disabled, name = 'scan', keepFocus = true, hideLabel = false }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const inScope = useScanScope();
  const live = !disabled && inScope;
  // Scanner, camera and dropped-label scans arrive here wherever the focus is (features/scanning).
  useScans((scan) => onScan(scan.text), live);

  const refocus = useCallback((): void => {
    const active = document.activeElement;
    const typingElsewhere =
      active !== input.current && (active instanceof HTMLInputElement || active instanceof HTMLSelectElement || active instanceof HTMLTextAreaElement);
    if (keepFocus && live && !typingElsewhere) input.current?.focus();
  }, [keepFocus, live]);

  useEffect(() => {
    refocus();
    // Back to the scan field after a click on a button or on the page, as soon as focus settles.
    const onFocusOut = (): void => void window.setTimeout(refocus, 0);
    window.addEventListener('focusout', onFocusOut);
    window.addEventListener('focus', refocus);
    return () => {
      window.removeEventListener('focusout', onFocusOut);
      window.removeEventListener('focus', refocus);
    };
  }, [refocus]);

  const submit = (): void => {
    const scanned = value.trim();
    setValue('');
    if (scanned) onScan(scanned);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter' || (event.key === 'Tab' && value.trim() !== '')) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <label className="scan-field">
      <span className={hideLabel ? 'visually-hidden' : 'scan-field-label'}>{label}</span>
      <input
        ref={input}
        name={name}
        data-scan-field=""
        className="scan-field-input"
        value={value}
        disabled={disabled}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {hint && <span className="scan-field-hint">{hint}</span>}
    </label>
  );
}
