import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { badgeSchema, personNameSchema, pinSchema } from '../../../shared/people';
import { roles, type Role } from '../../../shared/roles';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/Field';
import { useAdmin } from './store';

type Errors = Partial<Record<'name' | 'badge' | 'pin', string>>;

export function NewUserForm({ onDone }: { readonly onDone: () => void }) {
  const { t } = useTranslation();
  const createUser = useAdmin((state) => state.createUser);
  const show = useFeedback((state) => state.show);
  const [name, setName] = useState('');
  const [badge, setBadge] = useState('');
  const [role, setRole] = useState<Role>('picker');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found: Errors = {};
    if (!personNameSchema.safeParse(name).success) found.name = t('common.required');
    if (!badgeSchema.safeParse(badge).success) found.badge = t('people.badgeInvalid');
    if (!pinSchema.safeParse(pin).success) found.pin = t('people.pinInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await createUser({ name, badge, role, pin });
    if (!result.ok) {
      show('error', errorText(t, result.error));
      return;
    }
    show('ok', t('people.created', { name: result.value.name }));
    onDone();
  };

  return (
    <form className="form form-inline card" onSubmit={(event) => void submit(event)} noValidate aria-label={t('people.new')}>
      <TextField label={t('people.name')} name="name" value={name} error={errors.name} onChange={(e) => setName(e.target.value)} autoFocus />
      <TextField label={t('people.badge')} name="badge" value={badge} error={errors.badge} onChange={(e) => setBadge(e.target.value)} />
      <SelectField label={t('people.role')} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {roles.map((candidate) => (
          <option key={candidate} value={candidate}>
            {t(`roles.${candidate}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('people.pin')}
        name="pin"
        type="password"
        inputMode="numeric"
        value={pin}
        error={errors.pin}
        onChange={(e) => setPin(e.target.value)}
      />
      <div className="actions">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary">
          {t('people.create')}
        </Button>
      </div>
    </form>
  );
}
