import { useTranslation } from 'react-i18next';
import { auth } from '../../../shared/ipc/auth';
import type { UserView } from '../../../shared/people';
import { errorText } from '../../lib/errors';
import { useSchemaForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { TextField } from '../../ui/Field';
import { useAdmin } from './store';

const resetPinSchema = auth.resetPin.input.pick({ pin: true });

export function ResetPinForm({ user, onDone }: { readonly user: UserView; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const resetPin = useAdmin((state) => state.resetPin);
  const show = useFeedback((state) => state.show);
  const { register, handleSubmit, errorOf } = useSchemaForm(resetPinSchema, { defaultValues: { pin: '' } });

  const submit = handleSubmit(async ({ pin }) => {
    const result = await resetPin(user.id, pin);
    if (!result.ok) {
      show('error', errorText(t, result.error));
      return;
    }
    show('ok', t('people.pinReset', { name: user.name }));
    onDone();
  });

  return (
    <form className="form form-inline card" onSubmit={(event) => void submit(event)} noValidate aria-label={t('people.resetPinFor', { name: user.name })}>
      <h3>{t('people.resetPinFor', { name: user.name })}</h3>
      <TextField label={t('people.newPin')} type="password" inputMode="numeric" error={errorOf('pin')} {...register('pin')} autoFocus />
      <div className="actions">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary">
          {t('people.resetPin')}
        </Button>
      </div>
    </form>
  );
}
