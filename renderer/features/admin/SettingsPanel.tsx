import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { locales } from '../../../shared/locale';
import { stationSettingsSchema, type StationSettings } from '../../../shared/settings';
import { localeNames } from '../../i18n';
import { errorText } from '../../lib/errors';
import { useSchemaForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/Field';
import { LoadState } from '../../ui/LoadState';
import { useSession } from '../session/store';
import { useAdmin } from './store';

export function SettingsPanel() {
  const { t } = useTranslation();
  const settings = useAdmin((state) => state.settings);
  const settingsLoad = useAdmin((state) => state.settingsLoad);
  const loadSettings = useAdmin((state) => state.loadSettings);
  const backup = useAdmin((state) => state.backup);
  const show = useFeedback((state) => state.show);
  const site = useSession((state) => state.site);
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
      <LoadState load={settingsLoad} onRetry={() => void loadSettings()}>
        {settings && <SettingsForm key={JSON.stringify(settings)} saved={settings} />}
      </LoadState>
      {site && (
        <div className="card" data-site-time-zone={site.timeZone}>
          <h3>{t('settings.siteTimeZone')}</h3>
          <p className="lead">
            <strong>{site.timeZone}</strong>
          </p>
          <p>{t('settings.siteTimeZoneHint')}</p>
        </div>
      )}
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
  // The contract's schema of `settings.update`, as main parses it.
  const { register, handleSubmit, errorOf } = useSchemaForm(stationSettingsSchema, { defaultValues: saved });

  const save = handleSubmit(async (settings) => {
    const result = await saveSettings(settings);
    show(result.ok ? 'ok' : 'error', result.ok ? t('settings.saved') : errorText(t, result.error));
  });

  return (
    <form className="form card" onSubmit={(event) => void save(event)} noValidate>
      <TextField
        label={t('settings.idleLockSeconds')}
        hint={t('settings.idleHint')}
        inputMode="numeric"
        error={errorOf('idleLockSeconds')}
        {...register('idleLockSeconds', { valueAsNumber: true })}
      />
      <TextField
        label={t('settings.confirmMoveAboveUnits')}
        hint={t('settings.confirmHint')}
        inputMode="numeric"
        error={errorOf('confirmMoveAboveUnits')}
        {...register('confirmMoveAboveUnits', { valueAsNumber: true })}
      />
      <SelectField label={t('settings.defaultLocale')} {...register('defaultLocale')}>
        {locales.map((code) => (
          <option key={code} value={code}>
            {localeNames[code]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('settings.minPinLength')}
        hint={t('settings.minPinHint')}
        {...register('minPinLength', { setValueAs: (value: string) => Number(value) })}
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
