import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Picker, ReleasedRunView } from '../../../shared/picking';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { SelectField } from '../../ui/Field';
import { usePlanning } from './store';

/** The select's value for "anyone who picks". */
const anyone = '';

/**
 * A shift lead gives a released run to one picker of the site, or to anyone again: only they may
 * take it, on any station; whoever else holds it is told at their next scan.
 */
export function AssignRun({ run }: { readonly run: ReleasedRunView }) {
  const { t } = useTranslation();
  const assignRun = usePlanning((state) => state.assignRun);
  const show = useFeedback((state) => state.show);
  const [pickers, setPickers] = useState<readonly Picker[] | null>(null);
  const [chosen, setChosen] = useState(run.assignee?.personId ?? anyone);

  const open = async (): Promise<void> => {
    const result = await api.picking.pickers();
    if (result.ok) setPickers(result.value);
    else show('error', errorText(t, result.error));
  };
  if (!pickers)
    return (
      <Button onClick={() => void open()} data-assign-open={run.runId}>
        {t('picking.assign.open')}
      </Button>
    );
  const confirm = async (): Promise<void> => {
    const result = await assignRun(run.runId, chosen === anyone ? null : chosen);
    if (!result.ok) return show('error', errorText(t, result.error));
    const name = pickers.find((picker) => picker.personId === chosen)?.name;
    show('ok', name ? t('picking.assign.given', { name }) : t('picking.assign.toAnyone'));
    setPickers(null);
  };
  return (
    <form className="form planning-assign" data-assign-run={run.runId} onSubmit={(event) => event.preventDefault()} noValidate>
      <SelectField label={t('picking.assign.to')} value={chosen} onChange={(event) => setChosen(event.target.value)} autoFocus>
        <option value={anyone}>{t('picking.assign.anyone')}</option>
        {pickers.map((picker) => (
          <option key={picker.personId} value={picker.personId}>
            {picker.name} — {t(`roles.${picker.role}`)}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <Button variant="primary" onClick={() => void confirm()}>
          {t('picking.assign.confirm')}
        </Button>
        <Button onClick={() => setPickers(null)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
