import { create } from 'zustand';
import type { OrderToPack } from '../../../shared/ipc/packing';
import type { BoxType, PackLine, PackView, ParcelView, Verified } from '../../../shared/packing';
import type { AppErrorShape, Result } from '../../../shared/result';
import { api, onEvent } from '../../lib/api';
import { idle, loadOf, loading, type Load } from '../../lib/load';
import { sessionScoped } from '../../lib/session-scope';
import { createFlowStore, type StepAnswer } from '../../ui/steps/flow';

/**
 * Packing an order at a pack station (DOMAIN, Outbound 4; issue #13): the order scanned, every item
 * scanned to verify it, the box and the weight, the carrier's label. Main checks each scan against
 * the counts so far, which only this screen holds (nothing is recorded before the seal), so a
 * refused scan changes nothing and an abandoned order leaves nothing behind.
 */
export type PackStep = 'order' | 'items' | 'box' | 'label';
/** `short`: a shift lead chose to pack fewer units than the order asks. */
export type PackValues = {
  readonly view?: PackView;
  readonly short?: boolean;
  readonly box?: BoxType;
  readonly weightGrams?: number | null;
};

type Answer = StepAnswer<PackStep, PackValues>;

export const usePackFlow = createFlowStore<PackStep, PackValues>('packing.pack', { step: 'order', values: {} });

/** The counts so far, as main takes them back with each scan and with the seal. */
export const verifiedOf = (view: PackView): Verified[] => view.lines.map((line) => ({ lineNo: line.lineNo, count: line.verified }));

export const unitsOf = (lines: readonly PackLine[]) => ({
  quantity: lines.reduce((sum, line) => sum + line.quantity, 0),
  verified: lines.reduce((sum, line) => sum + line.verified, 0),
});

const said = (error: AppErrorShape): Answer => ({ ok: false, message: { kind: 'error', error } });
const nothingOpen: Answer = { ok: false, message: { kind: 'attention', key: 'packing.pack.noneOpen' } };

/** An order main opened (or verified further): its items to scan, or the box once every unit is in. */
function opened(result: Result<PackView>, key: string, vars: Readonly<Record<string, string | number>>): Answer {
  if (!result.ok) return said(result.error);
  const view = result.value;
  if (view.complete) return { ok: true, step: 'box', values: { view }, message: { kind: 'ok', key: 'packing.pack.complete', vars: unitsOf(view.lines) } };
  return { ok: true, step: 'items', values: { view }, message: { kind: 'ok', key, vars } };
}

/** The line a scan added to, and how many it added. */
function added(before: PackView, after: PackView): { readonly line: PackLine; readonly count: number } | null {
  for (const line of after.lines) {
    const was = before.lines.find((candidate) => candidate.lineNo === line.lineNo)?.verified ?? 0;
    if (line.verified > was) return { line, count: line.verified - was };
  }
  return null;
}

type SealedState = {
  /** The parcel this station sealed last, shown until the next one (or the next person). */
  readonly last: ParcelView | null;
};

export const useSealed = create<SealedState>()(() => ({ last: null }));

