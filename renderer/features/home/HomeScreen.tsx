import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { BigNumber } from '../../ui/BigNumber';
import { useSession } from '../session/store';
import { formatTime } from '../../lib/format';

/** Who is at the station and since when; the floor's work areas join here as they are built. */
export function HomeScreen() {
  const { t } = useTranslation();
  const session = useSession((state) => state.session);
  const site = useSession((state) => state.site);
  if (!session) return null;
  const since = formatTime(session.startedAt);
  return (
    <main className="screen">
      <h1>{t('home.title', { name: session.user.name })}</h1>
      <div className="figures">
        <BigNumber words label={t('home.site')} value={site ? `${site.code} · ${site.name}` : '—'} />
        <BigNumber words label={t('home.role')} value={t(`roles.${session.user.role}`)} />
        <BigNumber label={t('home.since')} value={since} />
        <BigNumber label={t('home.idleLock')} value={t('home.seconds', { count: session.idleLockSeconds })} />
      </div>
      <div className="actions">
        <Link href="/tasks" className="button button-primary">
          {t('home.openTasks')}
        </Link>
      </div>
    </main>
  );
}
