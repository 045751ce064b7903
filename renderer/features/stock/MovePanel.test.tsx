// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MoveCheck, StockLine } from '../../../shared/stock';
import { fail, ok, type Result } from '../../../shared/result';
import { i18next } from '../../i18n';
import { api } from '../../lib/api';
import { endSession } from '../../lib/session-scope';
import { MovePanel } from './MovePanel';

vi.mock('../../ui/sounds', () => ({ playFeedback: () => undefined }));
vi.mock('../../lib/api', () => ({
  api: { stock: { checkMove: vi.fn(), move: vi.fn() } },
  onEvent: () => () => undefined,
}));

const sscc = '069012300000000010';
const gtin = '00690123000010';
const line: StockLine = {
  product: { sku: 'SKU-0001', description: { fr: 'Coque n°1', en: 'Case no. 1', zh: '手机壳 1' } },
  location: 'A-01-01-1',
  locationType: 'storage',
  lot: null,
  expiry: null,
  container: sscc,
  quantity: 2900,
};
const origin: MoveCheck['from'] = { kind: 'container', containerKind: 'pallet', code: sscc, location: 'A-01-01-1', lines: [line] };
const checked = (patch: Partial<MoveCheck>): MoveCheck => ({ from: origin, item: null, wholeContainer: false, units: null, to: null, confirm: null, ...patch });

const checkMove = vi.mocked(api.stock.checkMove);
const move = vi.mocked(api.stock.move);

/** Types into the field the step shows, as a wedge scanner does into a scan field. */
async function scan(code: string): Promise<void> {
  const field = document.querySelector<HTMLInputElement>('input[data-scan-field]');
  if (!field) throw new Error('no scan field on this step');
  await userEvent.type(field, `${code}{Enter}`);
}
const step = (): string | null => document.querySelector('[data-flow="move"]')?.getAttribute('data-step') ?? null;

beforeEach(async () => {
  await i18next.changeLanguage('fr');
  checkMove.mockImplementation((steps) => Promise.resolve(answer(steps)));
  move.mockResolvedValue(ok({ movements: 1, quantity: 2900, from: sscc, to: 'DOCK-01' }));
});

/** What main would say to each step, in this small warehouse. */
function answer(steps: Parameters<typeof api.stock.checkMove>[0]): Result<MoveCheck> {
  if (steps.from !== sscc) return fail('LOCATION_NOT_FOUND', 'no', { code: steps.from });
  if (steps.gtin === '4006381333931') return fail('PRODUCT_NOT_FOUND', 'no', { code: steps.gtin });
  if (steps.to !== undefined && steps.gtin === undefined)
    return ok(
      checked({ wholeContainer: true, units: 2900, to: { code: steps.to, type: 'dock' }, confirm: { reason: 'container', units: 2900, threshold: 500 } }),
    );
  if (steps.gtin !== undefined) {
    const item = { product: line.product, gtin, packQuantity: 1, lot: null, available: 2900, scannedQuantity: null };
    return ok(checked({ item, units: steps.quantity ?? null }));
  }
  return ok(checked({}));
}
afterEach(() => {
  cleanup();
  endSession();
  vi.clearAllMocks();
});

describe('the move flow (issue #10)', () => {
  it('keeps the item step when main refuses an unknown GTIN from a pallet, naming it, and moves nothing', async () => {
    render(<MovePanel />);
    await scan(sscc);
    await waitFor(() => expect(step()).toBe('item'));
    expect(screen.getByText(`Contenu de ${sscc}`)).toBeTruthy();
    await scan('4006381333931');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Article 4006381333931 inconnu'));
    expect(step()).toBe('item');
    // The origin stays confirmed and visible.
    expect(document.querySelector('[data-step-id="from"]')?.textContent).toContain(sscc);
    expect(move).not.toHaveBeenCalled();
  });

  it('shows a refused origin at once, naming the code, and the next scan fixes it', async () => {
    render(<MovePanel />);
    await scan('Z-99-99-9');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Emplacement Z-99-99-9 inconnu'));
    expect(step()).toBe('from');
    await scan(sscc);
    await waitFor(() => expect(step()).toBe('item'));
  });

  it('asks for a yes before a whole pallet moves: a second scan of the pallet, or the button', async () => {
    render(<MovePanel />);
    await scan(sscc);
    await waitFor(() => expect(step()).toBe('item'));
    await scan('DOCK-01');
    await waitFor(() => expect(step()).toBe('confirm'));
    expect(move).not.toHaveBeenCalled();
    expect(document.querySelector('.step-prompt')?.textContent).toBe(`Déplacer toute la palette ${sscc} (2900 unités) vers DOCK-01\u202f?`);
    await scan('A-01-01-1');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(`scannez à nouveau la palette ${sscc}`));
    expect(move).not.toHaveBeenCalled();
    await scan(sscc);
    await waitFor(() => expect(move).toHaveBeenCalledWith({ from: sscc, to: 'DOCK-01', confirmed: true }));
    await waitFor(() => expect(step()).toBe('from'));
    expect(screen.getByRole('status').textContent).toContain('2900 unités déplacées');
  });

  it("checks the quantity with the contract's own rule: 9,999,999 is refused before main is asked", async () => {
    render(<MovePanel />);
    await scan(sscc);
    await waitFor(() => expect(step()).toBe('item'));
    await scan(gtin);
    await waitFor(() => expect(step()).toBe('quantity'));
    await userEvent.type(screen.getByRole('textbox', { name: 'Combien d’unités ?' }), '9999999{Enter}');
    await waitFor(() => expect(screen.getByText('Au plus 1000000')).toBeTruthy());
    expect(checkMove).not.toHaveBeenCalledWith(expect.objectContaining({ quantity: 9_999_999 }));
    expect(step()).toBe('quantity');
  });

  it('goes back to a confirmed step to take it again', async () => {
    render(<MovePanel />);
    await scan(sscc);
    await waitFor(() => expect(step()).toBe('item'));
    await userEvent.click(screen.getByRole('button', { name: 'Étape précédente' }));
    expect(step()).toBe('from');
    expect(document.querySelector('[data-step-id="from"]')?.textContent).not.toContain(sscc);
  });
});
