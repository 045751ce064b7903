import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { reasonSchema } from '../../../shared/ipc/stock';
import type { CountView } from '../../../shared/stock';
import { errorText } from '../../lib/errors';
import { useSchemaForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { TextField } from '../../ui/Field';
import { LoadState } from '../../ui/LoadState';
import { useApprovals } from './store';
import { DifferencesTable } from './DifferencesTable';
import { describe } from './text';

const decisionSchema = z.object({ reason: reasonSchema });

/** Counts that did not match twice: the shift lead approves the adjustment or rejects it, with a reason. */
export function ApprovalsPanel() {
  const { t } = useTranslation();
  const pending = useApprovals((state) => state.pending);
  const load = useApprovals((state) => state.load);
  const read = useApprovals((state) => state.read);
  useEffect(() => {
    void read();
  }, [read]);
  return (
    <section aria-label={t('stock.tabs.approvals')}>
      <LoadState load={load} onRetry={() => void read()} isEmpty={pending.length === 0} empty={t('stock.noApprovals')}>
        {pending.map((count) => (
          <Approval key={count.id} count={count} />
        ))}
      </LoadState>
    </section>
  );
}

function Approval({ count }: { readonly count: CountView }) {
  const { t, i18n } = useTranslation();
  const decide = useApprovals((state) => state.decide);
  const show = useFeedback((state) => state.show);
  const { register, handleSubmit, errorOf } = useSchemaForm(decisionSchema, { defaultValues: { reason: '' } });

  const submit = (approve: boolean) =>
    handleSubmit(async ({ reason }) => {
      const result = await decide(count.id, approve, reason);
      if (result.ok) show('ok', t(approve ? 'stock.approved' : 'stock.rejected', { location: count.location }));
      else show('error', errorText(t, result.error));
    });

  return (
    <article className="card" data-approval={count.location}>
      <h3>{t('stock.approvalTitle', { location: count.location, who: count.createdBy })}</h3>
      <DifferencesTable
        lines={count.differences.map((line) => ({
          sku: line.product.sku,
          description: describe(line.product.description, i18n.language),
          lot: line.lot,
          expected: line.expected ?? 0,
          counted: line.counted,
        }))}
      />
      <form className="form" onSubmit={(event) => void submit(true)(event)} noValidate>
        <TextField label={t('stock.reason')} error={errorOf('reason')} {...register('reason')} />
        <div className="actions">
          <Button variant="danger" onClick={(event) => void submit(false)(event)}>
            {t('stock.reject')}
          </Button>
          <Button type="submit" variant="primary">
            {t('stock.approve')}
          </Button>
        </div>
      </form>
    </article>
  );
}
