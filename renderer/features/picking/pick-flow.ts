import { create } from 'zustand';
import type { PickView, RunToPick, ShortReason } from '../../../shared/picking';
import type { AppErrorShape, Result } from '../../../shared/result';
import { api, onEvent } from '../../lib/api';
import { idle, loadOf, loading, type Load } from '../../lib/load';
import { sessionScoped } from '../../lib/session-scope';
import { createFlowStore, type Snapshot, type StepAnswer } from '../../ui/steps/flow';

/**
 * Picking a run by scan (issue #12): take a run, then at each line scan its location and its item.
 * Main decides the line from the run's picks, so this store only shows main's answer: after a lock,
 * a restart or another picker's pause, the flow carries on at main's line.
 */
export type PickStep = 'run' | 'location' | 'item' | 'done';
/** `location`: the location scanned for the line on screen (the next line at the same one needs no new scan). */
export type PickValues = { readonly view?: PickView; readonly location?: string };

type Answer = StepAnswer<PickStep, PickValues>;

export const usePickFlow = createFlowStore<PickStep, PickValues>('picking.pick', { step: 'run', values: {} });

/** What the screen shows (its line, the withdrawn orders it knows of), as main checks every scan against it. */
const shownOf = (view: PickView, line: NonNullable<PickView['line']>) => ({
  orderId: line.orderId,
  lineNo: line.lineNo,
  location: line.location,
  withdrawn: view.withdrawn,
  amended: view.amended,
});

/** Main said no: the flow stays where it is, saying why. */
const said = (error: AppErrorShape): Answer => ({ ok: false, message: { kind: 'error', error } });

/**
 * A refused scan says why and stays, unless main's run moved on without the screen (an order
 * withdrawn by the centre, the run changed elsewhere): then the flow goes to main's line, saying why,
 * or back to the runs when a shift lead cancelled it.
 */
async function refused(result: Result<unknown> & { ok: false }): Promise<Answer> {
  const message = { kind: 'error', error: result.error } as const;
  // Taken back by a shift lead: nothing more to pick in it, back to the runs to take.
  if (result.error.code === 'RUN_CANCELLED') return { ok: true, finished: message };
  if (!['ORDER_WITHDRAWN', 'ORDER_AMENDED', 'LINE_CHANGED'].includes(result.error.code)) return said(result.error);
  const now = await api.picking.current();
  if (!now.ok || !now.value) return { ok: true, finished: message };
  return { ok: true, ...stepAt(now.value), message };
}

/** Where a view of main puts the flow: done, at the item (the location is already scanned), or at the location. */
function stepAt(view: PickView, location?: string): Snapshot<PickStep, PickValues> {
  if (view.state !== 'released' || !view.line) return { step: 'done', values: { view } };
  if (location === view.line.location) return { step: 'item', values: { view, location } };
  return { step: 'location', values: { view } };
}

const isPicking = (step: PickStep): boolean => step === 'location' || step === 'item';

/** The flow at a run main answered, saying `key`. */
const at = (view: PickView, key: string, vars: Readonly<Record<string, string | number>>, location?: string, kind: 'ok' | 'attention' = 'ok'): Answer => ({
  ok: true,
  ...stepAt(view, location),
  message: { kind, key, vars },
});

/** Leaves the run on screen, saying why (it is no longer this person's here). */
const leave = (kind: 'attention' | 'error', key: string, vars: Readonly<Record<string, string>> = {}): Promise<void> =>
  usePickFlow.getState().take(() => Promise.resolve({ ok: true, finished: { kind, key, vars } }));

/** A run main gave this person, at its first stop or where it was left; or why not. */
function taken(claimed: Result<PickView>): Answer {
  if (!claimed.ok) return said(claimed.error);
  const view = claimed.value;
  return at(view, view.linesDone === 0 ? 'picking.pick.claimed' : 'picking.pick.resumed', { stop: view.line?.stop ?? 0 });
}

