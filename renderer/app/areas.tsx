import type { ComponentType } from 'react';
import type { Role } from '../../shared/roles';
import { AdminScreen } from '../features/admin/AdminScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { ScannerSetupScreen } from '../features/scanning/ScannerSetupScreen';
import { OrdersScreen } from '../features/orders/OrdersScreen';
import { StockScreen } from '../features/stock/StockScreen';
import { SyncScreen } from '../features/sync/SyncScreen';

/**
 * The station's work areas and who may open them. Main refuses every operation a role may not
 * call anyway; this list only keeps the screen honest. Label: `shell.areas.<id>`.
 */
export type Area = { readonly id: string; readonly roles: readonly Role[]; readonly Screen: ComponentType };

export const areas: readonly Area[] = [
  { id: 'home', roles: ['picker', 'receiver', 'shift_lead', 'admin'], Screen: HomeScreen },
  { id: 'orders', roles: ['shift_lead', 'admin'], Screen: OrdersScreen },
  { id: 'stock', roles: ['picker', 'receiver', 'shift_lead', 'admin'], Screen: StockScreen },
  { id: 'sync', roles: ['shift_lead', 'admin'], Screen: SyncScreen },
  { id: 'admin', roles: ['admin'], Screen: AdminScreen },
  { id: 'scanner', roles: ['admin'], Screen: ScannerSetupScreen },
];
