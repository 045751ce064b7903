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
});
