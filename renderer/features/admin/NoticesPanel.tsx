import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../shared/diagnostics';
import { formatDateTime } from '../../lib/format';
import { useAdmin } from './store';

/** The station's own health, for its admin (issues #8, #9): what it got past by itself and someone must know. */
export function NoticesPanel() {
  const { t } = useTranslation();
  const notices = useAdmin((state) => state.notices);
  const loadNotices = useAdmin((state) => state.loadNotices);
  useEffect(() => {
    void loadNotices();
  }, [loadNotices]);
  if (notices.length === 0) return null;
  return (
    <section className="card notices" role="status" aria-label={t('notices.title')}>
      <h2>{t('notices.title')}</h2>
      <ul>
        {notices.map((notice) => (
          <li key={`${notice.code}:${String(notice.details['subject'] ?? '')}`} data-notice={notice.code}>
            <time dateTime={notice.at}>{formatDateTime(notice.at)}</time> — {noticeText(t, notice)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function noticeText(t: ReturnType<typeof useTranslation>['t'], notice: Notice): string {
  const details: Record<string, string | number> = { ...notice.details };
  if (typeof details['subject'] === 'string' && notice.code === 'SETTINGS_UNREADABLE') details['subject'] = t(`notices.subjects.${details['subject']}`);
  if (typeof details['task'] === 'string') details['task'] = t(`notices.tasks.${details['task']}`);
  if (typeof details['at'] === 'string') details['at'] = formatDateTime(details['at']);
  return t(`notices.${notice.code}`, details);
}
