// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CarrierAtDock } from '../../../shared/ipc/dispatch';
import type { Manifest, ParcelView, TrailerView } from '../../../shared/packing';
import { fail, ok } from '../../../shared/result';
import type { Role } from '../../../shared/roles';
import { i18next } from '../../i18n';
import { api } from '../../lib/api';
import { activateSession, endSession } from '../../lib/session-scope';
import { emit } from '../../testing/main-events';
import { useSession } from '../session/store';
import { DispatchScreen } from './DispatchScreen';
import { manifestFileName } from './manifest-file';

vi.mock('../../ui/sounds', () => ({ playFeedback: () => undefined }));
vi.mock('../../lib/api', async () => ({
  api: { dispatch: { dock: vi.fn(), open: vi.fn(), trailer: vi.fn(), load: vi.fn(), close: vi.fn() }, scanner: { getSettings: vi.fn() } },
  onEvent: (await import('../../testing/main-events')).onEvent,
}));

const trailerId = '01890000-0000-7000-8000-0000000000a1';
const parcelOf = (n: number, patch: Partial<ParcelView> = {}): ParcelView => ({
  sscc: `03760000000000${String(n).padStart(3, '0')}1`,
  orderId: `MP-261204-000015${n}`,
  carrier: 'chronopost',
  tracking: `EE12345678${n}FR`,
  box: 'S',
  weightGrams: 800 + n,
  units: 1,
  short: 0,
  state: 'loaded',
  trailerId,
  packedBy: 'Sophie Laurent',
  packedAt: '2026-12-04T09:00:00.000Z',
  ...patch,
});
const trailerOf = (patch: Partial<TrailerView> = {}): TrailerView => ({
  trailerId,
  carrier: 'chronopost',
  label: 'AB-123-CD',
  shipDate: '2026-12-04',
  state: 'open',
  openedBy: 'Sophie Laurent',
  parcels: [parcelOf(1)],
  due: [
    { orderId: 'MP-261204-0000152', sscc: parcelOf(2).sscc, tracking: parcelOf(2).tracking, state: 'sealed' },
    { orderId: 'MP-261204-0000153', sscc: null, tracking: null, state: 'not_packed' },
  ],
  manifest: null,
  ...patch,
});
const dock: CarrierAtDock[] = [
  { carrier: 'chronopost', shipDate: '2026-12-04', due: 3, loaded: 1, shipped: 0, trailers: [{ trailerId, label: 'AB-123-CD', state: 'open', parcels: 1 }] },
];
const manifest: Manifest = {
  carrier: 'chronopost',
  trailer: 'AB-123-CD',
  closedAt: '2026-12-04 17:45',
  count: 2,
  totalGrams: 1603,
  parcels: [
    { tracking: parcelOf(1).tracking, sscc: parcelOf(1).sscc, orderId: parcelOf(1).orderId, weightGrams: 801 },
    { tracking: parcelOf(2).tracking, sscc: parcelOf(2).sscc, orderId: parcelOf(2).orderId, weightGrams: 802 },
  ],
  missing: [{ orderId: 'MP-261204-0000153', reason: 'Stock abîmé, client prévenu' }],
};

function logIn(role: Role): void {
  useSession.setState({
    session: { user: { id: 1, name: 'Sophie Laurent', role, locale: 'fr' }, locked: false, startedAt: '2026-12-04T08:00:00.000Z', idleLockSeconds: 300 },
  });
  activateSession();
}
async function scan(code: string): Promise<void> {
  const field = document.querySelector<HTMLInputElement>('input[data-scan-field]');
  if (!field) throw new Error('no scan field on this step');
  await userEvent.type(field, `${code}{Enter}`);
}
const step = (): string | null => document.querySelector('main.dispatch-screen')?.getAttribute('data-dispatch-step') ?? null;
const figures = (): { loaded: string | null; due: string | null } => {
  const box = document.querySelector('.dispatch-figures');
  return { loaded: box?.getAttribute('data-loaded') ?? null, due: box?.getAttribute('data-due') ?? null };
};
const alertText = (): string => screen.getByRole('alert').textContent ?? '';

/** Opens the dock's open trailer, as the person does from the list. */
async function chooseTrailer(): Promise<void> {
  render(<DispatchScreen />);
  await userEvent.click(await screen.findByRole('button', { name: i18next.t('dispatch.loadTrailer', { label: 'AB-123-CD' }) }));
  await waitFor(() => expect(step()).toBe('load'));
}

