import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalePicker } from '../features/login/LoginScreen';
import { useSession } from '../features/session/store';
import { Button } from '../ui/Button';
import { areas } from './areas';
import { StaleBanner } from '../features/sync/StaleBanner';
import { SyncBadge } from '../features/sync/SyncBadge';

export function Shell() {
  const { t } = useTranslation();
  const session = useSession((state) => state.session);
  const site = useSession((state) => state.site);
  const lock = useSession((state) => state.lock);
  const logout = useSession((state) => state.logout);
  const setLocale = useSession((state) => state.setLocale);
  const [area, setArea] = useState('home');
  if (!session) return null;
  const visible = areas.filter((candidate) => candidate.roles.includes(session.user.role));
  const Current = (visible.find((candidate) => candidate.id === area) ?? visible[0])?.Screen;

  return (
    <div className="shell">
      <header className="shell-header">
        {/* Two rows at every width: who and where on top, the work areas below, never wrapped at random. */}
        <div className="shell-bar">
          <div className="shell-site">
            <strong>Quai</strong> · {site?.name}
            {site?.demo && <span className="demo-tag">{t('shell.demo')}</span>}
          </div>
          <SyncBadge />
          <div className="shell-user">
            <span className="shell-user-name">{session.user.name}</span>
            <span className="role-tag">{t(`roles.${session.user.role}`)}</span>
            <LocalePicker compact value={session.user.locale} onChange={(locale) => void setLocale(locale)} />
            <Button onClick={() => void lock()}>{t('shell.lock')}</Button>
            <Button onClick={() => void logout()}>{t('shell.logout')}</Button>
          </div>
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
      </header>
      <StaleBanner />
      <div className="shell-body">{Current && <Current />}</div>
    </div>
  );
}
