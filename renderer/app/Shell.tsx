import { useTranslation } from 'react-i18next';
import { Link, Redirect, useLocation } from 'wouter';
import { LocalePicker } from '../features/login/LoginScreen';
import { useSession } from '../features/session/store';
import { Button } from '../ui/Button';
import { areaOf, areas } from './routes';
import { StaleBanner } from '../features/sync/StaleBanner';
import { SyncBadge } from '../features/sync/SyncBadge';
import { SyncBanners } from '../features/sync/SyncBanners';
import { ClaimLostNotices } from '../features/tasks/ClaimLostNotices';

export function Shell() {
  const { t } = useTranslation();
  const session = useSession((state) => state.session);
  const site = useSession((state) => state.site);
  const lock = useSession((state) => state.lock);
  const logout = useSession((state) => state.logout);
  const setLocale = useSession((state) => state.setLocale);
  const [location] = useLocation();
  if (!session) return null;
  const visible = areas.filter((candidate) => candidate.roles.includes(session.user.role));
  const area = areaOf(location);
  const Current = visible.find((candidate) => candidate.id === area)?.Screen;
  // An address this person may not open (or none yet): their first area.
  const home = `/${visible[0]?.id ?? 'home'}`;

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
            <span className="shell-user-name" title={session.user.name}>
              {session.user.name}
            </span>
            <span className="role-tag">{t(`roles.${session.user.role}`)}</span>
            <LocalePicker compact value={session.user.locale} onChange={(locale) => void setLocale(locale)} />
            <Button onClick={() => void lock()}>{t('shell.lock')}</Button>
            <Button onClick={() => void logout()}>{t('shell.logout')}</Button>
          </div>
        </div>
        <nav className="shell-nav" aria-label={t('shell.navigation')}>
          {visible.map((candidate) => (
            <Link
              key={candidate.id}
              href={`/${candidate.id}`}
              className={`nav-item ${candidate.id === area ? 'is-current' : ''}`}
              aria-current={candidate.id === area ? 'page' : undefined}
            >
              {t(`shell.areas.${candidate.id}`)}
            </Link>
          ))}
        </nav>
      </header>
      <StaleBanner />
      <SyncBanners />
      <ClaimLostNotices />
      <div className="shell-body">{Current ? <Current /> : <Redirect to={home} replace />}</div>
    </div>
  );
}
