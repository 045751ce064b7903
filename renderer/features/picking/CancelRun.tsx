import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { reasonSchema } from '../../../shared/ipc/stock';
import type { ReleasedRunView } from '../../../shared/picking';
import { errorText } from '../../lib/errors';
import { useSchemaForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { TextField } from '../../ui/Field';
import { usePlanning } from './store';

const cancelSchema = z.object({ reason: reasonSchema });

/**
 * A shift lead takes a released run back, always with a reason, never by Enter alone: its stock
 * and orders are free again for the whole site, what its totes hold goes back by task.
 */
export function CancelRun({ run }: { readonly run: ReleasedRunView }) {
  const { t } = useTranslation();
  const cancelRun = usePlanning((state) => state.cancelRun);
  const show = useFeedback((state) => state.show);
  const [asking, setAsking] = useState(false);
  const { register, handleSubmit, errorOf } = useSchemaForm(cancelSchema, { defaultValues: { reason: '' } });
  if (!asking)
    return (
      <Button variant="danger" onClick={() => setAsking(true)}>
        {t('picking.cancelRun')}
      </Button>
    );
  const submit = handleSubmit(async ({ reason }) => {
    const result = await cancelRun(run.runId, reason);
    if (result.ok) show('ok', t('picking.runCancelled', { carrier: run.carrier }));
    else show('error', errorText(t, result.error));
  });
  return (
    <form className="form planning-cancel" data-cancel-run={run.runId} onSubmit={(event) => event.preventDefault()} noValidate>
      <TextField label={t('picking.cancelReason')} error={errorOf('reason')} {...register('reason')} />
      <div className="actions">
        <Button variant="danger" onClick={(event) => void submit(event)}>
          {t('picking.confirmCancelRun')}
        </Button>
        <Button onClick={() => setAsking(false)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
