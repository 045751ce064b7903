import { useTranslation } from 'react-i18next';
import type { RecountResult as Result } from '../../../shared/sync/station-events';

/** What the recount found, line by line: the stock the station held, the count, the difference. */
export function RecountResult({ result }: { readonly result: Result }) {
  const { t } = useTranslation();
  const lines = result.outcome === 'matched' ? result.lines : result.lines.filter((line) => line.counted !== line.expected);
  if (lines.length === 0) return null;
  return (
    <table className="differences">
      <thead>
        <tr>
          <th>{t('stock.sku')}</th>
          <th>{t('stock.lot')}</th>
          <th className="align-end">{t('stock.expected')}</th>
          <th className="align-end">{t('stock.countedLabel')}</th>
          <th className="align-end">{t('stock.difference')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const difference = line.counted - line.expected;
          return (
            <tr key={`${line.sku}|${line.lot ?? ''}`}>
              <td>
                <code>{line.sku}</code>
              </td>
              <td>{line.lot ?? '—'}</td>
              <td className="align-end">{line.expected}</td>
              <td className="align-end">{line.counted}</td>
              <td className="align-end">
                <strong>
                  {difference > 0 ? '+' : ''}
                  {difference}
                </strong>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
