import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { scannerSettingsSchema, scannerSuffixes, type ScannerSettings, type ScannerSuffix } from '../../../shared/scanner';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { useFeedback } from '../../ui/feedback';
import { useScanner } from './store';

type Draft = Record<'interKeyMaxMs' | 'minLength' | 'prefix' | 'gsSubstitute' | 'dedupeWindowMs', string> & { suffix: ScannerSuffix };

const draftOf = (settings: ScannerSettings): Draft => ({
  interKeyMaxMs: String(settings.interKeyMaxMs),
  minLength: String(settings.minLength),
  prefix: settings.prefix,
  suffix: settings.suffix,
  gsSubstitute: settings.gsSubstitute,
  dedupeWindowMs: String(settings.dedupeWindowMs),
});

/** Starts from `start` (the saved settings, or a test scan's suggestion); a new `key` restarts it. */
export function ScannerSettingsForm({ start }: { readonly start: ScannerSettings }) {
  const { t } = useTranslation();
  const save = useScanner((state) => state.save);
  const show = useFeedback((state) => state.show);
  const [draft, setDraft] = useState<Draft>(() => draftOf(start));
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const set = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));
    const parsed = scannerSettingsSchema.safeParse({
      ...draft,
      interKeyMaxMs: number(draft.interKeyMaxMs),
      minLength: number(draft.minLength),
      dedupeWindowMs: number(draft.dedupeWindowMs),
    });
    if (!parsed.success) {
      setInvalid(new Set(parsed.error.issues.map((issue) => String(issue.path[0]))));
      return;
    }
    setInvalid(new Set());
    const result = await save(parsed.data);
    show(result.ok ? 'ok' : 'error', result.ok ? t('scanning.settings.saved') : errorText(t, result.error));
  };
  const error = (field: string): string | undefined => (invalid.has(field) ? t(`scanning.settings.invalid.${field}`) : undefined);

  return (
    <form className="form card" aria-label={t('scanning.settings.title')} onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('scanning.settings.title')}</h2>
      <div className="form-columns">
        <TextField
          label={t('scanning.settings.interKeyMaxMs')}
          hint={t('scanning.settings.interKeyHint')}
          name="inter-key-max-ms"
          inputMode="numeric"
          value={draft.interKeyMaxMs}
          error={error('interKeyMaxMs')}
          onChange={set('interKeyMaxMs')}
        />
        <TextField
          label={t('scanning.settings.minLength')}
          name="min-length"
          inputMode="numeric"
          value={draft.minLength}
          error={error('minLength')}
          onChange={set('minLength')}
        />
        <TextField
          label={t('scanning.settings.prefix')}
          hint={t('scanning.settings.prefixHint')}
          name="prefix"
          value={draft.prefix}
          error={error('prefix')}
          onChange={set('prefix')}
        />
        <SelectField label={t('scanning.settings.suffix')} name="suffix" value={draft.suffix} onChange={set('suffix')}>
          {scannerSuffixes.map((suffix) => (
            <option key={suffix} value={suffix}>
              {t(`scanning.suffixes.${suffix}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('scanning.settings.gsSubstitute')}
          hint={t('scanning.settings.gsHint')}
          name="gs-substitute"
          value={draft.gsSubstitute}
          error={error('gsSubstitute')}
          onChange={set('gsSubstitute')}
        />
        <TextField
          label={t('scanning.settings.dedupeWindowMs')}
          hint={t('scanning.settings.dedupeHint')}
          name="dedupe-window-ms"
          inputMode="numeric"
          value={draft.dedupeWindowMs}
          error={error('dedupeWindowMs')}
          onChange={set('dedupeWindowMs')}
        />
      </div>
      <Button type="submit" variant="primary">
        {t('common.save')}
      </Button>
    </form>
  );
}
