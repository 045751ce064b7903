import { create } from 'zustand';
import type { NextDayOrders } from '../../../shared/orders';
import { api, onEvent } from '../../lib/api';
import { idle, loadOf, loading, type Load } from '../../lib/load';
import { sessionScoped } from '../../lib/session-scope';

type OrdersState = { readonly nextDay: NextDayOrders | null; readonly load: Load; readonly read: () => Promise<void> };

export const useOrders = create<OrdersState>()((set, get) => ({
  nextDay: null,
  load: idle,
  read: async () => {
    if (!get().nextDay) set({ load: loading });
    const result = await api.orders.nextDay({});
    set(result.ok ? { nextDay: result.value, load: loadOf(result) } : { load: loadOf(result) });
  },
}));

// Orders belong to the centre: after each pull the list is read again (a cancelled order goes).
sessionScoped('orders', {
  reset: () => useOrders.setState({ nextDay: null, load: idle }),
  activate: () =>
    onEvent('sync:pulled', () => {
      if (useOrders.getState().load.status !== 'idle') void useOrders.getState().read();
    }),
});
