import { useTranslation } from 'react-i18next';
import { useSync } from './store';

/**
 * Two states everyone must see over every screen (issue #11): the site's stock is not loaded yet
 * (what the station shows is not the site's), and the centre needs a newer Quai (nothing is sent).
 */
export function SyncBanners() {
  const { t } = useTranslation();
  const status = useSync((state) => state.status);
  if (!status || status.mode === 'none') return null;
  return (
    <>
      {status.updateRequired && (
        <div className="stale-banner" role="alert" data-banner="update-required">
          {t('sync.updateRequired', { needed: status.updateRequired.minClientVersion, running: status.updateRequired.appVersion })}
        </div>
      )}
      {!status.stockLoaded && (
        <div className="attention-banner" role="status" data-banner="stock-not-loaded">
          {status.bootstrap ? t('sync.stockLoading', { done: status.bootstrap.done, total: status.bootstrap.total }) : t('sync.stockNotLoaded')}
        </div>
      )}
    </>
  );
}
