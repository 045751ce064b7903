import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../shared/people';
import { roles, type Role } from '../../../shared/roles';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { useFeedback } from '../../ui/feedback';
import { LoadState } from '../../ui/LoadState';
import { NewUserForm } from './NewUserForm';
import { ResetPinForm } from './ResetPinForm';
import { useAdmin } from './store';

export function PeoplePanel() {
  const { t } = useTranslation();
  const users = useAdmin((state) => state.users);
  const usersLoad = useAdmin((state) => state.usersLoad);
  const loadUsers = useAdmin((state) => state.loadUsers);
  const setRole = useAdmin((state) => state.setRole);
  const setDisabled = useAdmin((state) => state.setDisabled);
  const show = useFeedback((state) => state.show);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserView | null>(null);

  useEffect(() => {
    void loadUsers();
  }, [loadUsers]);

  const report = (result: Awaited<ReturnType<typeof setRole>>, okText: string): void =>
    result.ok ? show('ok', okText) : show('error', errorText(t, result.error));

  const columns: readonly Column<UserView>[] = [
    { key: 'name', header: t('people.name'), cell: (user) => user.name },
    { key: 'badge', header: t('people.badge'), cell: (user) => <code>{user.badge}</code> },
    {
      key: 'role',
      header: t('people.role'),
      cell: (user) => (
        <select
          aria-label={t('people.roleOf', { name: user.name })}
          value={user.role}
          onChange={(event) => void setRole(user.id, event.target.value as Role).then((r) => report(r, t('people.roleChanged', { name: user.name })))}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      ),
    },
    {
      key: 'status',
      header: t('people.status'),
      cell: (user) => (user.disabled ? t('people.disabled') : user.lockedUntil ? t('people.lockedOut') : t('people.active')),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (user) => (
        <div className="row-actions">
          <Button onClick={() => setResetting(user)}>{t('people.resetPin')}</Button>
          <Button
            variant={user.disabled ? 'secondary' : 'danger'}
            onClick={() =>
              void setDisabled(user.id, !user.disabled).then((r) => report(r, t(user.disabled ? 'people.enabled' : 'people.disabledDone', { name: user.name })))
            }
          >
            {user.disabled ? t('people.enable') : t('people.disable')}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <section aria-labelledby="people-title">
      <div className="section-header">
        <h2 id="people-title">{t('people.title')}</h2>
        {!creating && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t('people.new')}
          </Button>
        )}
      </div>
      {creating && <NewUserForm onDone={() => setCreating(false)} />}
      {resetting && <ResetPinForm user={resetting} onDone={() => setResetting(null)} />}
      <LoadState load={usersLoad} onRetry={() => void loadUsers()}>
        <DataTable columns={columns} rows={users} rowKey={(user) => user.id} empty={t('people.none')} label={t('people.title')} />
      </LoadState>
    </section>
  );
}
