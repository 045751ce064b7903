import { create } from 'zustand';
import type { CarrierAtDock } from '../../../shared/ipc/dispatch';
import type { TrailerView } from '../../../shared/packing';
import type { AppErrorShape, Result } from '../../../shared/result';
import { api, onEvent } from '../../lib/api';
import { idle, loadOf, loading, type Load } from '../../lib/load';
import { sessionScoped } from '../../lib/session-scope';
import { createFlowStore, type StepAnswer } from '../../ui/steps/flow';

/**
 * Loading a carrier's trailer at the outbound dock (DOMAIN, Outbound 5–6; issue #13): a trailer
 * opened or chosen, every parcel's label scanned onto it (main refuses a cancelled order's, another
 * carrier's, one not sealed or already loaded, and records nothing), then closed: the manifest.
 */
export type DispatchStep = 'trailer' | 'load' | 'closed';
export type DispatchValues = { readonly trailer?: TrailerView };

type Answer = StepAnswer<DispatchStep, DispatchValues>;

export const useDispatchFlow = createFlowStore<DispatchStep, DispatchValues>('dispatch.flow', { step: 'trailer', values: {} });

const said = (error: AppErrorShape): Answer => ({ ok: false, message: { kind: 'error', error } });
const noTrailer: Answer = { ok: false, message: { kind: 'attention', key: 'dispatch.noTrailer' } };

/** Where a trailer main answered puts the flow: loading it, or its manifest once closed. */
const stepOf = (trailer: TrailerView): DispatchStep => (trailer.state === 'closed' ? 'closed' : 'load');

function shown(result: Result<TrailerView>, key: string): Answer {
  if (!result.ok) return said(result.error);
  const trailer = result.value;
  return { ok: true, step: stepOf(trailer), values: { trailer }, message: { kind: 'ok', key, vars: { label: trailer.label, count: trailer.parcels.length } } };
}

type DockState = {
  readonly carriers: readonly CarrierAtDock[];
  readonly load: Load;
  /** A shift lead is naming the orders the trailer leaves without, before it closes. */
  readonly confirmingClose: boolean;
  readonly read: () => Promise<void>;
  readonly setConfirmingClose: (confirming: boolean) => void;
};

const dockStart = { carriers: [], load: idle, confirmingClose: false } as const;

/** The carriers at the dock for the ship date: what is due, loaded, shipped, their trailers. */
export const useDock = create<DockState>()((set, get) => ({
  ...dockStart,
  read: async () => {
    if (get().load.status !== 'ready') set({ load: loading });
    const result = await api.dispatch.dock();
    set(result.ok ? { carriers: result.value, load: loadOf(result) } : { load: loadOf(result) });
  },
  setConfirmingClose: (confirmingClose) => set({ confirmingClose }),
}));

export const dispatchActions = {
  /** A new trailer for a carrier, named by what the dock reads on it (its plate). */
  open: (carrier: string, label: string) => useDispatchFlow.getState().take(async () => shown(await api.dispatch.open({ carrier, label }), 'dispatch.opened')),
  choose: (trailerId: string) => useDispatchFlow.getState().take(async () => shown(await api.dispatch.trailer({ trailerId }), 'dispatch.chosen')),
  /** A parcel's label scanned (its SSCC or its tracking number) onto the trailer on screen. */
  scan: (code: string) =>
    useDispatchFlow.getState().take(async ({ step, values }) => {
      const before = values.trailer;
      if (!before || step !== 'load') return noTrailer;
      const result = await api.dispatch.load({ trailerId: before.trailerId, code });
      if (!result.ok) return said(result.error);
      const trailer = result.value;
      const parcel = trailer.parcels.find((candidate) => !before.parcels.some((was) => was.sscc === candidate.sscc));
      const vars = { tracking: parcel?.tracking ?? code, orderId: parcel?.orderId ?? '', count: trailer.parcels.length, due: trailer.due.length };
      return {
        ok: true,
        step: stepOf(trailer),
        values: { trailer },
        message: { kind: 'ok', key: trailer.due.length === 0 ? 'dispatch.allLoaded' : 'dispatch.loaded', vars },
      };
    }),
  /**
   * Closes the trailer on screen, naming the orders it leaves without (a shift lead's decision;
   * main refuses anyone else with TRAILER_MISSING_PARCELS). Refused, the trailer is read again:
   * what is due may have changed meanwhile.
   */
  close: (missing: readonly { readonly orderId: string; readonly reason: string }[]) =>
    useDispatchFlow.getState().take(async ({ step, values }) => {
      const trailer = values.trailer;
      if (!trailer || step !== 'load') return noTrailer;
      const result = await api.dispatch.close({ trailerId: trailer.trailerId, missing: [...missing] });
      if (result.ok) {
        useDock.getState().setConfirmingClose(false);
        return {
          ok: true,
          step: 'closed',
          values: { trailer: result.value },
          message: { kind: 'ok', key: 'dispatch.closed', vars: { label: result.value.label, count: result.value.parcels.length } },
        };
      }
      const now = await api.dispatch.trailer({ trailerId: trailer.trailerId });
      if (!now.ok) return said(result.error);
      return { ok: true, step: stepOf(now.value), values: { trailer: now.value }, message: { kind: 'error', error: result.error } };
    }),
  /** Back to the dock's carriers. */
  done: () => {
    useDock.getState().setConfirmingClose(false);
    useDispatchFlow.getState().reset();
  },
};

sessionScoped('dispatch', {
  reset: () => useDock.setState(dockStart),
  activate: () =>
    // A parcel sealed, loaded or pulled back here or on another station: the dock and the trailer on screen read again.
    onEvent('packing:changed', () => {
      if (useDock.getState().load.status !== 'idle') void useDock.getState().read();
      void useDispatchFlow.getState().follow(async () => {
        const { step, values } = useDispatchFlow.getState();
        const trailerId = values.trailer?.trailerId;
        if (step !== 'load' || !trailerId) return null;
        const now = await api.dispatch.trailer({ trailerId });
        if (!now.ok) return null;
        return (current) => (current.values.trailer?.trailerId === trailerId ? { step: stepOf(now.value), values: { trailer: now.value } } : current);
      });
    }),
});
