import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconcileReport } from '../../../shared/ipc/sync';
import { errorText } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { useSync } from './store';

const tone = { match: 'notice-ok', mismatch: 'notice-error', not_comparable: 'notice-attention', failed: 'notice-error' } as const;

/** "Check stock against the centre": zone by zone equal or not, and the lines of a zone that differs. */
export function ReconcilePanel() {
  const { t } = useTranslation();
  const report = useSync((state) => state.report);
  const reconcile = useSync((state) => state.reconcile);
  const show = useFeedback((state) => state.show);
  const [busy, setBusy] = useState(false);

  const check = async (): Promise<void> => {
    setBusy(true);
    const result = await reconcile();
    setBusy(false);
    if (!result.ok) show('error', errorText(t, result.error));
  };

  return (
    <section aria-label={t('sync.reconcile.title')}>
      <h2>{t('sync.reconcile.title')}</h2>
      <p className="lead">{t('sync.reconcile.intro')}</p>
      <div className="actions">
        <Button variant="primary" onClick={() => void check()} disabled={busy}>
          {busy ? t('sync.reconcile.checking') : t('sync.reconcile.check')}
        </Button>
      </div>
      {report && <Report report={report} />}
    </section>
  );
}

function Report({ report }: { readonly report: ReconcileReport }) {
  const { t } = useTranslation();
  return (
    <div data-reconcile-outcome={report.outcome}>
      <p className={`notice ${tone[report.outcome]}`}>
        {t(`sync.reconcile.outcomes.${report.outcome}`, { at: formatTime(report.at) })}
        {report.message && report.outcome !== 'match' ? ` (${report.message})` : ''}
      </p>
      {report.zones.length > 0 && (
        <table className="differences">
          <thead>
            <tr>
              <th>{t('sync.reconcile.zone')}</th>
              <th className="align-end">{t('sync.reconcile.lines')}</th>
              <th>{t('sync.reconcile.state')}</th>
            </tr>
          </thead>
          <tbody>
            {report.zones.map((zone) => (
              <tr key={zone.zone} data-zone={zone.zone} data-zone-equal={zone.equal}>
                <td>
                  <code>{zone.zone}</code>
                </td>
                <td className="align-end">{zone.lines}</td>
                <td>{zone.equal ? t('sync.reconcile.equal') : <strong>{t('sync.reconcile.different')}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.zones
        .filter((zone) => !zone.equal)
        .map((zone) => (
          <ZoneDifferences key={zone.zone} zone={zone.zone} report={report} />
        ))}
    </div>
  );
}

/** One differing zone, opened on demand: each line as this station and the centre hold it. */
function ZoneDifferences({ zone, report }: { readonly zone: string; readonly report: ReconcileReport }) {
  const { t } = useTranslation();
  const rows = report.differences.filter((line) => line.zone === zone);
  return (
    <details className="card" data-zone-differences={zone}>
      <summary>{t('sync.reconcile.zoneDifferences', { zone, count: rows.length })}</summary>
      <table className="differences">
        <thead>
          <tr>
            <th>{t('stock.sku')}</th>
            <th>{t('sync.reconcile.location')}</th>
            <th>{t('stock.lot')}</th>
            <th>{t('sync.reconcile.container')}</th>
            <th className="align-end">{t('sync.reconcile.station')}</th>
            <th className="align-end">{t('sync.reconcile.centre')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((line) => (
            <tr key={`${line.location}|${line.container ?? ''}|${line.sku}|${line.lot ?? ''}`}>
              <td>
                <code>{line.sku}</code>
              </td>
              <td>
                <code>{line.location}</code>
              </td>
              <td>{line.lot ?? '—'}</td>
              <td>{line.container ?? '—'}</td>
              <td className="align-end">{line.station}</td>
              <td className="align-end">{line.centre}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
