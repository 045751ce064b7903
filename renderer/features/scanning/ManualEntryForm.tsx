import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { useFeedback } from '../../ui/feedback';
import { submitManualEntry } from './scans';

/** A code typed from a torn label; GTINs and SSCCs must pass their check digit first. */
export function ManualEntryForm() {
  const { t } = useTranslation();
  const show = useFeedback((state) => state.show);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const checked = submitManualEntry(code);
    if (!checked.ok) {
      const message = t(`scanning.manual.${checked.reason}`);
      setError(message);
      show('error', message);
      return;
    }
    setError(undefined);
    setCode('');
  };

  return (
    <form className="form card" aria-label={t('scanning.manual.title')} onSubmit={submit} noValidate>
      <h2>{t('scanning.manual.title')}</h2>
      <TextField
        label={t('scanning.manual.code')}
        hint={t('scanning.manual.hint')}
        name="manual-code"
        value={code}
        error={error}
        onChange={(event) => setCode(event.target.value)}
      />
      <Button type="submit" variant="primary">
        {t('scanning.manual.send')}
      </Button>
    </form>
  );
}
