import { useTranslation } from 'react-i18next';
import { dayReportCsv, type DayReport } from '../../../shared/dashboard';
import { downloadText } from '../../lib/download';
import { formatDay, formatNumber } from '../../lib/format';
import { Button } from '../../ui/Button';
import { carrierName } from '../picking/text';

/** The close-of-day report as the CSV file the office keeps (shared/dashboard.ts `dayReportCsv`). */
export const exportDayReport = (report: DayReport): void => downloadText(`day-report-${report.shipDate}.csv`, dayReportCsv(report), 'text/csv;charset=utf-8');

/** The close-of-day report (DOMAIN, the shift lead's day): what left per carrier and trailer, and what did not, with why. */
export function DayReportView({ report }: { readonly report: DayReport }) {
  const { t } = useTranslation();
  return (
    <section
      className="dashboard-panel day-report"
      aria-label={t('dashboard.report.title', { day: formatDay(report.shipDate) })}
      data-day-closed={report.shipDate}
    >
      <h2>{t('dashboard.report.title', { day: formatDay(report.shipDate) })}</h2>
      {/* Already in site time, as the report's file says it. */}
      <p className="lead">{t('dashboard.report.closedBy', { time: report.closedAt, name: report.closedBy })}</p>
      <div className="actions">
        <Button variant="primary" onClick={() => exportDayReport(report)} data-export-day-report="">
          {t('dashboard.report.exportCsv')}
        </Button>
      </div>
      <div className="day-report-tables">
        <div className="data-table">
          <table aria-label={t('dashboard.report.carriers')}>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.report.carrier')}</th>
                <th scope="col" className="align-end">
                  {t('dashboard.figures.due')}
                </th>
                <th scope="col" className="align-end">
                  {t('dashboard.report.shipped')}
                </th>
                <th scope="col" className="align-end">
                  {t('dashboard.report.explained')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.carriers.map((carrier) => (
                <tr key={carrier.carrier} data-carrier={carrier.carrier} data-shipped={carrier.shipped}>
                  <td>{carrierName(t, carrier.carrier)}</td>
                  <td className="align-end">{formatNumber(carrier.due)}</td>
                  <td className="align-end">{formatNumber(carrier.shipped)}</td>
                  <td className="align-end">{formatNumber(carrier.explained)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="data-table">
          <table aria-label={t('dashboard.report.trailers')}>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.report.carrier')}</th>
                <th scope="col">{t('dashboard.report.trailer')}</th>
                <th scope="col" className="align-end">
                  {t('dashboard.report.parcels')}
                </th>
                <th scope="col">{t('dashboard.report.closedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {report.trailers.length === 0 && (
                <tr>
                  <td colSpan={4} className="data-table-empty">
                    {t('dashboard.report.noTrailer')}
                  </td>
                </tr>
              )}
              {report.trailers.map((trailer) => (
                <tr key={`${trailer.carrier} ${trailer.label}`} data-trailer-label={trailer.label}>
                  <td>{carrierName(t, trailer.carrier)}</td>
                  <td>
                    <code>{trailer.label}</code>
                  </td>
                  <td className="align-end">{formatNumber(trailer.parcels)}</td>
                  <td>{trailer.closedAt ?? t('dashboard.report.stillOpen')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {report.explained.length > 0 && (
        <div className="data-table day-report-explained">
          <h3>{t('dashboard.report.notShipped', { count: report.explained.length })}</h3>
          <table aria-label={t('dashboard.report.notShipped', { count: report.explained.length })}>
            <thead>
              <tr>
                <th scope="col">{t('dispatch.order')}</th>
                <th scope="col">{t('dashboard.report.carrier')}</th>
                <th scope="col">{t('dispatch.state')}</th>
                <th scope="col">{t('dispatch.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.explained.map((entry) => (
                <tr key={entry.orderId} data-order={entry.orderId}>
                  <td>
                    <code>{entry.orderId}</code>
                  </td>
                  <td>{carrierName(t, entry.carrier)}</td>
                  <td>{t(`dashboard.close.leftStates.${entry.state}`)}</td>
                  <td>{entry.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
