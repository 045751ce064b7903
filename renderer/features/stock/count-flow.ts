import type { CountView } from '../../../shared/stock';
import type { Result } from '../../../shared/result';
import { api, onEvent } from '../../lib/api';
import { sessionScoped } from '../../lib/session-scope';
import { createFlowStore, type StepAnswer } from '../../ui/steps/flow';

/**
 * A blind count: scan the location, then every item (a case counts its units), then finish. Each
 * scan is counted by main as it comes; a refused one stays on the step and says why.
 */
export type CountStep = 'location' | 'items' | 'closed';
export type CountValues = { readonly count?: CountView };

type Answer = StepAnswer<CountStep, CountValues>;

export const useCountFlow = createFlowStore<CountStep, CountValues>('stock.count', { step: 'location', values: {} });

const refused = (result: Result<unknown> & { ok: false }): Answer => ({ ok: false, message: { kind: 'error', error: result.error } });
const stepOf = (count: CountView): CountStep => (count.status === 'counting' ? 'items' : 'closed');

export const countActions = {
  /** A count main started elsewhere (a task's recount): the flow takes it at the step it stands on, nothing to go back to. */
  resume: (count: CountView) => {
    useCountFlow.getState().reset();
    useCountFlow.setState({ step: stepOf(count), values: { count } });
  },
  leave: () => useCountFlow.getState().reset(),
  /** A scan: the location at the first step, then an item, counted `quantity` times (1 unless keyed). */
  scan: (code: string, quantity?: number) =>
    useCountFlow.getState().take(async ({ step, values }) => {
      if (step === 'closed') return { ok: false, message: { kind: 'attention', key: 'stock.count.closedScan' } };
      if (step === 'location' || !values.count) {
        const started = await api.stock.startCount({ location: code });
        if (!started.ok) return refused(started);
        return {
          ok: true,
          step: stepOf(started.value),
          values: { count: started.value },
          message: { kind: 'ok', key: 'stock.countStarted', vars: { location: started.value.location } },
        };
      }
      const counted = await api.stock.countItem({ countId: values.count.id, gtin: code, ...(quantity === undefined ? {} : { quantity }) });
      if (!counted.ok) return refused(counted);
      return { ok: true, step: 'items', values: { count: counted.value }, message: { kind: 'ok', key: 'stock.counted' } };
    }),
  finish: () =>
    useCountFlow.getState().take(async ({ values }) => {
      if (!values.count) return { ok: false, message: { kind: 'attention', key: 'stock.scanLocationToCount' } };
      const finished = await api.stock.finishCount({ countId: values.count.id });
      if (!finished.ok) return refused(finished);
      const count = finished.value;
      const key = count.status === 'matched' ? 'stock.countMatched' : count.status === 'counting' ? 'stock.countRecount' : 'stock.countPending';
      return { ok: true, step: stepOf(count), values: { count }, message: { kind: count.status === 'matched' ? 'ok' : 'attention', key } };
    }),
};

// The count on screen follows main (issue #10): approved or rejected by a shift lead, it says so.
sessionScoped('stock.count.events', {
  reset: () => undefined,
  activate: () => {
    const refresh = (countId: number): Promise<void> =>
      useCountFlow.getState().follow(async () => {
        const count = await api.stock.getCount({ countId });
        if (!count.ok) return null;
        return (current) => (current.values.count?.id === countId ? { step: current.step, values: { count: count.value } } : current);
      });
    const shown = useCountFlow.getState().values.count;
    if (shown) void refresh(shown.id);
    return onEvent('stock:count-changed', ({ countId }) => {
      if (useCountFlow.getState().values.count?.id === countId) void refresh(countId);
    });
  },
});
