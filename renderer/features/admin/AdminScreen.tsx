import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditPanel } from './AuditPanel';
import { LocationsPanel } from './LocationsPanel';
import { NoticesPanel } from './NoticesPanel';
import { PeoplePanel } from './PeoplePanel';
import { SettingsPanel } from './SettingsPanel';

const tabs = ['people', 'settings', 'locations', 'audit'] as const;
type Tab = (typeof tabs)[number];

export function AdminScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('people');
  return (
    <main className="screen">
      <h1>{t('admin.title')}</h1>
      <NoticesPanel />
      <div className="tabs" role="tablist">
        {tabs.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={id === tab} className={`tab ${id === tab ? 'is-current' : ''}`} onClick={() => setTab(id)}>
            {t(`admin.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'people' && <PeoplePanel />}
        {tab === 'settings' && <SettingsPanel />}
        {tab === 'locations' && <LocationsPanel />}
        {tab === 'audit' && <AuditPanel />}
      </div>
    </main>
  );
}
