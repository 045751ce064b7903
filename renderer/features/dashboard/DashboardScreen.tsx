import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatTime } from '../../lib/format';
import { LoadState } from '../../ui/LoadState';
import { CloseDay } from './CloseDay';
import { CutoffBoardCard } from './CutoffBoardCard';
import { DayReportView } from './DayReportView';
import { DayChart } from './DayChart';
import { OpenExceptionsPanel, SyncPanel } from './DashboardPanels';
import { useDashboard } from './store';
import './dashboard.css';

/**
 * The shift lead's day (DOMAIN; shared/ipc/dashboard.ts): one board per carrier and cutoff, its
 * forecast first, then the day's chart, the open exceptions and the sync state; the close of day
 * (or, once closed, its report) above them. Built for the
 * office screen (1920×1080, read from 3 m) and usable at 1366×768. It reads again when main says
 * the floor's work moved (store.ts), never on a timer.
 */
export function DashboardScreen() {
  const { t } = useTranslation();
  const view = useDashboard((state) => state.view);
  const load = useDashboard((state) => state.load);
  const read = useDashboard((state) => state.read);
  useEffect(() => {
    void read();
  }, [read]);

  return (
    <main className="screen dashboard" data-dashboard={load.status} data-ship-date={view?.shipDate}>
      <header className="dashboard-header">
        <h1>{view ? t('dashboard.title', { day: formatDay(view.shipDate) }) : t('dashboard.titleToday')}</h1>
        {view && (
          <p className="dashboard-as-of" data-dashboard-at={view.at}>
            {t('dashboard.asOf', { time: formatTime(view.at) })}
          </p>
        )}
      </header>
      {view && (view.closed ? <DayReportView report={view.closed} /> : <CloseDay key={view.shipDate} shipDate={view.shipDate} />)}
      <LoadState load={load} onRetry={() => void read()}>
        {view && view.boards.length === 0 && (
          <p className="lead" data-load="empty">
            {t('dashboard.none', { day: formatDay(view.shipDate) })}
          </p>
        )}
        {view && view.boards.length > 0 && (
          <section className="dashboard-boards" aria-label={t('dashboard.boards')}>
            {view.boards.map((board) => (
              <CutoffBoardCard key={`${board.cutoff} ${board.carrier}`} board={board} />
            ))}
          </section>
        )}
      </LoadState>
      <div className="dashboard-lower">
        {view && view.boards.length > 0 && <DayChart series={view.series} boards={view.boards} />}
        <div className="dashboard-side">
          <OpenExceptionsPanel />
          <SyncPanel />
        </div>
      </div>
    </main>
  );
}
