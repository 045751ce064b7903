import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountView } from '../../../shared/stock';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { TextField } from '../../ui/Field';
import { useApprovals } from './store';
import { describe } from './text';

/** Counts that did not match twice: the shift lead approves the adjustment or rejects it, with a reason. */
export function ApprovalsPanel() {
  const { t } = useTranslation();
  const pending = useApprovals((state) => state.pending);
  const load = useApprovals((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section aria-label={t('stock.tabs.approvals')}>
      {pending.length === 0 && <p className="lead">{t('stock.noApprovals')}</p>}
      {pending.map((count) => (
        <Approval key={count.id} count={count} />
      ))}
    </section>
  );
}

function Approval({ count }: { readonly count: CountView }) {
  const { t, i18n } = useTranslation();
  const decide = useApprovals((state) => state.decide);
  const show = useFeedback((state) => state.show);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async (approve: boolean): Promise<void> => {
    if (reason.trim().length < 3) {
      setError(t('stock.reasonRequired'));
      return;
    }
    const result = await decide(count.id, approve, reason.trim());
    if (result.ok) show('ok', t(approve ? 'stock.approved' : 'stock.rejected', { location: count.location }));
    else show('error', errorText(t, result.error));
  };

  return (
    <article className="card" data-approval={count.location}>
      <h3>{t('stock.approvalTitle', { location: count.location, who: count.createdBy })}</h3>
      <table className="differences">
        <thead>
          <tr>
            <th>{t('stock.sku')}</th>
            <th>{t('stock.description')}</th>
            <th>{t('stock.lot')}</th>
            <th className="align-end">{t('stock.expected')}</th>
            <th className="align-end">{t('stock.countedLabel')}</th>
            <th className="align-end">{t('stock.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {count.differences.map((line) => (
            <tr key={`${line.product.sku}|${line.lot ?? ''}`}>
              <td>
                <code>{line.product.sku}</code>
              </td>
              <td>{describe(line.product.description, i18n.language)}</td>
              <td>{line.lot ?? '—'}</td>
              <td className="align-end">{line.expected}</td>
              <td className="align-end">{line.counted}</td>
              <td className="align-end">
                <strong>
                  {line.counted - (line.expected ?? 0) > 0 ? '+' : ''}
                  {line.counted - (line.expected ?? 0)}
                </strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TextField label={t('stock.reason')} name={`reason-${count.id}`} value={reason} error={error} onChange={(event) => setReason(event.target.value)} />
      <div className="actions">
        <Button variant="danger" onClick={() => void submit(false)}>
          {t('stock.reject')}
        </Button>
        <Button variant="primary" onClick={() => void submit(true)}>
          {t('stock.approve')}
        </Button>
      </div>
    </article>
  );
}
