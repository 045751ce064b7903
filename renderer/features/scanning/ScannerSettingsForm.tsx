import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { useSchemaForm } from '../../lib/forms';
import { scannerSettingsSchema, scannerSuffixes, type ScannerSettings } from '../../../shared/scanner';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { useFeedback } from '../../ui/feedback';
import { useScanner } from './store';

/** Starts from `start` (the saved settings, or a test scan's suggestion); a new `key` restarts it. */
export function ScannerSettingsForm({ start }: { readonly start: ScannerSettings }) {
  const { t } = useTranslation();
  const save = useScanner((state) => state.save);
  const show = useFeedback((state) => state.show);
  // The contract's own schema: the bounds the screen enforces are the ones main enforces.
  const { register, handleSubmit, errorOf } = useSchemaForm(scannerSettingsSchema, { defaultValues: start });

  const submit = handleSubmit(async (settings) => {
    const result = await save(settings);
    show(result.ok ? 'ok' : 'error', result.ok ? t('scanning.settings.saved') : errorText(t, result.error));
  });
  const number = { valueAsNumber: true } as const;

  return (
    <form className="form card" aria-label={t('scanning.settings.title')} onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('scanning.settings.title')}</h2>
      <div className="form-columns">
        <TextField
          label={t('scanning.settings.interKeyMaxMs')}
          hint={t('scanning.settings.interKeyHint')}
          inputMode="numeric"
          error={errorOf('interKeyMaxMs')}
          {...register('interKeyMaxMs', number)}
        />
        <TextField label={t('scanning.settings.minLength')} inputMode="numeric" error={errorOf('minLength')} {...register('minLength', number)} />
        <TextField label={t('scanning.settings.prefix')} hint={t('scanning.settings.prefixHint')} error={errorOf('prefix')} {...register('prefix')} />
        <SelectField label={t('scanning.settings.suffix')} {...register('suffix')}>
          {scannerSuffixes.map((suffix) => (
            <option key={suffix} value={suffix}>
              {t(`scanning.suffixes.${suffix}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('scanning.settings.gsSubstitute')}
          hint={t('scanning.settings.gsHint')}
          error={errorOf('gsSubstitute')}
          {...register('gsSubstitute')}
        />
        <TextField
          label={t('scanning.settings.dedupeWindowMs')}
          hint={t('scanning.settings.dedupeHint')}
          inputMode="numeric"
          error={errorOf('dedupeWindowMs')}
          {...register('dedupeWindowMs', number)}
        />
      </div>
      <Button type="submit" variant="primary">
        {t('common.save')}
      </Button>
    </form>
  );
}
