import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { LoadState } from '../../ui/LoadState';
import { useSession } from '../session/store';
import { CountPanel } from '../stock/CountPanel';
import { useCountFlow } from '../stock/count-flow';
import { RequestRecountForm } from './RequestRecountForm';
import { TaskCard } from './TaskCard';
import { useTasks } from './store';

/** The site's shared tasks (issue #11): asked for on one station, taken and done on any. */
export function TasksScreen() {
  const { t } = useTranslation();
  const role = useSession((state) => state.session?.user.role);
  const tasks = useTasks((state) => state.tasks);
  const load = useTasks((state) => state.load);
  const read = useTasks((state) => state.read);
  const counting = useTasks((state) => state.counting);

  useEffect(() => {
    void read();
  }, [read]);

  return (
    <main className="screen" data-tasks-view={counting ? 'count' : 'list'}>
      <h1>{t('tasks.title')}</h1>
      {counting ? (
        <TaskCount />
      ) : (
        <>
          {role === 'shift_lead' && <RequestRecountForm />}
          <LoadState load={load} onRetry={() => void read()} isEmpty={tasks.length === 0} empty={t('tasks.none')}>
            <section aria-label={t('tasks.open')}>
              {tasks.map((task) => (
                <TaskCard key={task.taskId} task={task} />
              ))}
            </section>
          </LoadState>
        </>
      )}
    </main>
  );
}

/** The task's blind count, on the count steps; abandoning it or finishing it goes back to the tasks. */
function TaskCount() {
  const { t } = useTranslation();
  const stopCounting = useTasks((state) => state.stopCounting);
  const step = useCountFlow((state) => state.step);
  useEffect(() => {
    if (step === 'location') stopCounting();
  }, [step, stopCounting]);
  const back = (
    <Button variant="primary" onClick={stopCounting}>
      {t('tasks.backToTasks')}
    </Button>
  );
  return <CountPanel afterClose={back} />;
}
