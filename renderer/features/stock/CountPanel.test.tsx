// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CountView } from '../../../shared/stock';
import { fail, ok } from '../../../shared/result';
import { i18next } from '../../i18n';
import { api } from '../../lib/api';
import { activateSession, endSession } from '../../lib/session-scope';
import { CountPanel } from './CountPanel';
import { emit } from '../../testing/main-events';

vi.mock('../../ui/sounds', () => ({ playFeedback: () => undefined }));
vi.mock('../../lib/api', async () => ({
  api: {
    stock: { startCount: vi.fn(), countItem: vi.fn(), finishCount: vi.fn(), getCount: vi.fn() },
    // The scan fields' settings are read when a session starts: the defaults do here.
    scanner: { getSettings: () => Promise.resolve({ ok: false, error: { code: 'NETWORK', message: 'not in this test' } }) },
  },
  onEvent: (await import('../../testing/main-events')).onEvent,
}));

const product = { sku: 'SKU-0001', description: { fr: 'Coque n°1', en: 'Case no. 1', zh: '手机壳 1' } };
const countOf = (patch: Partial<CountView>): CountView => ({
  id: 7,
  location: 'P-01-01-0',
  status: 'counting',
  round: 1,
  createdBy: 'Paul',
  createdAt: '2026-11-26T08:00:00.000Z',
  lines: [],
  differences: [],
  ...patch,
});

async function scan(code: string): Promise<void> {
  const field = document.querySelector<HTMLInputElement>('input[data-scan-field]');
  if (!field) throw new Error('no scan field on this step');
  await userEvent.type(field, `${code}{Enter}`);
}
const step = (): string | null => document.querySelector('[data-flow="count"]')?.getAttribute('data-step') ?? null;

beforeEach(async () => {
  await i18next.changeLanguage('fr');
  vi.mocked(api.stock.startCount).mockResolvedValue(ok(countOf({})));
  vi.mocked(api.stock.countItem).mockImplementation(({ gtin }) =>
    Promise.resolve(
      gtin === '4006381333931' ? fail('PRODUCT_NOT_FOUND', 'no', { code: gtin }) : ok(countOf({ lines: [{ product, lot: null, counted: 1, expected: null }] })),
    ),
  );
  vi.mocked(api.stock.finishCount).mockResolvedValue(ok(countOf({ status: 'pending_approval', round: 2 })));
});
afterEach(() => {
  cleanup();
  endSession();
  vi.clearAllMocks();
});

describe('the count flow, on the same step component', () => {
  it('counts each scan, keeps the step on a refused one, and shows the state main says after approval', async () => {
    activateSession();
    render(<CountPanel />);
    await scan('P-01-01-0');
    await waitFor(() => expect(step()).toBe('items'));
    await scan('00690123000010');
    await waitFor(() => expect(document.querySelector('.big-number-value')?.textContent).toBe('1'));
    await scan('4006381333931');
    await waitFor(() => expect(document.querySelector('[role=alert]')?.textContent).toContain('Article 4006381333931 inconnu'));
    expect(step()).toBe('items');

    await userEvent.click(document.querySelector('.step-work button.button-primary') as HTMLElement);
    await waitFor(() => expect(step()).toBe('closed'));
    expect(document.querySelector('[data-count-outcome]')?.textContent).toContain('En attente de validation');

    // A shift lead approves it (here or at another station): main says so, the screen follows.
    vi.mocked(api.stock.getCount).mockResolvedValue(ok(countOf({ status: 'approved', round: 2 })));
    emit('stock:count-changed', { countId: 7, location: 'P-01-01-0', status: 'approved' });
    await waitFor(() => expect(document.querySelector('[data-count-outcome]')?.textContent).toContain('Ajustement validé'));
  });

  it("counts a keyed quantity for the next scan, within the contract's bound, then 1 again", async () => {
    render(<CountPanel />);
    await scan('P-01-01-0');
    await waitFor(() => expect(step()).toBe('items'));
    const perScan = screen.getByRole('textbox', { name: 'Quantité du prochain scan' });
    await userEvent.clear(perScan);
    await userEvent.type(perScan, '0');
    await scan('00690123000010');
    await waitFor(() => expect(screen.getByText('Au moins 1')).toBeTruthy());
    expect(api.stock.countItem).not.toHaveBeenCalled();
    await userEvent.clear(perScan);
    await userEvent.type(perScan, '24');
    await scan('00690123000010');
    await waitFor(() => expect(api.stock.countItem).toHaveBeenCalledWith({ countId: 7, gtin: '00690123000010', quantity: 24 }));
    await waitFor(() => expect((perScan as HTMLInputElement).value).toBe('1'));
    await scan('00690123000010');
    await waitFor(() => expect(api.stock.countItem).toHaveBeenLastCalledWith({ countId: 7, gtin: '00690123000010' }));
  });

  it('starts clean for the next person', async () => {
    activateSession();
    render(<CountPanel />);
    await scan('P-01-01-0');
    await waitFor(() => expect(step()).toBe('items'));
    endSession();
    await waitFor(() => expect(step()).toBe('location'));
    expect(document.querySelector('[data-step-id="location"]')?.textContent).not.toContain('P-01-01-0');
  });
});
