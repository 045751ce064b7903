import type { ComponentType } from 'react';
import { navigate } from 'wouter/use-hash-location';
import { sessionScoped } from '../lib/session-scope';
import type { Role } from '../../shared/roles';
import { AdminScreen } from '../features/admin/AdminScreen';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { DispatchScreen } from '../features/dispatch/DispatchScreen';
import { ExceptionsScreen } from '../features/exceptions/ExceptionsScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { ScannerSetupScreen } from '../features/scanning/ScannerSetupScreen';
import { OrdersScreen } from '../features/orders/OrdersScreen';
import { PackScreen } from '../features/packing/PackScreen';
import { PickScreen } from '../features/picking/PickScreen';
import { PlanningScreen } from '../features/picking/PlanningScreen';
import { StockScreen } from '../features/stock/StockScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import { TasksScreen } from '../features/tasks/TasksScreen';

/**
 * The station's work areas, each at its own address (`#/<id>`, then `#/<id>/<tab>`), and who may
 * open them. Main refuses every operation a role may not call anyway; this list only keeps the
 * screen honest. Label: `shell.areas.<id>`.
 */
export type Area = { readonly id: string; readonly roles: readonly Role[]; readonly Screen: ComponentType };

export const areas: readonly Area[] = [
  // The shift lead's first screen (a role lands on its first area, Shell.tsx): the day's trucks (shared/ipc/dashboard.ts).
  { id: 'dashboard', roles: ['shift_lead'], Screen: DashboardScreen },
  { id: 'home', roles: ['picker', 'receiver', 'shift_lead', 'admin'], Screen: HomeScreen },
  { id: 'orders', roles: ['shift_lead', 'admin'], Screen: OrdersScreen },
  // Planning is the shift lead's (shared/ipc/picking.ts): main refuses it to everyone else.
  { id: 'runs', roles: ['shift_lead'], Screen: PlanningScreen },
  // Picking is for pickers and shift leads (shared/ipc/picking.ts), on any station of the site.
  { id: 'pick', roles: ['picker', 'shift_lead'], Screen: PickScreen },
  // Packing and dispatch, like picking, are the floor's: pickers and shift leads (shared/ipc/packing.ts, dispatch.ts).
  { id: 'pack', roles: ['picker', 'shift_lead'], Screen: PackScreen },
  { id: 'dispatch', roles: ['picker', 'shift_lead'], Screen: DispatchScreen },
  { id: 'stock', roles: ['picker', 'receiver', 'shift_lead', 'admin'], Screen: StockScreen },
  { id: 'tasks', roles: ['picker', 'receiver', 'shift_lead', 'admin'], Screen: TasksScreen },
  // The site's exceptions: a shift lead settles them, an admin may look (shared/ipc/exceptions.ts).
  { id: 'exceptions', roles: ['shift_lead', 'admin'], Screen: ExceptionsScreen },
  { id: 'sync', roles: ['shift_lead', 'admin'], Screen: SyncScreen },
  { id: 'admin', roles: ['admin'], Screen: AdminScreen },
  { id: 'scanner', roles: ['admin'], Screen: ScannerSetupScreen },
];

/** The area an address belongs to: `/stock/move` → `stock`. */
export const areaOf = (path: string): string => path.split('/')[1] ?? '';

// The next person starts at home, not where the last one was (issue #10).
sessionScoped('route', { reset: () => navigate('/', { replace: true }) });
