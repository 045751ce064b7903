import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/result';
import type { TaskView } from '../../../shared/tasks';
import { errorText } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { useSession } from '../session/store';
import { RecountResult } from './RecountResult';
import { TaskDecision } from './TaskDecision';
import { useTasks } from './store';

/** Where a task stands, in words: waiting, taken (by whom, where), counted (matching or not). */
function standing(task: TaskView): { readonly key: string; readonly vars: Readonly<Record<string, string>> } {
  if (task.state === 'claimed' && task.claim) {
    const vars = { name: task.claim.name, station: task.claim.station };
    return { key: task.claim.mine ? 'tasks.state.mine' : 'tasks.state.claimed', vars };
  }
  if (task.state === 'completed') return { key: task.result?.outcome === 'matched' ? 'tasks.state.matched' : 'tasks.state.mismatch', vars: {} };
  return { key: `tasks.state.${task.state}`, vars: {} };
}

/** One task of the site: what it is, where it stands, and what this person may do with it now (an admin changes no stock, so takes none). */
export function TaskCard({ task }: { readonly task: TaskView }) {
  const { t } = useTranslation();
  const role = useSession((state) => state.session?.user.role);
  const claim = useTasks((state) => state.claim);
  const release = useTasks((state) => state.release);
  const count = useTasks((state) => state.count);
  const show = useFeedback((state) => state.show);
  const mine = task.claim?.mine === true;
  const said = standing(task);

  const run = async (action: () => Promise<Result<unknown>>, done?: string): Promise<void> => {
    const result = await action();
    if (!result.ok) show('error', errorText(t, result.error));
    else if (done) show('ok', t(done, { location: task.location }));
  };

  return (
    <article className="card task" data-task={task.location} data-task-state={task.state} data-task-mine={mine} data-task-outcome={task.result?.outcome ?? ''}>
      <h3>{t('tasks.recountOf', { location: task.location })}</h3>
      <p className="task-state">{t(said.key, said.vars)}</p>
      {task.unconfirmed && <p className="notice notice-attention">{t('tasks.unconfirmed')}</p>}
      <p>{t('tasks.askedBy', { name: task.createdBy.name, station: task.createdBy.station, at: formatTime(task.createdAt) })}</p>
      {task.note && <p className="task-note">{task.note}</p>}
      {task.result && <RecountResult result={task.result} />}
      <div className="actions">
        {task.state === 'open' && role !== 'admin' && (
          <Button variant="primary" onClick={() => void run(() => claim(task.taskId), 'tasks.claimed')}>
            {t('tasks.claim')}
          </Button>
        )}
        {task.state === 'claimed' && mine && (
          <>
            <Button onClick={() => void run(() => release(task.taskId), 'tasks.released')}>{t('tasks.release')}</Button>
            <Button variant="primary" onClick={() => void run(() => count(task.taskId))}>
              {t('tasks.count')}
            </Button>
          </>
        )}
      </div>
      {role === 'shift_lead' && <TaskDecision task={task} />}
    </article>
  );
}
