import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeepFocus } from './keep-focus';

type Props = {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onSubmit: () => void;
  readonly autoFocus?: boolean;
  readonly name?: string;
  /** The lock screen also takes a badge scan in this field, so it must keep letters. */
  readonly digitsOnly?: boolean;
};

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/** A PIN: digits only, hidden, from the keyboard or the big on-screen keypad. */
export function PinField({ label, value, onChange, onSubmit, autoFocus = true, name = 'pin', digitsOnly = true }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  // The PIN typed right after a click on a language or a key of the keypad lands here (issue #10).
  useKeepFocus(input, autoFocus);

  const press = (key: (typeof keys)[number]): void => {
    if (key === 'clear') onChange('');
    else if (key === 'back') onChange(value.slice(0, -1));
    else if (value.length < 6) onChange(value + key);
    input.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onSubmit();
    }
  };

  return (
    <div className="pin-field">
      <label className="field">
        <span className="field-label">{label}</span>
        <input
          ref={input}
          name={name}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={digitsOnly ? 6 : 64}
          className="pin-input"
          value={value}
          onChange={(event) => onChange(digitsOnly ? event.target.value.replace(/\D/g, '').slice(0, 6) : event.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      <div className="keypad" role="group" aria-label={t('pin.keypad')}>
        {keys.map((key) => (
          <button key={key} type="button" className="keypad-key" tabIndex={-1} onClick={() => press(key)}>
            {key === 'clear' ? t('pin.clear') : key === 'back' ? '⌫' : key}
          </button>
        ))}
      </div>
    </div>
  );
}
