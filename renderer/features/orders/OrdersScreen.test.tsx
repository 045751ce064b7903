// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../shared/result';
import { i18next } from '../../i18n';
import { api } from '../../lib/api';
import { endSession } from '../../lib/session-scope';
import { OrdersScreen } from './OrdersScreen';

vi.mock('../../lib/api', () => ({ api: { orders: { nextDay: vi.fn() } }, onEvent: () => () => undefined }));

afterEach(() => {
  cleanup();
  endSession();
});

describe('the orders list (issue #8)', () => {
  it('says a failed load and offers a retry, instead of "loading" forever', async () => {
    await i18next.changeLanguage('fr');
    vi.mocked(api.orders.nextDay).mockResolvedValueOnce(fail('NETWORK', 'down'));
    render(<OrdersScreen />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(i18next.t('errors.NETWORK'));
    vi.mocked(api.orders.nextDay).mockResolvedValueOnce(ok({ shipDate: '2026-11-27', orders: [], byCarrier: [] }));
    await userEvent.click(screen.getByRole('button', { name: i18next.t('load.retry') }));
    await waitFor(() => expect(screen.getByText(i18next.t('orders.none'))).toBeTruthy());
    expect(api.orders.nextDay).toHaveBeenCalledTimes(2);
  });

  it('filters by a scanned order number or SKU, and a row opens its order (issue #10)', async () => {
    await i18next.changeLanguage('en');
    const order = (orderId: string, skus: readonly string[]) => ({
      orderId,
      carrier: 'dpd' as const,
      service: 'predict',
      cutoff: '2026-11-27T15:00:00.000Z',
      version: 1,
      lines: skus.length,
      units: skus.length * 2,
      items: skus.map((sku, index) => ({ lineNo: index + 1, sku, quantity: 2 })),
    });
    const orders = [order('ORD-1', ['SKU-A']), order('ORD-2', ['SKU-B', 'SKU-A']), order('ORD-3', ['SKU-C'])];
    vi.mocked(api.orders.nextDay).mockResolvedValue(ok({ shipDate: '2026-11-27', orders, byCarrier: [{ carrier: 'dpd', orders: 3, units: 8 }] }));
    render(<OrdersScreen />);
    await screen.findByText(i18next.t('orders.scanFilter'));
    const field = document.querySelector('input[name=orders-filter]') as HTMLInputElement;
    const shown = (): string[] => [...document.querySelectorAll('tbody tr code')].map((node) => node.textContent ?? '');
    expect(shown()).toEqual(['ORD-1', 'ORD-2', 'ORD-3']);

    await userEvent.type(field, 'sku-a{Enter}');
    expect(shown()).toEqual(['ORD-1', 'ORD-2']);
    await userEvent.type(field, 'ORD-3{Enter}');
    expect(shown()).toEqual(['ORD-3']);
    await userEvent.type(field, 'NOPE{Enter}');
    expect(screen.getByText(i18next.t('orders.noMatch', { code: 'NOPE' }))).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: i18next.t('orders.showAll') }));
    expect(shown()).toHaveLength(3);

    await userEvent.click(screen.getByRole('button', { name: i18next.t('orders.open', { id: 'ORD-2' }) }));
    expect(screen.getByRole('heading', { name: i18next.t('orders.detailTitle', { id: 'ORD-2' }) })).toBeTruthy();
    expect(shown()).toEqual(['SKU-B', 'SKU-A']);
    await userEvent.click(screen.getByRole('button', { name: i18next.t('orders.back') }));
    expect(shown()).toHaveLength(3);
  });
});
