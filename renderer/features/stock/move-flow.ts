import { classifyScan } from '../../../shared/barcode';
import type { MoveCheck, MoveItem, MoveOrigin } from '../../../shared/stock';
import type { Result } from '../../../shared/result';
import { api } from '../../lib/api';
import { createFlowStore, type Snapshot, type StepAnswer } from '../../ui/steps/flow';

/**
 * Move: from (a location, or a pallet's SSCC) → item → quantity → to, or from a pallet straight to
 * a destination (the whole pallet). Every step is checked by main as it is taken (`checkMove`);
 * a whole pallet, or more units than the site allows without one, asks for a confirmation.
 */
export type MoveStep = 'from' | 'item' | 'quantity' | 'to' | 'confirm';

export type MoveValues = {
  /** As scanned: what is sent to main again at each later step. */
  readonly from?: string;
  readonly origin?: MoveOrigin;
  readonly gtin?: string;
  readonly item?: MoveItem;
  readonly quantity?: number;
  readonly to?: string;
  readonly check?: MoveCheck;
};

type State = Snapshot<MoveStep, MoveValues>;
type Answer = StepAnswer<MoveStep, MoveValues>;

export const useMoveFlow = createFlowStore<MoveStep, MoveValues>('stock.move', { step: 'from', values: {} });

const refused = (result: Result<unknown> & { ok: false }): Answer => ({ ok: false, message: { kind: 'error', error: result.error } });

const stepsOf = (values: MoveValues, to?: string) => ({
  from: values.from ?? '',
  ...(values.gtin === undefined ? {} : { gtin: values.gtin }),
  ...(values.quantity === undefined ? {} : { quantity: values.quantity }),
  ...(to === undefined ? {} : { to }),
});

async function commit(values: MoveValues, confirmed: boolean): Promise<Answer> {
  const result = await api.stock.move({ ...stepsOf(values, values.to), to: values.to ?? '', confirmed });
  if (!result.ok) return refused(result);
  // Back to the first step, saying what moved: the next move starts clean.
  return {
    ok: true,
    finished: {
      kind: 'ok',
      key: 'stock.moved',
      vars: { count: result.value.quantity, quantity: result.value.quantity, from: result.value.from, to: result.value.to },
    },
  };
}

/** A destination checked: straight to the move, or to the confirmation it needs. */
async function toDestination(values: MoveValues, to: string): Promise<Answer> {
  const checked = await api.stock.checkMove(stepsOf(values, to));
  if (!checked.ok) return refused(checked);
  const next = { ...values, to, check: checked.value };
  if (checked.value.confirm) return { ok: true, step: 'confirm', values: next };
  return commit(next, false);
}

const sameCode = (scanned: string, code: string): boolean => {
  const scan = classifyScan(scanned);
  const read = scan.kind === 'sscc' ? scan.sscc : scan.kind === 'location' ? scan.code : scanned.trim().toUpperCase();
  return read === code;
};

/** A scan at whatever step the flow is on when its turn comes. */
async function onScan({ step, values }: State, code: string): Promise<Answer> {
  switch (step) {
    case 'from': {
      const checked = await api.stock.checkMove({ from: code });
      if (!checked.ok) return refused(checked);
      return { ok: true, step: 'item', values: { from: code, origin: checked.value.from } };
    }
    case 'item': {
      // From a pallet, anything but an item is its destination: the whole pallet moves.
      if (values.origin?.kind === 'container' && classifyScan(code).kind !== 'gtin') return toDestination(values, code);
      const checked = await api.stock.checkMove({ from: values.from ?? '', gtin: code });
      if (!checked.ok) return refused(checked);
      return { ok: true, step: 'quantity', values: { ...values, gtin: code, ...(checked.value.item ? { item: checked.value.item } : {}) } };
    }
    case 'quantity':
      return { ok: false, message: { kind: 'attention', key: 'stock.move.typeQuantity' } };
    case 'to':
      return toDestination(values, code);
    case 'confirm': {
      // The second scan of the pallet (or of the destination) is the person's yes.
      const expected = values.check?.wholeContainer ? values.origin?.code : values.to;
      if (expected !== undefined && sameCode(code, expected)) return commit(values, true);
      return {
        ok: false,
        message: {
          kind: 'error',
          key: values.check?.wholeContainer ? 'stock.move.confirmByPallet' : 'stock.move.confirmByDestination',
          vars: { code: expected ?? '' },
        },
      };
    }
  }
}

export const moveActions = {
  scan: (code: string) => useMoveFlow.getState().take((state) => onScan(state, code)),
  quantity: (quantity: number) =>
    useMoveFlow.getState().take(async ({ step, values }) => {
      if (step !== 'quantity') return { ok: false, message: { kind: 'attention', key: 'stock.move.scanNow' } };
      const checked = await api.stock.checkMove({ ...stepsOf(values), quantity });
      if (!checked.ok) return refused(checked);
      return { ok: true, step: 'to', values: { ...values, quantity, check: checked.value } };
    }),
  confirm: () =>
    useMoveFlow
      .getState()
      .take(async ({ step, values }) => (step === 'confirm' ? commit(values, true) : { ok: false, message: { kind: 'attention', key: 'stock.move.scanNow' } })),
};
