import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { LockScreen } from '../features/login/LockScreen';
import { LoginScreen } from '../features/login/LoginScreen';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import { reportActivity, useSession } from '../features/session/store';
import { SetupScreen } from '../features/setup/SetupScreen';
import { FeedbackBanner } from '../ui/FeedbackBanner';
import { ScanScope } from '../ui/scan-scope';
import { Shell } from './Shell';

/**
 * Nothing is reachable before setup. Screens have addresses in the URL's hash (wouter: small,
 * maintained, hooks only, with a hash location that works for the web host and the quai://
 * page alike). A lock lies over the screen instead of replacing it: the person comes back exactly
 * where they were, with the same steps of an unfinished flow (issue #8).
 */
export function App() {
  const { t } = useTranslation();
  const stage = useSession((state) => state.stage);
  const start = useSession((state) => state.start);
  const error = useSession((state) => state.error);

  useEffect(() => {
    const stop = start();
    const stopActivity = reportActivity();
    return () => {
      stop();
      stopActivity();
    };
  }, [start]);

  const working = stage === 'ready' || stage === 'locked';
  return (
    <Router hook={useHashLocation}>
      <div className="app" data-screen={stage}>
        <FeedbackBanner />
        {stage === 'loading' && <p className="centered-message">{t('common.loading')}</p>}
        {stage === 'unreachable' && (
          <p className="centered-message" role="alert" data-problem={error?.code ?? ''}>
            {/* The web host answers a missing or wrong token with 401 UNTRUSTED_SENDER: the service is there, the address is not its own. */}
            {error?.code === 'UNTRUSTED_SENDER' ? t('app.openHostAddress') : t('errors.NETWORK')}
          </p>
        )}
        {stage === 'recovery' && <RecoveryScreen />}
        {stage === 'setup' && <SetupScreen />}
        {stage === 'login' && <LoginScreen />}
        {working && (
          <ScanScope.Provider value={stage === 'ready'}>
            <div className="app-work" inert={stage === 'locked'}>
              <Shell />
            </div>
          </ScanScope.Provider>
        )}
        {stage === 'locked' && (
          <div className="lock-overlay" role="dialog" aria-modal="true" aria-label={t('lock.title')}>
            <LockScreen />
          </div>
        )}
      </div>
    </Router>
  );
}
