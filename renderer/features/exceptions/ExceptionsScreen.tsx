import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadState } from '../../ui/LoadState';
import { RouteTabs, useRouteTab } from '../../ui/RouteTabs';
import { useSession } from '../session/store';
import { ExceptionCard } from './ExceptionCard';
import { ResolvedExceptions } from './ResolvedExceptions';
import { useExceptions } from './store';

const tabs = ['open', 'resolved'] as const;

/**
 * The shift lead's exceptions of the whole site (shared/ipc/exceptions.ts): short picks, lost
 * claims, orders changed mid-pick, stock below zero, from every station, each with the actions
 * that settle it; and, apart, what was settled. An admin sees them without the actions.
 */
export function ExceptionsScreen() {
  const { t } = useTranslation();
  const links = tabs.map((id) => ({ id, label: t(`exceptions.tabs.${id}`) }));
  const current = useRouteTab('/exceptions', links);
  return (
    <main className="screen" data-exceptions-view={current ?? ''}>
      <h1>{t('exceptions.title')}</h1>
      <RouteTabs base="/exceptions" tabs={links} label={t('exceptions.title')} />
      {current === 'open' && <OpenExceptions />}
      {current === 'resolved' && <ResolvedExceptions />}
    </main>
  );
}

function OpenExceptions() {
  const { t } = useTranslation();
  const role = useSession((state) => state.session?.user.role);
  const open = useExceptions((state) => state.open);
  const load = useExceptions((state) => state.openLoad);
  const read = useExceptions((state) => state.read);
  useEffect(() => {
    void read('open');
  }, [read]);
  return (
    <LoadState load={load} onRetry={() => void read('open')}>
      <section aria-label={t('exceptions.tabs.open')} data-exceptions-open={open.length}>
        {role === 'admin' && <p className="lead">{t('exceptions.leadOnly')}</p>}
        {open.length === 0 ? (
          <p className="lead" data-load="empty">
            {t('exceptions.none')}
          </p>
        ) : (
          open.map((exception) => <ExceptionCard key={exception.exceptionId} exception={exception} />)
        )}
      </section>
    </LoadState>
  );
}
