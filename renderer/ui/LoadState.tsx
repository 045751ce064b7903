import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';
import type { Load } from '../lib/load';
import { Button } from './Button';

type Props = {
  readonly load: Load;
  readonly onRetry: () => void;
  /** Shown instead of the rows when there are none. */
  readonly empty?: string | undefined;
  readonly isEmpty?: boolean;
  readonly children: ReactNode;
};

/** Loading, the error with a retry, empty, or what was loaded: one way for every list (issue #8). */
export function LoadState({ load, onRetry, empty, isEmpty = false, children }: Props) {
  const { t } = useTranslation();
  if (load.status === 'idle' || load.status === 'loading') {
    return (
      <p className="load-state" role="status" data-load="loading">
        {t('common.loading')}
      </p>
    );
  }
  if (load.status === 'error' && load.error) {
    return (
      <div className="notice notice-error load-state" role="alert" data-load="error">
        <p>{t('load.failed', { reason: errorText(t, load.error) })}</p>
        <Button onClick={onRetry}>{t('load.retry')}</Button>
      </div>
    );
  }
  if (isEmpty && empty !== undefined) {
    return (
      <p className="lead load-state" data-load="empty">
        {empty}
      </p>
    );
  }
  return <>{children}</>;
}
