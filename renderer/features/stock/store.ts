import { create } from 'zustand';
import type { BarcodeSheet, CountView, HistorySubject, LookupResult, MovementPage } from '../../../shared/stock';
import type { AppErrorShape, Result } from '../../../shared/result';
import { api, onEvent } from '../../lib/api';
import { idle, loadOf, loading, type Load } from '../../lib/load';
import { sessionScoped } from '../../lib/session-scope';

export const historyPageSize = 10;

type LookupState = {
  readonly result: LookupResult | null;
  readonly error: AppErrorShape | null;
  readonly code: string | null;
  readonly history: MovementPage | null;
  readonly historyLoad: Load;
  readonly historyPage: number;
  readonly lookup: (code: string) => Promise<Result<LookupResult>>;
  readonly refresh: () => Promise<void>;
  readonly loadHistory: (page: number) => Promise<void>;
};

export const subjectOf = (result: LookupResult): HistorySubject =>
  result.kind === 'product' ? { kind: 'product', sku: result.sku } : { kind: result.kind, code: result.code };

const lookupStart = { result: null, error: null, code: null, history: null, historyLoad: idle, historyPage: 0 } as const;

/** Look up anything by scanning it; the history pages the movements behind what is shown. */
export const useLookup = create<LookupState>()((set, get) => ({
  ...lookupStart,
  lookup: async (code) => {
    const result = await api.stock.lookup({ code });
    set(result.ok ? { ...lookupStart, result: result.value, code } : { ...lookupStart, error: result.error, code });
    return result;
  },
  refresh: async () => {
    const { code } = get();
    if (code === null) return;
    const result = await api.stock.lookup({ code });
    if (result.ok && get().code === code) set({ result: result.value });
    if (get().history) await get().loadHistory(get().historyPage);
  },
  loadHistory: async (page) => {
    const current = get().result;
    if (!current) return;
    set({ historyLoad: loading });
    const history = await api.stock.history({ subject: subjectOf(current), offset: page * historyPageSize, limit: historyPageSize });
    set(history.ok ? { history: history.value, historyPage: page, historyLoad: loadOf(history) } : { historyLoad: loadOf(history) });
  },
}));

// What is on screen follows what main changed (another station's move, a count approved), while the person works.
sessionScoped('stock.lookup', {
  reset: () => useLookup.setState(lookupStart),
  activate: () => {
    void useLookup.getState().refresh();
    return onEvent('stock:changed', ({ locations }) => {
      const { result, refresh } = useLookup.getState();
      if (!result) return;
      const shown = result.kind === 'location' ? [result.code] : result.lines.map((line) => line.location);
      if (result.kind !== 'location' || shown.some((code) => locations.includes(code))) void refresh();
    });
  },
});

type ApprovalState = {
  readonly pending: readonly CountView[];
  readonly load: Load;
  readonly read: () => Promise<void>;
  readonly decide: (countId: number, approve: boolean, reason: string) => Promise<Result<CountView>>;
};

/** Counts waiting for a shift lead; read again whenever main says a count changed (issue #10). */
export const useApprovals = create<ApprovalState>()((set, get) => ({
  pending: [],
  load: idle,
  read: async () => {
    if (get().load.status !== 'ready') set({ load: loading });
    const result = await api.stock.listCounts({ status: 'pending_approval' });
    set(result.ok ? { pending: result.value, load: loadOf(result) } : { load: loadOf(result) });
  },
  decide: async (countId, approve, reason) => {
    const result = approve ? await api.stock.approveCount({ countId, reason }) : await api.stock.rejectCount({ countId, reason });
    await get().read();
    return result;
  },
}));

sessionScoped('stock.approvals', {
  reset: () => useApprovals.setState({ pending: [], load: idle }),
  activate: () => {
    if (useApprovals.getState().load.status !== 'idle') void useApprovals.getState().read();
    return onEvent('stock:count-changed', () => {
      if (useApprovals.getState().load.status !== 'idle') void useApprovals.getState().read();
    });
  },
});

type SheetState = {
  readonly sheet: BarcodeSheet | null;
  readonly load: Load;
  readonly read: () => Promise<void>;
};

/** The codes of the site's barcode sheet, read from the station's mirror each time the sheet opens. */
export const useBarcodeSheet = create<SheetState>()((set) => ({
  sheet: null,
  load: idle,
  read: async () => {
    set({ load: loading });
    const result = await api.stock.barcodeSheet();
    set(result.ok ? { sheet: result.value, load: loadOf(result) } : { load: loadOf(result) });
  },
}));

sessionScoped('stock.barcodeSheet', { reset: () => useBarcodeSheet.setState({ sheet: null, load: idle }) });
