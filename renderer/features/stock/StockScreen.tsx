import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles';
import { RouteTabs, useRouteTab } from '../../ui/RouteTabs';
import { useSession } from '../session/store';
import { ApprovalsPanel } from './ApprovalsPanel';
import { BarcodeSheetPanel } from './BarcodeSheetPanel';
import { CountPanel } from './CountPanel';
import { LookupPanel } from './LookupPanel';
import { MovePanel } from './MovePanel';

/** Who may use which tab; main checks every operation again whatever this shows. */
const tabs = [
  { id: 'lookup', roles: ['picker', 'receiver', 'shift_lead', 'admin'], Panel: LookupPanel },
  { id: 'move', roles: ['receiver', 'shift_lead'], Panel: MovePanel },
  { id: 'count', roles: ['picker', 'receiver', 'shift_lead'], Panel: CountPanel },
  { id: 'approvals', roles: ['shift_lead'], Panel: ApprovalsPanel },
  // Every role scans, so every role may print the site's codes to try them (issue #10).
  { id: 'codes', roles: ['picker', 'receiver', 'shift_lead', 'admin'], Panel: BarcodeSheetPanel },
] as const satisfies readonly { id: string; roles: readonly Role[]; Panel: unknown }[];

export function StockScreen() {
  const { t } = useTranslation();
  const role = useSession((state) => state.session?.user.role);
  const visible = tabs.filter((tab) => role !== undefined && (tab.roles as readonly Role[]).includes(role));
  const links = visible.map((tab) => ({ id: tab.id, label: t(`stock.tabs.${tab.id}`) }));
  const current = useRouteTab('/stock', links);
  const Panel = visible.find((tab) => tab.id === current)?.Panel;
  return (
    <main className="screen">
      <RouteTabs base="/stock" tabs={links} label={t('shell.areas.stock')} />
      {Panel && <Panel />}
    </main>
  );
}
