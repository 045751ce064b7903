import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { reasonSchema } from '../../../shared/ipc/stock';
import type { TaskView } from '../../../shared/tasks';
import { errorText } from '../../lib/errors';
import { useSchemaForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { TextField } from '../../ui/Field';
import { useTasks, type Decision } from './store';

const decisionSchema = z.object({ reason: reasonSchema });

/**
 * The shift lead's word on a task, always with a reason: a finished recount is approved (a
 * difference becomes an adjustment, recorded on this station) or rejected; any task may be cancelled.
 */
export function TaskDecision({ task }: { readonly task: TaskView }) {
  const { t } = useTranslation();
  const decide = useTasks((state) => state.decide);
  const show = useFeedback((state) => state.show);
  const { register, handleSubmit, errorOf } = useSchemaForm(decisionSchema, { defaultValues: { reason: '' } });
  const finished = task.state === 'completed';
  const matched = task.result?.outcome === 'matched';

  const submit = (decision: Decision) =>
    handleSubmit(async ({ reason }) => {
      const result = await decide(task.taskId, decision, reason);
      if (result.ok) show('ok', t(`tasks.decided.${decision}`, { location: task.location }));
      else show('error', errorText(t, result.error));
    });

  return (
    // Enter takes the primary action of a finished recount; cancelling is never done by Enter alone.
    <form
      className="form"
      onSubmit={(event) => (finished ? void submit('approve')(event) : event.preventDefault())}
      noValidate
      data-task-decision={task.taskId}
    >
      <TextField label={t('tasks.reason')} error={errorOf('reason')} {...register('reason')} />
      <div className="actions">
        <Button variant="danger" onClick={(event) => void submit('cancel')(event)}>
          {t('tasks.cancel')}
        </Button>
        {finished && !matched && (
          <Button variant="danger" onClick={(event) => void submit('reject')(event)}>
            {t('tasks.reject')}
          </Button>
        )}
        {finished && (
          <Button type="submit" variant="primary">
            {t(matched ? 'tasks.close' : 'tasks.approve')}
          </Button>
        )}
      </div>
    </form>
  );
}
