import { useTranslation } from 'react-i18next';
import { runLimitsSchema, type PickRunPlan } from '../../../shared/picking';
import { errorText } from '../../lib/errors';
import { useSchemaForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { TextField } from '../../ui/Field';
import { usePlanning } from './store';

const fields = ['ordersPerRun', 'linesPerRun', 'unitsPerRun', 'toteSlots'] as const;

/** The limits the runs are built within (issue #12): the site's once a shift lead sets them, else the defaults. */
export function LimitsText({ plan }: { readonly plan: PickRunPlan }) {
  const { t } = useTranslation();
  const { limits } = plan;
  return (
    <span className="planning-limits" data-limits={plan.limitsSource}>
      {t(plan.limitsSource === 'site' ? 'picking.siteLimits' : 'picking.defaultLimits', {
        orders: limits.ordersPerRun,
        lines: limits.linesPerRun,
        units: limits.unitsPerRun,
        slots: limits.toteSlots,
      })}
    </span>
  );
}

/** Sets the site's limits, for every station of the site; saving plans again with them. */
export function LimitsForm({ plan, onDone }: { readonly plan: PickRunPlan; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const setLimits = usePlanning((state) => state.setLimits);
  const show = useFeedback((state) => state.show);
  // The contract's schema of `picking.setLimits`, as main parses it.
  const { register, handleSubmit, errorOf, formState } = useSchemaForm(runLimitsSchema, { defaultValues: plan.limits });
  const save = handleSubmit(async (limits) => {
    const result = await setLimits(limits);
    show(result.ok ? 'ok' : 'error', result.ok ? t('picking.limitsSaved') : errorText(t, result.error));
    if (result.ok) onDone();
  });
  return (
    <form className="form card planning-limits-form" onSubmit={(event) => void save(event)} noValidate>
      <h2>{t('picking.limitsTitle')}</h2>
      <p>{t('picking.limitsHint')}</p>
      {fields.map((field, index) => (
        <TextField
          key={field}
          label={t(`picking.limitFields.${field}`)}
          inputMode="numeric"
          autoFocus={index === 0}
          error={errorOf(field)}
          {...register(field, { valueAsNumber: true })}
        />
      ))}
      <div className="actions">
        <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
