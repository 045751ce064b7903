import { create } from 'zustand';
import type { NextDayOrders } from '../../../shared/orders';
import { api, onEvent } from '../../lib/api';

type OrdersState = { readonly nextDay: NextDayOrders | null; readonly load: () => Promise<void> };

export const useOrders = create<OrdersState>()((set) => ({
  nextDay: null,
  load: async () => {
    const result = await api.orders.nextDay({});
    if (result.ok) set({ nextDay: result.value });
  },
}));

// Orders belong to the centre: after each pull the list is read again (a cancelled order goes).
onEvent('sync:pulled', () => {
  if (useOrders.getState().nextDay) void useOrders.getState().load();
});
