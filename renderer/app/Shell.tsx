import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/roles';
import { AdminScreen } from '../features/admin/AdminScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { LocalePicker } from '../features/login/LoginScreen';
import { useSession } from '../features/session/store';
import { Button } from '../ui/Button';

type Area = { readonly id: 'home' | 'admin'; readonly roles: readonly Role[] };

/** Areas a role may open; main refuses the rest anyway, this only keeps the screen honest. */
const areas: readonly Area[] = [
  { id: 'home', roles: ['picker', 'receiver', 'shift_lead', 'admin'] },
  { id: 'admin', roles: ['admin'] },
];

export function Shell() {
  const { t } = useTranslation();
  const session = useSession((state) => state.session);
  const site = useSession((state) => state.site);
  const lock = useSession((state) => state.lock);
  const logout = useSession((state) => state.logout);
  const setLocale = useSession((state) => state.setLocale);
  const [area, setArea] = useState<Area['id']>('home');
  if (!session) return null;
  const visible = areas.filter((candidate) => candidate.roles.includes(session.user.role));

  return (
    <div className="shell">
      <header className="shell-header">
        <div className="shell-site">
          <strong>Quai</strong> · {site?.name}
        </div>
        <nav className="shell-nav" aria-label={t('shell.navigation')}>
          {visible.map((candidate) => (
            <button
              key={candidate.id}
              type="button"
              className={`nav-item ${candidate.id === area ? 'is-current' : ''}`}
              aria-current={candidate.id === area ? 'page' : undefined}
              onClick={() => setArea(candidate.id)}
            >
              {t(`shell.areas.${candidate.id}`)}
            </button>
          ))}
        </nav>
        <div className="shell-user">
          <span className="shell-user-name">{session.user.name}</span>
          <span className="role-tag">{t(`roles.${session.user.role}`)}</span>
          <LocalePicker compact value={session.user.locale} onChange={(locale) => void setLocale(locale)} />
          <Button onClick={() => void lock()}>{t('shell.lock')}</Button>
          <Button onClick={() => void logout()}>{t('shell.logout')}</Button>
        </div>
      </header>
      <div className="shell-body">{area === 'admin' && session.user.role === 'admin' ? <AdminScreen /> : <HomeScreen />}</div>
    </div>
  );
}