export const packActions = {
  /** An order's barcode scanned or its id typed, or one chosen from the list. */
  open: (code: string) =>
    usePackFlow.getState().take(async () => {
      const result = await api.packing.open({ code });
      return opened(result, 'packing.pack.opened', { orderId: result.ok ? result.value.orderId : code });
    }),
  /** One item scanned into the box, `count` times when keyed (a case counts its units in main). */
  scan: (code: string, count?: number) =>
    usePackFlow.getState().take(async ({ step, values }) => {
      const view = values.view;
      if (!view || step !== 'items') return nothingOpen;
      const result = await api.packing.verify({ orderId: view.orderId, verified: verifiedOf(view), code, ...(count === undefined ? {} : { count }) });
      if (!result.ok) return said(result.error);
      const after = result.value;
      if (after.complete)
        return { ok: true, step: 'box', values: { view: after }, message: { kind: 'ok', key: 'packing.pack.complete', vars: unitsOf(after.lines) } };
      const scanned = added(view, after);
      return {
        ok: true,
        step: 'items',
        values: { view: after },
        message: scanned
          ? {
              kind: 'ok',
              key: 'packing.pack.verifiedLine',
              vars: { count: scanned.count, sku: scanned.line.sku, verified: scanned.line.verified, quantity: scanned.line.quantity },
            }
          : { kind: 'ok', key: 'packing.pack.verifiedUnits', vars: unitsOf(after.lines) },
      };
    }),
  /** A shift lead packs what was verified, fewer units than the order asks (main refuses it to anyone else). */
  packShort: () =>
    usePackFlow.getState().take(({ step, values }) => {
      const view = values.view;
      if (!view || step !== 'items') return Promise.resolve(nothingOpen);
      const units = unitsOf(view.lines);
      return Promise.resolve({
        ok: true,
        step: 'box',
        values: { view, short: true },
        message: { kind: 'attention', key: 'packing.pack.packingShort', vars: { count: units.quantity - units.verified, verified: units.verified } },
      });
    }),
  chooseBox: (box: BoxType, weightGrams: number | null) =>
    usePackFlow
      .getState()
      .take(({ step, values }) =>
        Promise.resolve<Answer>(values.view && step === 'box' ? { ok: true, step: 'label', values: { ...values, box, weightGrams } } : nothingOpen),
      ),
  /** The carrier's label scanned: main seals the parcel, or says why not (wrong carrier, a number already used). */
  seal: (label: string) =>
    usePackFlow.getState().take(async ({ step, values }) => {
      const { view, box } = values;
      if (!view || !box || step !== 'label') return nothingOpen;
      const result = await api.packing.seal({
        orderId: view.orderId,
        verified: verifiedOf(view),
        box,
        weightGrams: values.weightGrams ?? null,
        label,
        short: values.short ?? false,
      });
      if (!result.ok) return said(result.error);
      const parcel = result.value;
      useSealed.setState({ last: parcel });
      return {
        ok: true,
        finished: { kind: 'ok', key: 'packing.pack.sealed', vars: { sscc: parcel.sscc, tracking: parcel.tracking, box: parcel.box, orderId: parcel.orderId } },
      };
    }),
  back: () => usePackFlow.getState().back(),
  /** Abandons the order on screen: nothing of it was recorded, its units stay at the pack station. */
  abandon: () => usePackFlow.getState().reset(),
};

type PackListsState = {
  readonly toPack: readonly OrderToPack[];
  readonly toPackLoad: Load;
  /** Parcels sealed today at the site, newest first. */
  readonly parcels: readonly ParcelView[];
  readonly parcelsLoad: Load;
  /** A shift lead's unpack form is open: scans are the parcel's, not an order's. */
  readonly unpacking: boolean;
  readonly setUnpacking: (unpacking: boolean) => void;
  readonly readToPack: () => Promise<void>;
  readonly readParcels: () => Promise<void>;
  /** Reads again only what someone has on screen. */
  readonly refresh: () => Promise<void>;
  /** A shift lead opens a sealed parcel again (its SSCC or tracking number scanned), with a reason. */
  readonly unpack: (code: string, reason: string) => Promise<Result<ParcelView>>;
};

const listsStart = { toPack: [], toPackLoad: idle, parcels: [], parcelsLoad: idle, unpacking: false } as const;

/** What the pack station lists: the orders its runs brought, the parcels sealed today. */
export const usePackLists = create<PackListsState>()((set, get) => ({
  ...listsStart,
  setUnpacking: (unpacking) => set({ unpacking }),
  readToPack: async () => {
    if (get().toPackLoad.status !== 'ready') set({ toPackLoad: loading });
    const result = await api.packing.toPack();
    set(result.ok ? { toPack: result.value, toPackLoad: loadOf(result) } : { toPackLoad: loadOf(result) });
  },
  readParcels: async () => {
    if (get().parcelsLoad.status !== 'ready') set({ parcelsLoad: loading });
    const result = await api.packing.parcels();
    set(result.ok ? { parcels: result.value, parcelsLoad: loadOf(result) } : { parcelsLoad: loadOf(result) });
  },
  refresh: async () => {
    const reads = [];
    if (get().toPackLoad.status !== 'idle') reads.push(get().readToPack());
    if (get().parcelsLoad.status !== 'idle') reads.push(get().readParcels());
    await Promise.all(reads);
  },
  unpack: async (code, reason) => {
    const result = await api.packing.unpack({ code, reason });
    if (result.ok && useSealed.getState().last?.sscc === result.value.sscc) useSealed.setState({ last: result.value });
    await get().refresh();
    return result;
  },
}));

sessionScoped('packing', {
  reset: () => {
    usePackLists.setState(listsStart);
    useSealed.setState({ last: null });
  },
  // A parcel sealed, opened or loaded here or on another station of the site: the lists read again.
  activate: () => onEvent('packing:changed', () => void usePackLists.getState().refresh()),
});
