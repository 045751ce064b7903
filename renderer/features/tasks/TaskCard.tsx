import { useTranslation } from 'react-i18next';
import { centreStationId } from '../../../shared/people';
import type { Result } from '../../../shared/result';
import type { TaskView } from '../../../shared/tasks';
import { errorText } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { ScanField } from '../../ui/ScanField';
import { useFeedback } from '../../ui/feedback';
import { useSession } from '../session/store';
import { RecountResult } from './RecountResult';
import { TaskDecision } from './TaskDecision';
import { useTasks } from './store';

/** Where a task stands, in words: waiting, taken (by whom, where), counted (matching or not). */
function standing(task: TaskView): { readonly key: string; readonly vars: Readonly<Record<string, string>> } {
  if (task.state === 'claimed' && task.claim) {
    const vars = { name: task.claim.name, station: task.claim.station };
    if (!task.claim.mine) return { key: 'tasks.state.claimed', vars };
    return { key: task.kind === 'return_to_bin' ? 'tasks.state.mineReturn' : 'tasks.state.mine', vars };
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
  const returnToBin = useTasks((state) => state.returnToBin);
  // One scan field at a time: the first return this person holds here takes the scans.
  const scansHere = useTasks((state) => state.tasks.find((other) => other.kind === 'return_to_bin' && other.claim?.mine)?.taskId === task.taskId);
  const show = useFeedback((state) => state.show);
  const mine = task.claim?.mine === true;
  const said = standing(task);

  const run = async (action: () => Promise<Result<unknown>>, done?: string): Promise<void> => {
    const result = await action();
    if (!result.ok) show('error', errorText(t, result.error));
    else if (done) show('ok', t(done, { location: task.location, quantity: task.goods?.quantity ?? 0, sku: task.goods?.sku ?? '' }));
  };
  const goods = task.kind === 'return_to_bin' ? task.goods : null;

  return (
    <article className="card task" data-task={task.location} data-task-state={task.state} data-task-mine={mine} data-task-outcome={task.result?.outcome ?? ''}>
      <h3>
        {goods ? t('tasks.returnOf', { quantity: goods.quantity, sku: goods.sku, location: task.location }) : t('tasks.recountOf', { location: task.location })}
      </h3>
      {goods && <p className="task-goods">{t('tasks.returnFrom', { slot: goods.toteSlot, orderId: goods.orderId })}</p>}
      <p className="task-state">{t(said.key, said.vars)}</p>
      {task.unconfirmed && <p className="notice notice-attention">{t('tasks.unconfirmed')}</p>}
      <p>
        {task.createdBy.station === centreStationId
          ? t('tasks.askedByCentre', { at: formatTime(task.createdAt) })
          : t('tasks.askedBy', { name: task.createdBy.name, station: task.createdBy.station, at: formatTime(task.createdAt) })}
      </p>
      {task.note && <p className="task-note">{task.note}</p>}
      {task.result && <RecountResult result={task.result} />}
      <div className="actions">
        {task.state === 'open' && role !== 'admin' && (
          <Button variant="primary" onClick={() => void run(() => claim(task.taskId), goods ? 'tasks.returnClaimed' : 'tasks.claimed')}>
            {t('tasks.claim')}
          </Button>
        )}
        {task.state === 'claimed' && mine && (
          <>
            <Button onClick={() => void run(() => release(task.taskId), goods ? 'tasks.returnReleased' : 'tasks.released')}>{t('tasks.release')}</Button>
            {!goods && (
              <Button variant="primary" onClick={() => void run(() => count(task.taskId))}>
                {t('tasks.count')}
              </Button>
            )}
          </>
        )}
      </div>
      {goods && task.state === 'claimed' && mine && scansHere && (
        <ScanField
          label={t('tasks.scanReturn', { location: task.location })}
          name="return-location"
          onScan={(code) => void run(() => returnToBin(task.taskId, code), 'tasks.returned')}
        />
      )}
      {role === 'shift_lead' && <TaskDecision task={task} />}
    </article>
  );
}
