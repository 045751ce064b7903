import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { locales, type Locale } from '../../../shared/locale';
import { stationSettingsSchema, type StationSettings } from '../../../shared/settings';
import { localeNames } from '../../i18n';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/Field';
import { useAdmin } from './store';

export function SettingsPanel() {
  const { t } = useTranslation();
  const settings = useAdmin((state) => state.settings);
  const loadSettings = useAdmin((state) => state.loadSettings);
  const backup = useAdmin((state) => state.backup);
  const show = useFeedback((state) => state.show);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);

  const backupNow = async (): Promise<void> => {
    setBusy(true);
    const result = await backup();
    setBusy(false);
    show(result.ok ? 'ok' : 'error', result.ok ? t('settings.backupDone', { file: result.value.file }) : errorText(t, result.error));
  };

  return (
    <section>
      <h2>{t('settings.title')}</h2>
      {settings ? <SettingsForm key={JSON.stringify(settings)} saved={settings} /> : <p>{t('common.loading')}</p>}
      <div className="card">
        <h3>{t('settings.backupTitle')}</h3>
        <p>{t('settings.backupIntro')}</p>
        <Button onClick={() => void backupNow()} disabled={busy}>
          {t('settings.backupNow')}
        </Button>
      </div>
    </section>
  );
}

/** Starts from the saved settings; a new `key` after saving starts it again from main's answer. */
function SettingsForm({ saved }: { readonly saved: StationSettings }) {
  const { t } = useTranslation();
  const saveSettings = useAdmin((state) => state.saveSettings);
  const show = useFeedback((state) => state.show);
  const [idle, setIdle] = useState(String(saved.idleLockSeconds));
  const [locale, setLocale] = useState<Locale>(saved.defaultLocale);
  const [minPinLength, setMinPinLength] = useState<StationSettings['minPinLength']>(saved.minPinLength);
  const [error, setError] = useState<string | undefined>();

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = stationSettingsSchema.shape.idleLockSeconds.safeParse(Number(idle));
    if (idle.trim() === '' || !parsed.success) {
      setError(t('settings.idleInvalid'));
      return;
    }
    setError(undefined);
    const result = await saveSettings({ idleLockSeconds: parsed.data, defaultLocale: locale, minPinLength });
    show(result.ok ? 'ok' : 'error', result.ok ? t('settings.saved') : errorText(t, result.error));
  };

  return (
    <form className="form card" onSubmit={(event) => void save(event)} noValidate>
      <TextField
        label={t('settings.idleLockSeconds')}
        hint={t('settings.idleHint')}
        name="idle-lock-seconds"
        inputMode="numeric"
        value={idle}
        error={error}
        onChange={(event) => setIdle(event.target.value)}
      />
      <SelectField label={t('settings.defaultLocale')} name="default-locale" value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
        {locales.map((code) => (
          <option key={code} value={code}>
            {localeNames[code]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('settings.minPinLength')}
        hint={t('settings.minPinHint')}
        name="min-pin-length"
        value={String(minPinLength)}
        onChange={(event) => setMinPinLength(event.target.value === '6' ? 6 : 4)}
      >
        {([4, 6] as const).map((length) => (
          <option key={length} value={length}>
            {t('settings.pinDigits', { count: length })}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="primary">
        {t('common.save')}
      </Button>
    </form>
  );
}
