import { useTranslation } from 'react-i18next';

export type DifferenceLine = {
  readonly sku: string;
  readonly description?: string;
  readonly lot: string | null;
  readonly expected: number;
  readonly counted: number;
};

/** A count's lines against the stock the station held: expected, counted, and the difference (approvals, a task's recount). */
export function DifferencesTable({ lines }: { readonly lines: readonly DifferenceLine[] }) {
  const { t } = useTranslation();
  const described = lines.some((line) => line.description !== undefined);
  return (
    <table className="differences">
      <thead>
        <tr>
          <th>{t('stock.sku')}</th>
          {described && <th>{t('stock.description')}</th>}
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
              {described && <td>{line.description}</td>}
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
