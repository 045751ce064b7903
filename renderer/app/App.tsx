import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LockScreen } from '../features/login/LockScreen';
import { LoginScreen } from '../features/login/LoginScreen';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import { reportActivity, useSession } from '../features/session/store';
import { SetupScreen } from '../features/setup/SetupScreen';
import { FeedbackBanner } from '../ui/FeedbackBanner';
import { Shell } from './Shell';

/** Nothing is reachable before setup, and nothing but the lock screen while locked. */
export function App() {
  const { t } = useTranslation();
  const stage = useSession((state) => state.stage);
  const load = useSession((state) => state.load);

  useEffect(() => {
    void load();
    return reportActivity();
  }, [load]);

  return (
    <div className="app" data-screen={stage}>
      <FeedbackBanner />
      {stage === 'loading' && <p className="centered-message">{t('common.loading')}</p>}
      {stage === 'unreachable' && (
        <p className="centered-message" role="alert">
          {t('errors.NETWORK')}
        </p>
      )}
      {stage === 'recovery' && <RecoveryScreen />}
      {stage === 'setup' && <SetupScreen />}
      {stage === 'login' && <LoginScreen />}
      {stage === 'locked' && <LockScreen />}
      {stage === 'ready' && <Shell />}
    </div>
  );
}
