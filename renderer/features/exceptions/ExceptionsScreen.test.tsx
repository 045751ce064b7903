// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/roles';
import { fail, ok } from '../../../shared/result';
import type { SiteException } from '../../../shared/sync/status';
import { i18next } from '../../i18n';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { activateSession, endSession } from '../../lib/session-scope';
import { useFeedback } from '../../ui/feedback';
import { useSession } from '../session/store';
import { ExceptionsScreen } from './ExceptionsScreen';
import { emit } from '../../testing/main-events';

vi.mock('../../ui/sounds', () => ({ playFeedback: () => undefined }));
vi.mock('../../lib/api', async () => ({
  api: { exceptions: { list: vi.fn(), resolve: vi.fn() }, sync: { status: vi.fn() } },
  onEvent: (await import('../../testing/main-events')).onEvent,
}));

const exceptionOf = (patch: Partial<SiteException>): SiteException => ({
  exceptionId: '01890000-0000-7000-8000-0000000000e1',
  at: '2026-12-01T09:00:00.000Z',
  kind: 'SHORT_PICK',
  subject: 'SKU-0001@A-03-02-1',
  location: 'A-03-02-1',
  detail: { runId: '01890000-0000-7000-8000-0000000000f1', orderId: 'MP-261204-0000150', lineNo: 2, quantity: 3, reason: 'empty', flags: ['x'] },
  raisedBy: { name: 'Paul Dubois', station: 'TROLLEY-2' },
  actions: ['accept_short', 'recount'],
  resolution: null,
  unconfirmed: false,
  ...patch,
});
const shortPick = exceptionOf({});

function logIn(role: Role): void {
  useSession.setState({
    session: { user: { id: 1, name: 'Sophie Laurent', role, locale: 'fr' }, locked: false, startedAt: '2026-12-01T08:00:00.000Z', idleLockSeconds: 300 },
  });
  activateSession();
}
function renderScreen(path = '/exceptions/open') {
  const location = memoryLocation({ path, record: true });
  render(
    <Router hook={location.hook}>
      <ExceptionsScreen />
    </Router>,
  );
  return location;
}
const row = (exceptionId: string): HTMLElement =>
  document.querySelector<HTMLElement>(`[data-exception="${exceptionId}"]`) ?? screen.getByText(`no exception ${exceptionId}`);
const openCount = (): string | null | undefined => document.querySelector('[data-exceptions-open]')?.getAttribute('data-exceptions-open');
const actionButton = (exceptionId: string, action: string): HTMLButtonElement | null => row(exceptionId).querySelector(`button[data-action="${action}"]`);

beforeEach(async () => {
  await i18next.changeLanguage('fr');
  vi.mocked(api.sync.status).mockResolvedValue(fail('NETWORK', 'not in this test'));
});
afterEach(() => {
  cleanup();
  endSession();
  useFeedback.getState().clear();
  vi.clearAllMocks();
});