beforeEach(async () => {
  await i18next.changeLanguage('fr');
  vi.mocked(api.scanner.getSettings).mockResolvedValue(fail('NETWORK', 'not in this test'));
  vi.mocked(api.dispatch.dock).mockResolvedValue(ok(dock));
  vi.mocked(api.dispatch.trailer).mockResolvedValue(ok(trailerOf()));
});
afterEach(() => {
  cleanup();
  endSession();
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

describe('the outbound dock (issue #13)', () => {
  it('opens a trailer for a carrier by its plate, with the contract’s rule for the name', async () => {
    logIn('picker');
    vi.mocked(api.dispatch.open).mockResolvedValue(ok(trailerOf({ trailerId, label: 'EF-456-GH', parcels: [] })));
    render(<DispatchScreen />);
    const card = await screen.findByRole('region', { name: i18next.t('dispatch.carrierDay', { carrier: 'Chronopost', day: 'vendredi 4 décembre' }) });
    await userEvent.click(within(card).getByRole('button', { name: i18next.t('dispatch.openTrailer') }));
    expect(api.dispatch.open).not.toHaveBeenCalled();
    await userEvent.type(within(card).getByLabelText(i18next.t('dispatch.newTrailer', { carrier: 'Chronopost' }), { exact: false }), 'EF-456-GH{Enter}');
    await waitFor(() => expect(step()).toBe('load'));
    expect(api.dispatch.open).toHaveBeenCalledWith({ carrier: 'chronopost', label: 'EF-456-GH' });
    expect(figures()).toEqual({ loaded: '0', due: '2' });
  });

  it('loads a parcel by its label and says a refusal in words, nothing changed', async () => {
    logIn('picker');
    await chooseTrailer();
    expect(figures()).toEqual({ loaded: '1', due: '2' });
    vi.mocked(api.dispatch.load)
      .mockResolvedValueOnce(fail('PARCEL_WRONG_CARRIER', 'wrong carrier', { sscc: '037600000000009991', carrier: 'dpd', trailerCarrier: 'chronopost' }))
      .mockResolvedValueOnce(ok(trailerOf({ parcels: [parcelOf(1), parcelOf(2)], due: trailerOf().due.slice(1) })));
    await scan('037600000000009991');
    await waitFor(() => expect(alertText()).toContain('Le colis 037600000000009991 part en DPD, cette remorque est celle de Chronopost'));
    expect(alertText()).toContain('Rien n’a été chargé');
    expect(figures()).toEqual({ loaded: '1', due: '2' });
    await scan(parcelOf(2).tracking);
    await waitFor(() => expect(figures()).toEqual({ loaded: '2', due: '1' }));
    expect(api.dispatch.load).toHaveBeenLastCalledWith({ trailerId, code: parcelOf(2).tracking });
    expect(document.querySelector(`.dispatch-loaded tr[data-sscc="${parcelOf(2).sscc}"]`)).not.toBeNull();
    expect(document.querySelector('.dispatch-due tr[data-order="MP-261204-0000152"]')).toBeNull();
  });

  it('reads the trailer on screen again when main says a parcel changed', async () => {
    logIn('picker');
    await chooseTrailer();
    vi.mocked(api.dispatch.trailer).mockResolvedValue(ok(trailerOf({ due: trailerOf().due.slice(0, 1) })));
    emit('packing:changed', { ssccs: [] });
    await waitFor(() => expect(figures()).toEqual({ loaded: '1', due: '1' }));
    expect(api.dispatch.dock).toHaveBeenCalledTimes(2);
  });

  it('tells a picker who closes with parcels due what main says, and keeps the trailer open', async () => {
    logIn('picker');
    vi.mocked(api.dispatch.close).mockResolvedValue(
      fail('TRAILER_MISSING_PARCELS', 'missing', { count: 2, orders: ['MP-261204-0000152', 'MP-261204-0000153'] }),
    );
    await chooseTrailer();
    await userEvent.click(screen.getByRole('button', { name: i18next.t('dispatch.close') }));
    await waitFor(() => expect(api.dispatch.close).toHaveBeenCalledWith({ trailerId, missing: [] }));
    await waitFor(() =>
      expect(alertText()).toContain(i18next.t('errors.TRAILER_MISSING_PARCELS', { count: 2, orders: 'MP-261204-0000152, MP-261204-0000153' })),
    );
    expect(alertText()).toContain('La remorque reste ouverte');
    expect(step()).toBe('load');
  });

  it('has a shift lead name the missing orders with a reason each, then shows the manifest', async () => {
    logIn('shift_lead');
    vi.mocked(api.dispatch.close).mockResolvedValue(ok(trailerOf({ state: 'closed', parcels: [parcelOf(1), parcelOf(2)], due: [], manifest })));
    await chooseTrailer();
    await userEvent.click(screen.getByRole('button', { name: i18next.t('dispatch.close') }));
    const form = await screen.findByRole('form', { name: i18next.t('dispatch.closeTitle', { count: 2, label: 'AB-123-CD' }) });
    expect(within(form).getByText('MP-261204-0000152')).toBeTruthy();
    expect(within(form).getByText('MP-261204-0000153')).toBeTruthy();
    const confirm = within(form).getByRole('button', { name: i18next.t('dispatch.closeMissing', { count: 2 }) });

    // No reason, or too short: refused before main is asked.
    await userEvent.type(within(form).getByLabelText(i18next.t('dispatch.reasonAll'), { exact: false }), 'ab');
    await userEvent.click(confirm);
    expect(within(form).getAllByText(i18next.t('dispatch.reasonNeeded')).length).toBeGreaterThan(0);
    expect(api.dispatch.close).not.toHaveBeenCalled();

    // One reason for all, another for one order.
    await userEvent.clear(within(form).getByLabelText(i18next.t('dispatch.reasonAll'), { exact: false }));
    await userEvent.type(within(form).getByLabelText(i18next.t('dispatch.reasonAll'), { exact: false }), 'Pas prêt au départ du camion');
    await userEvent.type(within(form).getByLabelText(i18next.t('dispatch.reasonFor', { orderId: 'MP-261204-0000153' })), 'Stock abîmé, client prévenu');
    await userEvent.click(confirm);
    await waitFor(() =>
      expect(api.dispatch.close).toHaveBeenCalledWith({
        trailerId,
        missing: [
          { orderId: 'MP-261204-0000152', reason: 'Pas prêt au départ du camion' },
          { orderId: 'MP-261204-0000153', reason: 'Stock abîmé, client prévenu' },
        ],
      }),
    );
    await waitFor(() => expect(step()).toBe('closed'));
    const shown = screen.getByRole('region', { name: i18next.t('dispatch.manifestTitle') });
    expect(shown.getAttribute('data-count')).toBe('2');
    expect([...shown.querySelectorAll('.manifest-parcels tbody tr')].map((row) => row.getAttribute('data-tracking'))).toEqual([
      parcelOf(1).tracking,
      parcelOf(2).tracking,
    ]);
    expect(within(shown).getByText(i18next.t('dispatch.closedAtTime', { time: '2026-12-04 17:45' }))).toBeTruthy();
    expect(within(shown).getByText('1,603 kg')).toBeTruthy();
    expect(within(shown).getByText('Stock abîmé, client prévenu')).toBeTruthy();
  });

  it('exports the manifest as the CSV the carrier takes, named by carrier, trailer and date', async () => {
    logIn('picker');
    const withComma: Manifest = { ...manifest, trailer: 'AB 123/CD' };
    vi.mocked(api.dispatch.dock).mockResolvedValue(ok([{ ...dock[0]!, trailers: [{ trailerId, label: 'AB 123/CD', state: 'closed', parcels: 2 }] }]));
    vi.mocked(api.dispatch.trailer).mockResolvedValue(ok(trailerOf({ label: 'AB 123/CD', state: 'closed', due: [], manifest: withComma })));
    const saved: { blob?: Blob; name?: string } = {};
    const createObjectURL = vi.fn((blob: Blob) => {
      saved.blob = blob;
      return 'blob:manifest';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.name = this.download;
    });

    render(<DispatchScreen />);
    await userEvent.click(await screen.findByRole('button', { name: i18next.t('dispatch.showManifest', { label: 'AB 123/CD' }) }));
    await waitFor(() => expect(step()).toBe('closed'));
    await userEvent.click(screen.getByRole('button', { name: i18next.t('dispatch.exportCsv') }));

    expect(saved.name).toBe('manifest-chronopost-AB-123-CD-2026-12-04.csv');
    expect(manifestFileName(withComma)).toBe(saved.name);
    expect(saved.blob?.type).toBe('text/csv;charset=utf-8');
    expect(await saved.blob?.text()).toBe(
      [
        'carrier,trailer,closed_at,parcels,total_grams',
        'chronopost,AB 123/CD,2026-12-04 17:45,2,1603',
        '',
        'tracking,sscc,order,weight_grams',
        `${parcelOf(1).tracking},${parcelOf(1).sscc},${parcelOf(1).orderId},801`,
        `${parcelOf(2).tracking},${parcelOf(2).sscc},${parcelOf(2).orderId},802`,
        '',
        'missing_order,reason',
        'MP-261204-0000153,"Stock abîmé, client prévenu"',
        '',
      ].join('\r\n'),
    );
  });
});
