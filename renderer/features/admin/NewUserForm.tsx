import { useTranslation } from 'react-i18next';
import { auth } from '../../../shared/ipc/auth';
import { roles } from '../../../shared/roles';
import { errorText } from '../../lib/errors';
import { useSchemaForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/Field';
import { useAdmin } from './store';

/** The contract's own input of `auth.createUser`: the screen checks what main will check. */
const newUserSchema = auth.createUser.input.pick({ name: true, badge: true, role: true, pin: true });

export function NewUserForm({ onDone }: { readonly onDone: () => void }) {
  const { t } = useTranslation();
  const createUser = useAdmin((state) => state.createUser);
  const show = useFeedback((state) => state.show);
  const { register, handleSubmit, errorOf } = useSchemaForm(newUserSchema, { defaultValues: { name: '', badge: '', role: 'picker', pin: '' } });

  const submit = handleSubmit(async (user) => {
    const result = await createUser(user);
    if (!result.ok) {
      show('error', errorText(t, result.error));
      return;
    }
    show('ok', t('people.created', { name: result.value.name }));
    onDone();
  });

  return (
    <form className="form form-inline card" onSubmit={(event) => void submit(event)} noValidate aria-label={t('people.new')}>
      <TextField label={t('people.name')} error={errorOf('name')} {...register('name')} autoFocus />
      <TextField label={t('people.badge')} error={errorOf('badge')} {...register('badge')} />
      <SelectField label={t('people.role')} {...register('role')}>
        {roles.map((candidate) => (
          <option key={candidate} value={candidate}>
            {t(`roles.${candidate}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('people.pin')} type="password" inputMode="numeric" error={errorOf('pin')} {...register('pin')} />
      <div className="actions">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary">
          {t('people.create')}
        </Button>
      </div>
    </form>
  );
}
