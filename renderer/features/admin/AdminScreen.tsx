import { useTranslation } from 'react-i18next';
import { RouteTabs, useRouteTab } from '../../ui/RouteTabs';
import { AuditPanel } from './AuditPanel';
import { LocationsPanel } from './LocationsPanel';
import { NoticesPanel } from './NoticesPanel';
import { PeoplePanel } from './PeoplePanel';
import { SettingsPanel } from './SettingsPanel';

const tabs = ['people', 'settings', 'locations', 'audit'] as const;

export function AdminScreen() {
  const { t } = useTranslation();
  const links = tabs.map((id) => ({ id, label: t(`admin.tabs.${id}`) }));
  const tab = useRouteTab('/admin', links);
  return (
    <main className="screen">
      <h1>{t('admin.title')}</h1>
      <NoticesPanel />
      <RouteTabs base="/admin" tabs={links} label={t('admin.title')} />
      <div role="tabpanel">
        {tab === 'people' && <PeoplePanel />}
        {tab === 'settings' && <SettingsPanel />}
        {tab === 'locations' && <LocationsPanel />}
        {tab === 'audit' && <AuditPanel />}
      </div>
    </main>
  );
}
