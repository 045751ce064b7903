import { create } from 'zustand';
import type { CountView, HistorySubject, LookupResult, MovementPage, MoveResult } from '../../../shared/stock';
import type { AppErrorShape, Result } from '../../../shared/result';
import { api, onEvent } from '../../lib/api';

export const historyPageSize = 10;

type LookupState = {
  readonly result: LookupResult | null;
  readonly error: AppErrorShape | null;
  readonly code: string | null;
  readonly history: MovementPage | null;
  readonly historyPage: number;
  readonly lookup: (code: string) => Promise<Result<LookupResult>>;
  readonly refresh: () => Promise<void>;
  readonly loadHistory: (page: number) => Promise<void>;
};

export const subjectOf = (result: LookupResult): HistorySubject =>
  result.kind === 'product' ? { kind: 'product', sku: result.sku } : { kind: result.kind, code: result.code };

/** Look up anything by scanning it; the history pages the movements behind what is shown. */
export const useLookup = create<LookupState>()((set, get) => ({
  result: null,
  error: null,
  code: null,
  history: null,
  historyPage: 0,
  lookup: async (code) => {
    const result = await api.stock.lookup({ code });
    set(result.ok ? { result: result.value, error: null, code, history: null, historyPage: 0 } : { result: null, error: result.error, code, history: null });
    return result;
  },
  refresh: async () => {
    const { code } = get();
    if (code === null) return;
    const result = await api.stock.lookup({ code });
    if (result.ok) set({ result: result.value });
    if (get().history) await get().loadHistory(get().historyPage);
  },
  loadHistory: async (page) => {
    const current = get().result;
    if (!current) return;
    const history = await api.stock.history({ subject: subjectOf(current), offset: page * historyPageSize, limit: historyPageSize });
    if (history.ok) set({ history: history.value, historyPage: page });
  },
}));

// What is on screen follows what main changed (another station's move, a count approved).
onEvent('stock:changed', ({ locations }) => {
  const { result, refresh } = useLookup.getState();
  if (!result) return;
  const shown = result.kind === 'location' ? [result.code] : result.lines.map((line) => line.location);
  if (result.kind !== 'location' || shown.some((code) => locations.includes(code))) void refresh();
});

export type MoveStep =
  | { readonly step: 'from' }
  | { readonly step: 'item'; readonly from: string; readonly isPallet: boolean }
  | { readonly step: 'quantity'; readonly from: string; readonly gtin: string; readonly lot?: string | undefined; readonly suggested?: number | undefined }
  | {
      readonly step: 'to';
      readonly from: string;
      readonly gtin?: string | undefined;
      readonly lot?: string | undefined;
      readonly quantity?: number | undefined;
    };

type MoveState = {
  readonly current: MoveStep;
  readonly last: MoveResult | null;
  readonly go: (step: MoveStep) => void;
  readonly commit: (to: string) => Promise<Result<MoveResult>>;
  readonly reset: () => void;
};

/** Scan from (location or pallet) → item and quantity (unless a whole pallet) → to. */
export const useMove = create<MoveState>()((set, get) => ({
  current: { step: 'from' },
  last: null,
  go: (current) => set({ current }),
  commit: async (to) => {
    const current = get().current;
    if (current.step !== 'to') throw new Error('commit before the destination step');
    const result = await api.stock.move({ from: current.from, to, gtin: current.gtin, lot: current.lot, quantity: current.quantity });
    if (result.ok) set({ current: { step: 'from' }, last: result.value });
    return result;
  },
  reset: () => set({ current: { step: 'from' } }),
}));

type CountState = {
  readonly count: CountView | null;
  readonly start: (location: string) => Promise<Result<CountView>>;
  readonly countItem: (gtin: string, quantity: number) => Promise<Result<CountView>>;
  readonly finish: () => Promise<Result<CountView>>;
  readonly close: () => void;
};

export const useCount = create<CountState>()((set, get) => {
  const keep = (result: Result<CountView>): Result<CountView> => {
    if (result.ok) set({ count: result.value });
    return result;
  };
  const id = (): number => {
    const count = get().count;
    if (!count) throw new Error('no count open');
    return count.id;
  };
  return {
    count: null,
    start: async (location) => keep(await api.stock.startCount({ location })),
    countItem: async (gtin, quantity) => keep(await api.stock.countItem({ countId: id(), gtin, quantity })),
    finish: async () => keep(await api.stock.finishCount({ countId: id() })),
    close: () => set({ count: null }),
  };
});

type ApprovalState = {
  readonly pending: readonly CountView[];
  readonly load: () => Promise<void>;
  readonly decide: (countId: number, approve: boolean, reason: string) => Promise<Result<CountView>>;
};

export const useApprovals = create<ApprovalState>()((set, get) => ({
  pending: [],
  load: async () => {
    const result = await api.stock.listCounts({ status: 'pending_approval' });
    if (result.ok) set({ pending: result.value });
  },
  decide: async (countId, approve, reason) => {
    const result = approve ? await api.stock.approveCount({ countId, reason }) : await api.stock.rejectCount({ countId, reason });
    await get().load();
    return result;
  },
}));
