import { create } from 'zustand';
import type { RunLimits } from '../../../shared/outbound/run-sizing';
import type { PickRunPlan } from '../../../shared/picking';
import type { Result } from '../../../shared/result';
import { api } from '../../lib/api';
import { idle, loadOf, loading, type Load } from '../../lib/load';
import { sessionScoped } from '../../lib/session-scope';

type PlanningState = {
  /** The last plan main built, kept on screen while a refresh runs or after one fails. */
  readonly plan: PickRunPlan | null;
  readonly load: Load;
  /** When `plan` was built (ms), for "planned at 14:05". */
  readonly plannedAt: number | null;
  readonly read: () => Promise<void>;
  /** The run last released from this screen, for the notice over the list (cleared by the next plan). */
  readonly justReleased: { readonly orders: number } | null;
  /** Releases the previewed run holding `orders`; main answers the plan without it, which replaces this one. */
  readonly release: (shipDate: string, orders: readonly string[]) => Promise<Result<PickRunPlan>>;
  /** Takes a released run back with a reason; main answers the plan, its orders in it again. */
  readonly cancelRun: (runId: string, reason: string) => Promise<Result<PickRunPlan>>;
  /** Gives a released run to one person (null: to anyone); main answers the plan. */
  readonly assignRun: (runId: string, personId: string | null) => Promise<Result<PickRunPlan>>;
  /** The site's limits per run; main answers the plan built with them, which replaces this one. */
  readonly setLimits: (limits: RunLimits) => Promise<Result<PickRunPlan>>;
};

/**
 * Tomorrow's pick runs as main would build them now (issue #12, ADR 0009). Planned when the screen
 * opens and when the shift lead asks again, not after every pull: a plan does not change under the
 * run someone is reading.
 */
export const usePlanning = create<PlanningState>()((set) => ({
  plan: null,
  load: idle,
  plannedAt: null,
  justReleased: null,
  read: async () => {
    set({ load: loading });
    const result = await api.picking.plan({});
    set(result.ok ? { plan: result.value, plannedAt: Date.now(), load: loadOf(result), justReleased: null } : { load: loadOf(result) });
  },
  release: async (shipDate, orders) => {
    const result = await api.picking.release({ shipDate, orders: [...orders] });
    if (result.ok) set({ plan: result.value, plannedAt: Date.now(), load: loadOf(result), justReleased: { orders: orders.length } });
    return result;
  },
  cancelRun: async (runId, reason) => {
    const result = await api.picking.cancelRun({ runId, reason });
    if (result.ok) set({ plan: result.value, plannedAt: Date.now(), load: loadOf(result) });
    return result;
  },
  assignRun: async (runId, personId) => {
    const result = await api.picking.assignRun({ runId, personId });
    if (result.ok) set({ plan: result.value, plannedAt: Date.now(), load: loadOf(result) });
    return result;
  },
  setLimits: async (limits) => {
    const result = await api.picking.setLimits(limits);
    if (result.ok) set({ plan: result.value, plannedAt: Date.now(), load: loadOf(result) });
    return result;
  },
}));

sessionScoped('planning', { reset: () => usePlanning.setState({ plan: null, load: idle, plannedAt: null, justReleased: null }) });