export const pickActions = {
  /** The run this person holds here, if any: where a restart or an unlock carries on. */
  resume: async (): Promise<void> => {
    const held = await api.picking.current();
    if (!held.ok || !held.value || usePickFlow.getState().step !== 'run') return;
    const view = held.value;
    usePickFlow.getState().reset();
    usePickFlow.setState(stepAt(view));
  },
  take: (runId: string) => usePickFlow.getState().take(async () => taken(await api.picking.claim({ runId }))),
  /** A run's barcode scanned (its pick list): that run is taken, or main says why not. */
  scanRun: (code: string) => usePickFlow.getState().take(async () => taken(await api.picking.claimScanned({ code }))),
  /** A scan: the line's location, then its item, `count` times (1 unless keyed; a case counts its units). */
  scan: (code: string, count?: number) =>
    usePickFlow.getState().take(async ({ step, values }) => {
      const view = values.view;
      if (!view?.line || !isPicking(step)) return { ok: false, message: { kind: 'attention', key: 'picking.pick.noneToPick' } };
      if (step === 'location') {
        const checked = await api.picking.scanLocation({ runId: view.runId, shown: shownOf(view, view.line), code });
        if (!checked.ok) return refused(checked);
        return at(checked.value, 'picking.pick.locationOk', { location: view.line.location }, view.line.location);
      }
      const line = view.line;
      const picked = await api.picking.pick({
        runId: view.runId,
        shown: shownOf(view, line),
        location: values.location ?? line.location,
        code,
        ...(count === undefined ? {} : { count }),
      });
      if (!picked.ok) return refused(picked);
      const after = picked.value;
      if (after.state === 'picked') return at(after, 'picking.pick.done', { units: after.unitsPicked, short: after.unitsShort });
      return at(after, 'picking.pick.picked', { units: after.unitsPicked - view.unitsPicked, sku: line.sku, slot: line.toteSlot }, line.location);
    }),
  short: (reason: ShortReason) =>
    usePickFlow.getState().take(async ({ values }) => {
      const view = values.view;
      if (!view?.line) return { ok: false, message: { kind: 'attention', key: 'picking.pick.noneToPick' } };
      const shorted = await api.picking.short({ runId: view.runId, shown: shownOf(view, view.line), reason });
      if (!shorted.ok) return refused(shorted);
      const after = shorted.value;
      if (after.state === 'picked') return at(after, 'picking.pick.done', { units: after.unitsPicked, short: after.unitsShort });
      return at(after, 'picking.pick.shortRecorded', { units: view.line.left, sku: view.line.sku }, values.location, 'attention');
    }),
  pause: () =>
    usePickFlow.getState().take(async ({ values }) => {
      if (!values.view) return { ok: true, finished: { kind: 'ok', key: 'picking.pick.paused' } };
      const paused = await api.picking.pause({ runId: values.view.runId });
      if (!paused.ok) return said(paused.error);
      return { ok: true, finished: { kind: 'ok', key: 'picking.pick.paused' } };
    }),
  /** After a run is done: back to the runs to pick. */
  next: () => usePickFlow.getState().reset(),
};

type RunsState = { readonly runs: readonly RunToPick[]; readonly load: Load; readonly read: () => Promise<void> };

/** The runs a picker may take here, read again whenever a run changes or a pull brings runs. */
export const useRunsToPick = create<RunsState>()((set, get) => ({
  runs: [],
  load: idle,
  read: async () => {
    if (get().load.status !== 'ready') set({ load: loading });
    const result = await api.picking.toPick();
    set(result.ok ? { runs: result.value, load: loadOf(result) } : { load: loadOf(result) });
  },
}));

sessionScoped('picking.pick.events', {
  reset: () => useRunsToPick.setState({ runs: [], load: idle }),
  activate: () => {
    // The list is read when it shows (RunsToPick), and again while it shows: not under every scan.
    const refreshList = (): void => {
      if (usePickFlow.getState().step === 'run' && useRunsToPick.getState().load.status !== 'idle') void useRunsToPick.getState().read();
    };
    /**
     * The run on screen changed on another station or at the centre: main's view replaces it when
     * it is still this person's at the same news. This station's own changes need no reading: main
     * answered them.
     */
    const followShown = (): Promise<void> =>
      usePickFlow.getState().follow(async () => {
        const shown = usePickFlow.getState();
        const runId = shown.values.view?.runId;
        if (!isPicking(shown.step) || !runId) return null;
        const held = await api.picking.current();
        if (!held.ok) return null;
        const view = held.value;
        // No longer this person's (cancelled, given to someone else, taken), an order withdrawn or changed:
        // main tells which at the next scan, with what to do, so nothing is replaced silently here.
        if (view?.runId !== runId) return null;
        const before = shown.values.view;
        if (before && (view.withdrawn !== before.withdrawn || view.amended !== before.amended)) return null;
        return (current) => (current.values.view?.runId === runId ? stepAt(view, current.values.location) : current);
      });
    const stops = [
      onEvent('picking:run-changed', refreshList),
      onEvent('sync:pulled', ({ entities }) => {
        if (!entities.includes('run')) return;
        refreshList();
        void followShown();
      }),
      onEvent('picking:claim-lost', ({ runId, holder }) => {
        refreshList();
        if (usePickFlow.getState().values.view?.runId !== runId) return;
        void (holder ? leave('error', 'picking.pick.claimLost', { holder }) : leave('error', 'picking.pick.claimLostSomeone'));
      }),
    ];
    return () => stops.forEach((stop) => stop());
  },
});
