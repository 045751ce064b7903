import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { useTasks } from './store';

/**
 * Said at once and in words, over whatever screen the person is on, when the centre gave a recount
 * they had taken to someone else first (ADR 0007); the scans they made stay recorded.
 */
export function ClaimLostNotices() {
  const { t } = useTranslation();
  const lostClaims = useTasks((state) => state.lostClaims);
  const dismiss = useTasks((state) => state.dismissLostClaim);
  return (
    <>
      {lostClaims.map((lost) => (
        <div key={lost.taskId} className="notice notice-error" role="alert" data-claim-lost={lost.location}>
          <p>
            <strong>{t('tasks.claimLost', { holder: lost.holder || t('tasks.someoneElse'), location: lost.location })}</strong>
          </p>
          <p>{t('tasks.claimLostKept')}</p>
          <Button onClick={() => dismiss(lost.taskId)}>{t('tasks.understood')}</Button>
        </div>
      ))}
    </>
  );
}