describe("the shift lead's exceptions of the site", () => {
  it('lists an open exception in words, newest first, with the actions that settle it', async () => {
    logIn('shift_lead');
    const older = exceptionOf({
      exceptionId: 'older',
      at: '2026-12-01T07:00:00.000Z',
      kind: 'ORDER_CANCELLED_IN_RUN',
      subject: 'MP-261204-0000151',
      location: null,
      detail: { orderId: 'MP-261204-0000151', message: 'cancelled' },
      raisedBy: { name: 'centre', station: 'centre' },
      actions: ['acknowledge'],
      unconfirmed: true,
    });
    vi.mocked(api.exceptions.list).mockResolvedValue(ok([older, shortPick]));
    renderScreen();
    await waitFor(() => expect(openCount()).toBe('2'));
    expect(api.exceptions.list).toHaveBeenCalledWith({ scope: 'open' });
    expect([...document.querySelectorAll('[data-exception]')].map((node) => node.getAttribute('data-exception'))).toEqual([shortPick.exceptionId, 'older']);

    const card = row(shortPick.exceptionId);
    expect(card.getAttribute('data-exception-kind')).toBe('SHORT_PICK');
    expect(card.textContent).toContain(i18next.t('exceptions.kinds.SHORT_PICK'));
    expect(card.querySelector('code')?.textContent).toBe('SKU-0001@A-03-02-1');
    expect(card.textContent).toContain(formatDateTime(shortPick.at));
    expect(card.textContent).toContain(i18next.t('exceptions.by', { name: 'Paul Dubois', station: 'TROLLEY-2' }));
    // What happened in words: the units, the order and its line, the reason in the site's language.
    expect(card.querySelector('[data-exception-summary]')?.textContent).toBe(
      i18next.t('exceptions.summary.SHORT_PICK', { count: 3, orderId: 'MP-261204-0000150', lineNo: '2', reason: i18next.t('picking.pick.shortReasons.empty') }),
    );
    expect(card.textContent).toContain(i18next.t('picking.pick.shortReasons.empty'));
    expect(card.textContent).not.toContain('flags');
    expect(row('older').querySelector('[data-exception-summary]')?.textContent).toContain('MP-261204-0000151');
    expect(card.querySelector('[data-exception-unconfirmed]')).toBeNull();
    expect(actionButton(shortPick.exceptionId, 'accept_short')?.textContent).toBe(i18next.t('exceptions.act.accept_short'));
    expect(actionButton(shortPick.exceptionId, 'recount')?.textContent).toBe(i18next.t('exceptions.act.recount'));
    expect(actionButton(shortPick.exceptionId, 'acknowledge')).toBeNull();
    expect(within(card).getByLabelText(i18next.t('exceptions.note'))).toBeTruthy();

    const cancelled = row('older');
    expect(cancelled.textContent).toContain(i18next.t('exceptions.kinds.ORDER_CANCELLED_IN_RUN'));
    expect(cancelled.textContent).toContain(i18next.t('exceptions.centre'));
    expect(cancelled.querySelector('[data-exception-unconfirmed]')?.textContent).toBe(i18next.t('exceptions.unconfirmed'));
    expect([...cancelled.querySelectorAll('button[data-action]')].map((button) => button.getAttribute('data-action'))).toEqual(['acknowledge']);
  });

  it('accepts a short pick with a note: resolve is called and the row leaves the open list', async () => {
    logIn('shift_lead');
    vi.mocked(api.exceptions.list)
      .mockResolvedValueOnce(ok([shortPick]))
      .mockResolvedValue(ok([]));
    vi.mocked(api.exceptions.resolve).mockResolvedValue(
      ok({
        ...shortPick,
        resolution: {
          action: 'accept_short',
          note: 'casse',
          by: 'Sophie Laurent',
          station: 'OFFICE-1',
          at: '2026-12-01T09:05:00.000Z',
          taskId: null,
          runId: null,
        },
      }),
    );
    renderScreen();
    await waitFor(() => expect(openCount()).toBe('1'));
    // Typed by a person, slower than a scanner: a fast burst would be taken as a scan (features/scanning/wedge.ts).
    await userEvent.setup({ delay: 80 }).type(within(row(shortPick.exceptionId)).getByLabelText(i18next.t('exceptions.note')), 'casse');
    await userEvent.click(actionButton(shortPick.exceptionId, 'accept_short') as HTMLElement);
    await waitFor(() => expect(api.exceptions.resolve).toHaveBeenCalledWith({ exceptionId: shortPick.exceptionId, action: 'accept_short', note: 'casse' }));
    await waitFor(() => expect(openCount()).toBe('0'));
    expect(document.querySelector(`[data-exception="${shortPick.exceptionId}"]`)).toBeNull();
    expect(screen.getByText(i18next.t('exceptions.none'))).toBeTruthy();
    expect(useFeedback.getState().current?.text).toBe(i18next.t('exceptions.done.accept_short', { subject: shortPick.subject }));
  });

  it('says who settled it first when another shift lead was quicker', async () => {
    logIn('shift_lead');
    vi.mocked(api.exceptions.list).mockResolvedValue(ok([shortPick]));
    vi.mocked(api.exceptions.resolve).mockResolvedValue(fail('EXCEPTION_RESOLVED', 'already resolved', { by: 'Rita Moreau' }));
    renderScreen();
    await waitFor(() => expect(openCount()).toBe('1'));
    await userEvent.click(actionButton(shortPick.exceptionId, 'recount') as HTMLElement);
    await waitFor(() => expect(useFeedback.getState().current?.kind).toBe('error'));
    expect(useFeedback.getState().current?.text).toBe(i18next.t('errors.EXCEPTION_RESOLVED', { by: 'Rita Moreau' }));
    expect(useFeedback.getState().current?.text).toContain('Rita Moreau');
    expect(api.exceptions.resolve).toHaveBeenCalledWith({ exceptionId: shortPick.exceptionId, action: 'recount', note: '' });
  });

  it('shows an admin the exceptions without any action', async () => {
    logIn('admin');
    vi.mocked(api.exceptions.list).mockResolvedValue(ok([shortPick]));
    renderScreen();
    await waitFor(() => expect(openCount()).toBe('1'));
    expect(row(shortPick.exceptionId).textContent).toContain(i18next.t('exceptions.kinds.SHORT_PICK'));
    expect(document.querySelectorAll('button[data-action]')).toHaveLength(0);
    expect(row(shortPick.exceptionId).querySelector('input')).toBeNull();
  });

  it('reads the list again when main says exceptions changed, and when the open count of the sync status moves', async () => {
    logIn('shift_lead');
    vi.mocked(api.exceptions.list).mockResolvedValue(ok([]));
    renderScreen();
    await waitFor(() => expect(openCount()).toBe('0'));
    vi.mocked(api.exceptions.list).mockResolvedValue(ok([shortPick]));
    emit('exceptions:changed', { exceptionIds: [shortPick.exceptionId] });
    await waitFor(() => expect(openCount()).toBe('1'));
    expect(api.exceptions.list).toHaveBeenCalledTimes(2);
    emit('sync:status-changed', { siteExceptions: 1 });
    await waitFor(() => expect(api.exceptions.list).toHaveBeenCalledTimes(3));
    // The same count again (a push, a pull with nothing new): no read.
    emit('sync:status-changed', { siteExceptions: 1 });
    expect(api.exceptions.list).toHaveBeenCalledTimes(3);
  });

  it('says a list that failed to load, with a retry', async () => {
    logIn('shift_lead');
    vi.mocked(api.exceptions.list).mockResolvedValueOnce(fail('NETWORK', 'down'));
    renderScreen();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(i18next.t('errors.NETWORK'));
    vi.mocked(api.exceptions.list).mockResolvedValueOnce(ok([shortPick]));
    await userEvent.click(within(alert).getByRole('button', { name: i18next.t('load.retry') }));
    await waitFor(() => expect(openCount()).toBe('1'));
  });

  it('lists what was settled on the resolved tab: how, the note, by whom, when, and the recount task', async () => {
    logIn('shift_lead');
    const settled = exceptionOf({
      resolution: {
        action: 'recount',
        note: 'bac vide',
        by: 'Sophie Laurent',
        station: 'OFFICE-1',
        at: '2026-12-01T09:05:00.000Z',
        taskId: 'TASK-42',
        runId: null,
      },
    });
    vi.mocked(api.exceptions.list).mockImplementation((input) => Promise.resolve(ok(input?.scope === 'resolved' ? [settled] : [])));
    const location = renderScreen();
    await waitFor(() => expect(openCount()).toBe('0'));
    await userEvent.click(screen.getByRole('tab', { name: i18next.t('exceptions.tabs.resolved') }));
    expect(location.history?.at(-1)).toBe('/exceptions/resolved');
    await waitFor(() => expect(document.querySelector(`tr[data-exception="${settled.exceptionId}"]`)).toBeTruthy());
    expect(api.exceptions.list).toHaveBeenCalledWith({ scope: 'resolved' });
    const cells = [...row(settled.exceptionId).querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells).toEqual([
      formatDateTime('2026-12-01T09:05:00.000Z'),
      i18next.t('exceptions.kinds.SHORT_PICK'),
      'SKU-0001@A-03-02-1',
      i18next.t('exceptions.settled.recount'),
      'bac vide',
      i18next.t('exceptions.by', { name: 'Sophie Laurent', station: 'OFFICE-1' }),
      i18next.t('exceptions.recountTask', { taskId: 'TASK-42' }),
    ]);
    expect(row(settled.exceptionId).querySelector('button')).toBeNull();
  });
});
