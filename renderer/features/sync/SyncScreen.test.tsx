// @vitest-environment happy-dom
import { shown } from '../../i18n/as-shown';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReconcileReport } from '../../../shared/ipc/sync';
import { ok } from '../../../shared/result';
import { i18next } from '../../i18n';
import { api } from '../../lib/api';
import { endSession } from '../../lib/session-scope';
import { SyncBanners } from './SyncBanners';
import { SyncScreen } from './SyncScreen';
import { useSync } from './store';
import { syncStatusOf } from '../../testing/sync-status';

vi.mock('../../ui/sounds', () => ({ playFeedback: () => undefined }));
vi.mock('../../lib/api', () => ({
  api: { sync: { status: vi.fn(), syncNow: vi.fn(), exportUnsynced: vi.fn(), exceptions: vi.fn(), reconcile: vi.fn() } },
  onEvent: () => () => undefined,
}));

beforeEach(async () => {
  await i18next.changeLanguage('fr');
  vi.mocked(api.sync.status).mockResolvedValue(ok(syncStatusOf({})));
  vi.mocked(api.sync.exceptions).mockResolvedValue(ok([]));
});
afterEach(() => {
  cleanup();
  endSession();
  vi.clearAllMocks();
});

describe('the sync screen for a site of many stations (issue #11)', () => {
  it("sends the shift lead to the site's exceptions, with how many are open", async () => {
    vi.mocked(api.sync.status).mockResolvedValue(ok(syncStatusOf({ siteExceptions: 3 })));
    render(<SyncScreen />);
    const link = await waitFor(() => document.querySelector<HTMLAnchorElement>('a[data-site-exceptions="3"]') ?? Promise.reject(new Error('no link')));
    expect(link.textContent).toBe(i18next.t('sync.siteExceptions', { count: 3 }));
    expect(link.getAttribute('href')).toBe('/exceptions');
  });

  it('checks the stock against the centre and opens the lines of a zone that differs', async () => {
    const report: ReconcileReport = {
      at: '2026-12-01T09:30:00.000Z',
      outcome: 'mismatch',
      zones: [
        { zone: 'A', lines: 120, equal: true },
        { zone: 'B', lines: 80, equal: false },
      ],
      differences: [{ zone: 'B', location: 'B-01-02-1', container: null, sku: 'SKU-0042', lot: 'L-7', quantity: 3, station: 13, centre: 10 }],
      message: null,
    };
    vi.mocked(api.sync.reconcile).mockResolvedValue(ok(report));
    render(<SyncScreen />);
    await userEvent.click(await screen.findByRole('button', { name: i18next.t('sync.reconcile.check') }));
    await waitFor(() => expect(document.querySelector('[data-reconcile-outcome]')?.getAttribute('data-reconcile-outcome')).toBe('mismatch'));
    expect(document.querySelector('[data-zone="A"]')?.textContent).toContain(i18next.t('sync.reconcile.equal'));
    expect(document.querySelector('[data-zone="B"]')?.textContent).toContain(i18next.t('sync.reconcile.different'));
    expect(document.querySelector('[data-zone-differences="A"]')).toBeNull();
    const zoneB = document.querySelector<HTMLElement>('[data-zone-differences="B"]') as HTMLElement;
    await userEvent.click(within(zoneB).getByText(shown(i18next.t('sync.reconcile.zoneDifferences', { zone: 'B', count: 1 }))));
    const row = within(zoneB).getByText('SKU-0042').closest('tr') as HTMLElement;
    expect([...row.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['SKU-0042', 'B-01-02-1', 'L-7', '—', '13', '10']);
  });
});

describe('the banners over every screen', () => {
  it('says the stock is not the site’s until the bootstrap has loaded it, with its progress', () => {
    useSync.setState({ status: syncStatusOf({ stockLoaded: false, bootstrap: { done: 2, total: 5 } }) });
    render(<SyncBanners />);
    expect(document.querySelector('[data-banner="stock-not-loaded"]')?.textContent).toBe(i18next.t('sync.stockLoading', { done: 2, total: 5 }));
    cleanup();
    useSync.setState({ status: syncStatusOf({ stockLoaded: true }) });
    render(<SyncBanners />);
    expect(document.querySelector('[data-banner]')).toBeNull();
  });

  it('says the centre needs a newer Quai, and which', () => {
    useSync.setState({ status: syncStatusOf({ state: 'update_required', updateRequired: { minClientVersion: '2.0.0', appVersion: '1.4.0' } }) });
    render(<SyncBanners />);
    expect(screen.getByRole('alert').textContent).toBe(i18next.t('sync.updateRequired', { needed: '2.0.0', running: '1.4.0' }));
  });
});
