import { useRef, useState, type KeyboardEvent } from 'react';
import { useScans } from '../features/scanning/scans';
import { useFeedback } from './feedback';
import { useKeepFocus } from './keep-focus';
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
  useScans((scan) => {
    // A camera or dropped-label scan is the next action too: the last answer goes (issue #10).
    useFeedback.getState().clear();
    onScan(scan.text);
  }, live);

  useKeepFocus(input, keepFocus && live);

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
