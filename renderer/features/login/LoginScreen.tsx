import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { locales, type Locale } from '../../../shared/locale';
import { localeNames } from '../../i18n';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { PinField } from '../../ui/PinField';
import { ScanField } from '../../ui/ScanField';
import { useSession } from '../session/store';

/** Scan (or type) a badge, then the PIN. */
export function LoginScreen() {
  const { t } = useTranslation();
  const site = useSession((state) => state.site);
  const locale = useSession((state) => state.stationLocale);
  const previewLocale = useSession((state) => state.previewLocale);
  const [badge, setBadge] = useState<Identified | null>(null);

  return (
    <main className="screen screen-narrow login">
      <header className="login-header">
        <h1>
          {t('login.title', { site: site?.name ?? '' })} {site?.demo && <span className="demo-tag">{t('shell.demo')}</span>}
        </h1>
        <LocalePicker value={locale} onChange={previewLocale} />
      </header>
      {badge === null ? <BadgeStep onIdentified={setBadge} /> : <PinStep badge={badge.badge} name={badge.name} onCancel={() => setBadge(null)} />}
    </main>
  );
}

export type Identified = { readonly badge: string; readonly name: string };

/**
 * The badge is identified first (issue #10): an unknown, disabled or locked badge is refused here,
 * in words, and the scan field stays, so nobody types a PIN for a badge that cannot log in.
 */
export function BadgeStep({ onIdentified, label }: { readonly onIdentified: (identified: Identified) => void; readonly label?: string }) {
  const { t } = useTranslation();
  const identify = useSession((state) => state.identify);
  const show = useFeedback((state) => state.show);
  const clear = useFeedback((state) => state.clear);
  const asked = useRef(0);
  const [busy, setBusy] = useState(false);

  const onScan = async (badge: string): Promise<void> => {
    // Only the last badge scanned counts: an answer to an earlier one arriving late is dropped.
    const call = ++asked.current;
    setBusy(true);
    const result = await identify(badge);
    if (call !== asked.current) return;
    setBusy(false);
    if (!result.ok) {
      show('error', errorText(t, result.error));
      return;
    }
    clear();
    onIdentified({ badge, name: result.value.name });
  };

  return (
    <div className="badge-step" data-identifying={busy ? 'true' : 'false'}>
      <ScanField label={label ?? t('login.scanBadge')} hint={t('login.scanBadgeHint')} name="badge" onScan={(badge) => void onScan(badge)} />
    </div>
  );
}

export function PinStep({ badge, name, onCancel }: { readonly badge: string; readonly name: string; readonly onCancel: () => void }) {
  const { t } = useTranslation();
  const login = useSession((state) => state.login);
  const show = useFeedback((state) => state.show);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    if (busy || pin.length < 4) return;
    setBusy(true);
    const result = await login(badge, pin);
    setBusy(false);
    setPin('');
    if (result.ok) {
      show('ok', t('login.welcome', { name: result.value.user.name }));
      return;
    }
    show('error', errorText(t, result.error));
    if (result.error.code !== 'WRONG_PIN') onCancel();
  };

  return (
    <div className="pin-step">
      <p className="badge-echo">{t('login.pinFor', { name })}</p>
      <p className="badge-code">{t('login.badgeLine', { badge })}</p>
      <PinField label={t('login.enterPin')} value={pin} onChange={setPin} onSubmit={() => void submit()} />
      <div className="actions">
        <Button onClick={onCancel}>{t('login.otherBadge')}</Button>
        <Button variant="primary" onClick={() => void submit()} disabled={busy || pin.length < 4}>
          {t('login.submit')}
        </Button>
      </div>
    </div>
  );
}

export function LocalePicker({
  value,
  onChange,
  compact = false,
}: {
  readonly value: Locale;
  readonly onChange: (locale: Locale) => void;
  /** A select for the shell header, where a row of buttons does not fit at 1366 px. */
  readonly compact?: boolean;
}) {
  const { t } = useTranslation();
  if (compact) {
    return (
      <select
        className="locale-select"
        aria-label={t('common.language')}
        value={value}
        onChange={(event) => {
          onChange(event.target.value as Locale);
          // Chosen: back to the scan field, which does not take the focus from a select.
          event.target.blur();
        }}
      >
        {locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {localeNames[code]}
          </option>
        ))}
      </select>
    );
  }
  return (
    <div className="locale-picker" role="group" aria-label={t('common.language')}>
      {locales.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className={`locale-option ${code === value ? 'is-current' : ''}`}
          aria-pressed={code === value}
          // The focus stays in the badge or PIN field: what is typed next is not lost (issue #10).
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChange(code)}
        >
          {localeNames[code]}
        </button>
      ))}
    </div>
  );
}
