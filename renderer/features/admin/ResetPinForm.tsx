import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pinSchema, type UserView } from '../../../shared/people';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { TextField } from '../../ui/Field';
import { useAdmin } from './store';

export function ResetPinForm({ user, onDone }: { readonly user: UserView; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const resetPin = useAdmin((state) => state.resetPin);
  const show = useFeedback((state) => state.show);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!pinSchema.safeParse(pin).success) {
      setError(t('people.pinInvalid'));
      return;
    }
    const result = await resetPin(user.id, pin);
    if (!result.ok) {
      show('error', errorText(t, result.error));
      return;
    }
    show('ok', t('people.pinReset', { name: user.name }));
    onDone();
  };

  return (
    <form className="form form-inline card" onSubmit={(event) => void submit(event)} noValidate aria-label={t('people.resetPinFor', { name: user.name })}>
      <h3>{t('people.resetPinFor', { name: user.name })}</h3>
      <TextField
        label={t('people.newPin')}
        name="new-pin"
        type="password"
        inputMode="numeric"
        value={pin}
        error={error}
        onChange={(e) => setPin(e.target.value)}
        autoFocus
      />
      <div className="actions">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary">
          {t('people.resetPin')}
        </Button>
      </div>
    </form>
  );
}
