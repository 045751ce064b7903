// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CutoffBoard, DayReport, Forecast } from '../../../shared/dashboard';
import type { Role } from '../../../shared/roles';
import { fail, ok } from '../../../shared/result';
import type { SiteException } from '../../../shared/sync/status';
import { i18next } from '../../i18n';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { activateSession, endSession } from '../../lib/session-scope';
import { emit } from '../../testing/main-events';
import { useSession } from '../session/store';
import { DashboardScreen } from './DashboardScreen';
import type { DashboardView } from './store';
import { syncStatusOf } from '../../testing/sync-status';

vi.mock('../../ui/sounds', () => ({ playFeedback: () => undefined }));
vi.mock('../../lib/api', async () => ({
  api: { dashboard: { today: vi.fn(), dayLeft: vi.fn(), closeDay: vi.fn() }, exceptions: { list: vi.fn(), resolve: vi.fn() }, sync: { status: vi.fn() } },
  onEvent: (await import('../../testing/main-events')).onEvent,
}));

const forecastOf = (patch: Partial<Forecast>): Forecast => ({
  remaining: 20,
  perHour: 30,
  people: 3,
  hoursLeft: 1.5,
  verdict: 'on_track',
  extraPeople: 0,
  ...patch,
});

const boardOf = (patch: Partial<CutoffBoard>): CutoffBoard => ({
  carrier: 'colissimo',
  cutoff: '2026-12-04T17:00:00.000Z',
  due: 120,
  picked: 90,
  packed: 60,
  dispatched: 12,
  forecast: { pick: forecastOf({}), pack: forecastOf({}) },
  ...patch,
});

/** Winter in Paris (UTC+1): 17:00Z leaves at 18:00 site time. */
const colissimo = boardOf({
  forecast: {
    pick: forecastOf({ remaining: 30 }),
    pack: forecastOf({ remaining: 60, perHour: 20, people: 2, hoursLeft: 1.25, verdict: 'at_risk', extraPeople: 2 }),
  },
});
const dpd = boardOf({
  carrier: 'dpd',
  cutoff: '2026-12-04T15:30:00.000Z',
  due: 40,
  picked: 10,
  packed: 4,
  dispatched: 0,
  forecast: {
    pick: forecastOf({ remaining: 30, perHour: 0, people: 0, verdict: 'no_rate', extraPeople: null }),
    pack: forecastOf({ remaining: 36, hoursLeft: 0, verdict: 'late', extraPeople: null }),
  },
});
const chronopost = boardOf({
  carrier: 'chronopost',
  cutoff: '2026-12-04T11:00:00.000Z',
  due: 8,
  picked: 8,
  packed: 8,
  dispatched: 8,
  forecast: { pick: forecastOf({ remaining: 0, verdict: 'done' }), pack: forecastOf({ remaining: 0, verdict: 'done' }) },
});

const viewOf = (patch: Partial<DashboardView>): DashboardView => ({
  shipDate: '2026-12-04',
  timeZone: 'Europe/Paris',
  at: '2026-12-04T14:00:00.000Z',
  boards: [chronopost, dpd, colissimo],
  series: {
    at: ['2026-12-04T13:30:00.000Z', '2026-12-04T13:45:00.000Z', '2026-12-04T14:00:00.000Z'],
    picked: [80, 96, 108],
    packed: [50, 61, 72],
    dispatched: [8, 14, 20],
  },
  closed: null,
  ...patch,
});

const shortPick: SiteException = {
  exceptionId: '01890000-0000-7000-8000-0000000000e1',
  at: '2026-12-04T13:00:00.000Z',
  kind: 'SHORT_PICK',
  subject: 'SKU-0001@A-03-02-1',
  location: 'A-03-02-1',
  detail: { runId: '01890000-0000-7000-8000-0000000000f1', orderId: 'MP-261204-0000150', lineNo: 2, quantity: 3, reason: 'empty' },
  raisedBy: { name: 'Paul Dubois', station: 'TROLLEY-2' },
  actions: ['accept_short', 'recount'],
  resolution: null,
  unconfirmed: false,
};

function logIn(role: Role = 'shift_lead'): void {
  useSession.setState({
    session: { user: { id: 1, name: 'Sophie Laurent', role, locale: 'fr' }, locked: false, startedAt: '2026-12-04T06:00:00.000Z', idleLockSeconds: 300 },
  });
  activateSession();
}
function renderScreen(): void {
  const location = memoryLocation({ path: '/dashboard', record: true });
  render(
    <Router hook={location.hook}>
      <DashboardScreen />
    </Router>,
  );
}

const board = (carrier: string): HTMLElement =>
  document.querySelector<HTMLElement>(`[data-board-carrier="${carrier}"]`) ?? screen.getByText(`no board for ${carrier}`);
const figure = (carrier: string, name: string): string | null | undefined =>
  board(carrier).querySelector(`[data-figure="${name}"]`)?.getAttribute('data-value');
const forecast = (carrier: string, stage: 'pick' | 'pack'): HTMLElement =>
  board(carrier).querySelector<HTMLElement>(`[data-forecast="${stage}"]`) ?? screen.getByText(`no ${stage} forecast for ${carrier}`);
const ready = (): Promise<void> => waitFor(() => expect(document.querySelector('main[data-dashboard="ready"]')).not.toBeNull());

beforeEach(async () => {
  await i18next.changeLanguage('en');
  vi.mocked(api.dashboard.today).mockResolvedValue(ok(viewOf({})));
  vi.mocked(api.exceptions.list).mockResolvedValue(ok([]));
  vi.mocked(api.sync.status).mockResolvedValue(ok(syncStatusOf({})));
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
  endSession();
  vi.clearAllMocks();
});

describe("the shift lead's dashboard", () => {
  it('shows a board per carrier and cutoff, earliest truck first, with its cutoff in site time and its figures', async () => {
    logIn();
    renderScreen();
    await ready();
    expect(api.dashboard.today).toHaveBeenCalledTimes(1);
    expect([...document.querySelectorAll('[data-board-carrier]')].map((node) => node.getAttribute('data-board-carrier'))).toEqual([
      'chronopost',
      'dpd',
      'colissimo',
    ]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(i18next.t('dashboard.title', { day: 'Friday 4 December' }));

    // The site's clock (Europe/Paris), not the workstation's.
    expect(formatTime(colissimo.cutoff)).toBe('18:00');
    expect(within(board('colissimo')).getByRole('heading', { level: 2 }).textContent).toBe('Colissimo · truck leaves 18:00');
    expect(within(board('dpd')).getByRole('heading', { level: 2 }).textContent).toBe('DPD · truck leaves 16:30');

    expect(['due', 'picked', 'packed', 'dispatched'].map((name) => figure('colissimo', name))).toEqual(['120', '90', '60', '12']);
    expect(board('colissimo').querySelector('[data-figure="packed"] .dashboard-figure-value')?.textContent).toBe('60');
    const picked = within(board('colissimo')).getByRole('progressbar', { name: '90 of 120 picked' });
    expect([picked.getAttribute('value'), picked.getAttribute('max')]).toEqual(['90', '120']);
    expect(within(board('colissimo')).getByRole('progressbar', { name: '12 of 120 dispatched' })).toBeTruthy();
  });

  it('says each forecast in words and colour: on track, at risk with the people it takes, no rate yet, late, done', async () => {
    logIn();
    renderScreen();
    await ready();
    const says = (carrier: string, stage: 'pick' | 'pack') => ({
      verdict: forecast(carrier, stage).getAttribute('data-verdict'),
      text: forecast(carrier, stage).querySelector('[data-forecast-text]')?.textContent,
      tone: forecast(carrier, stage)
        .className.split(' ')
        .find((name) => name.startsWith('verdict-')),
    });
    expect(says('colissimo', 'pick')).toEqual({ verdict: 'on_track', text: 'Picking on track', tone: 'verdict-ok' });
    expect(says('colissimo', 'pack')).toEqual({ verdict: 'at_risk', text: 'At risk: 2 more people for packing', tone: 'verdict-attention' });
    expect(says('dpd', 'pick')).toEqual({ verdict: 'no_rate', text: 'Picking: no rate yet', tone: 'verdict-neutral' });
    expect(says('dpd', 'pack')).toEqual({ verdict: 'late', text: 'Packing late', tone: 'verdict-error' });
    expect(says('chronopost', 'pack')).toEqual({ verdict: 'done', text: 'Packing done', tone: 'verdict-ok' });
    // The board takes its worse stage's colour.
    expect(board('colissimo').classList.contains('verdict-border-attention')).toBe(true);
    expect(board('dpd').classList.contains('verdict-border-error')).toBe(true);
    expect(board('chronopost').classList.contains('verdict-border-ok')).toBe(true);
    // What the verdict is worked out from, for the stages still measured.
    expect(forecast('colissimo', 'pack').querySelector('dl')?.textContent).toBe('Orders left60Last hour20People2Time left1 h 15 min');
    expect(forecast('dpd', 'pack').querySelector('dl')?.textContent).toBe('Orders left36');
    expect(forecast('chronopost', 'pack').querySelector('dl')).toBeNull();

    await i18next.changeLanguage('fr');
    await waitFor(() =>
      expect(forecast('colissimo', 'pack').querySelector('[data-forecast-text]')?.textContent).toBe('À risque\u202f: 2 personnes de plus pour l’emballage'),
    );
  });

  it('reads again when main says a parcel was packed, and never on a timer', async () => {
    // Only the timers: React's scheduler and the mocks' promises run as usual.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    logIn();
    renderScreen();
    await vi.waitFor(() => expect(figure('colissimo', 'packed')).toBe('60'));
    await vi.advanceTimersByTimeAsync(2 * 60 * 60_000);
    expect(api.dashboard.today).toHaveBeenCalledTimes(1);

    vi.mocked(api.dashboard.today).mockResolvedValue(ok(viewOf({ boards: [chronopost, dpd, { ...colissimo, packed: 61 }] })));
    emit('packing:changed', { ssccs: ['376123450000000017'] });
    await vi.waitFor(() => expect(figure('colissimo', 'packed')).toBe('61'));
    expect(api.dashboard.today).toHaveBeenCalledTimes(2);
  });

  it('reads again when a run changes or a pull brings orders, runs or parcels; not for a pull of products', async () => {
    logIn();
    renderScreen();
    await ready();
    emit('picking:run-changed', { runId: '01890000-0000-7000-8000-0000000000f1' });
    await waitFor(() => expect(api.dashboard.today).toHaveBeenCalledTimes(2));
    emit('sync:pulled', { bootstrap: false, entities: ['product', 'location'] });
    emit('sync:pulled', { bootstrap: false, entities: ['parcel'] });
    await waitFor(() => expect(api.dashboard.today).toHaveBeenCalledTimes(3));
    emit('sync:pulled', { bootstrap: false, entities: ['order'] });
    await waitFor(() => expect(api.dashboard.today).toHaveBeenCalledTimes(4));
  });

  it('reads once more, not once per event, when a burst of parcels arrives during a read', async () => {
    logIn();
    renderScreen();
    await ready();
    let answer: (value: Awaited<ReturnType<typeof api.dashboard.today>>) => void = () => undefined;
    vi.mocked(api.dashboard.today).mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    for (let parcel = 0; parcel < 5; parcel += 1) emit('packing:changed', { ssccs: [`37612345000000001${parcel}`] });
    expect(api.dashboard.today).toHaveBeenCalledTimes(2);
    vi.mocked(api.dashboard.today).mockResolvedValue(ok(viewOf({})));
    answer(ok(viewOf({})));
    await waitFor(() => expect(api.dashboard.today).toHaveBeenCalledTimes(3));
    await ready();
    expect(api.dashboard.today).toHaveBeenCalledTimes(3);
  });

  it('names the chart of the day and gives its figures as a table', async () => {
    logIn();
    renderScreen();
    await ready();
    const chart = screen.getByRole('region', { name: i18next.t('dashboard.chart.title') });
    const summary = 'At 15:00: 108 picked, 72 packed and 20 dispatched of 168 orders due.';
    expect(chart.querySelector('.dashboard-chart-summary')?.textContent).toBe(summary);
    const table = within(chart).getByRole('table', { name: i18next.t('dashboard.chart.table') });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => [...row.children].map((cell) => cell.textContent)),
    ).toEqual([
      ['Time', 'Picked', 'Packed', 'Dispatched'],
      ['14:30', '80', '50', '8'],
      ['14:45', '96', '61', '14'],
      ['15:00', '108', '72', '20'],
    ]);
  });

  it("shows the site's open exceptions with their actions, and the sync state", async () => {
    vi.mocked(api.exceptions.list).mockResolvedValue(ok([shortPick]));
    vi.mocked(api.sync.status).mockResolvedValue(ok(syncStatusOf({ state: 'offline', pending: 7, lastPushAt: '2026-12-04T13:58:07.000Z', lastPullAt: null })));
    logIn();
    renderScreen();
    await ready();
    const exceptions = await screen.findByRole('region', { name: '1 open exception' });
    expect(api.exceptions.list).toHaveBeenCalledWith({ scope: 'open' });
    const card = within(exceptions).getByRole('article', { name: new RegExp(i18next.t('exceptions.kinds.SHORT_PICK')) });
    expect(within(card).getByRole('button', { name: i18next.t('exceptions.act.accept_short') })).toBeTruthy();
    expect(
      within(exceptions)
        .getByRole('link', { name: i18next.t('dashboard.exceptions.open') })
        .getAttribute('href'),
    ).toBe('/exceptions/open');

    const sync = await screen.findByRole('region', { name: i18next.t('sync.title') });
    await waitFor(() => expect(sync.getAttribute('data-sync-state')).toBe('offline'));
    expect(sync.querySelector('[data-sync-last-push]')?.textContent).toBe('14:58:07');
    expect(sync.querySelector('[data-sync-last-pull]')?.textContent).toBe('—');
    expect(sync.querySelector('[data-sync-pending]')?.textContent).toBe('7');
    expect(sync.textContent).toContain(i18next.t('sync.states.offline'));
  });

  it('says a dashboard that failed to load, with a retry', async () => {
    vi.mocked(api.dashboard.today).mockResolvedValueOnce(fail('NETWORK', 'down'));
    logIn();
    renderScreen();
    const alert = await waitFor(() => document.querySelector<HTMLElement>('main [data-load="error"]') ?? Promise.reject(new Error('no error shown')));
    expect(alert.textContent).toContain(i18next.t('errors.NETWORK'));
    await userEvent.click(within(alert).getByRole('button', { name: i18next.t('load.retry') }));
    await ready();
    expect(document.querySelectorAll('[data-board-carrier]')).toHaveLength(3);
  });

  it('says when no order is due to leave, without a chart', async () => {
    vi.mocked(api.dashboard.today).mockResolvedValue(ok(viewOf({ boards: [], series: { at: [], picked: [], packed: [], dispatched: [] } })));
    logIn();
    renderScreen();
    await ready();
    expect(screen.getByText(i18next.t('dashboard.none', { day: 'Friday 4 December' }))).toBeTruthy();
    expect(screen.queryByRole('region', { name: i18next.t('dashboard.chart.title') })).toBeNull();
  });

  it('closes the day once the events are pushed and each order on no trailer has a reason, then shows the report', async () => {
    const report: DayReport = {
      shipDate: '2026-12-04',
      closedAt: '2026-12-04 19:30',
      closedBy: 'Sophie Laurent',
      carriers: [{ carrier: 'dpd', due: 3, shipped: 1, explained: 2 }],
      trailers: [{ carrier: 'dpd', label: 'AB-123-CD', parcels: 1, closedAt: '2026-12-04 16:25' }],
      explained: [
        { orderId: 'MP-2', carrier: 'dpd', state: 'not_packed', reason: 'customer asked to wait' },
        { orderId: 'MP-3', carrier: 'dpd', state: 'sealed', reason: 'tomorrow’s truck' },
      ],
    };
    const left = [
      { orderId: 'MP-2', carrier: 'dpd', state: 'not_packed' as const },
      { orderId: 'MP-3', carrier: 'dpd', state: 'sealed' as const },
    ];
    vi.mocked(api.dashboard.dayLeft)
      .mockResolvedValueOnce(ok({ shipDate: '2026-12-04', pending: 4, closed: false, left }))
      .mockResolvedValue(ok({ shipDate: '2026-12-04', pending: 0, closed: false, left }));
    vi.mocked(api.dashboard.closeDay).mockResolvedValue(ok(report));
    vi.mocked(api.sync.status).mockResolvedValue(ok(syncStatusOf({ pending: 4 })));
    logIn();
    renderScreen();
    await ready();
    await userEvent.click(screen.getByRole('button', { name: i18next.t('dashboard.close.open') }));
    // Four events still on their way: nothing to decide yet.
    const panel = await screen.findByRole('region', { name: i18next.t('dashboard.close.title', { day: 'Friday 4 December' }) });
    await waitFor(() => expect(panel.getAttribute('data-close-day-step')).toBe('pending'));
    expect(panel.textContent).toContain(i18next.t('dashboard.close.pending', { count: 4 }));
    // The sync status moves: asked again.
    emit('sync:status-changed', syncStatusOf({ pending: 0 }));
    await waitFor(() => expect(panel.getAttribute('data-close-day-step')).toBe('explain'));

    // A reason too short is refused on screen, nothing sent.
    const submit = within(panel).getByRole('button', { name: i18next.t('dashboard.close.submitWithout', { count: 2 }) });
    await userEvent.type(within(panel).getByLabelText(i18next.t('dispatch.reasonAll'), { exact: false }), 'no');
    await userEvent.click(submit);
    expect(api.dashboard.closeDay).not.toHaveBeenCalled();
    expect(within(panel).getAllByText(i18next.t('dispatch.reasonNeeded')).length).toBeGreaterThan(0);
    await userEvent.type(within(panel).getByLabelText(i18next.t('dispatch.reasonAll'), { exact: false }), 't yet');
    await userEvent.type(within(panel).getByLabelText(i18next.t('dispatch.reasonFor', { orderId: 'MP-3' })), 'tomorrow’s truck');
    vi.mocked(api.dashboard.today).mockResolvedValue(ok(viewOf({ closed: report })));
    await userEvent.click(submit);
    expect(api.dashboard.closeDay).toHaveBeenCalledWith({
      explained: [
        { orderId: 'MP-2', reason: 'not yet' },
        { orderId: 'MP-3', reason: 'tomorrow’s truck' },
      ],
    });
    const shown = await waitFor(() => document.querySelector<HTMLElement>('[data-day-closed="2026-12-04"]') ?? Promise.reject(new Error('no report')));
    expect(shown.textContent).toContain(i18next.t('dashboard.report.closedBy', { time: '2026-12-04 19:30', name: 'Sophie Laurent' }));
    expect([...shown.querySelectorAll('tr[data-order]')].map((row) => row.getAttribute('data-order'))).toEqual(['MP-2', 'MP-3']);
    expect(screen.queryByRole('button', { name: i18next.t('dashboard.close.open') })).toBeNull();
  });

  it('says why main refused the close, and closes nothing', async () => {
    vi.mocked(api.dashboard.dayLeft).mockResolvedValue(ok({ shipDate: '2026-12-04', pending: 0, closed: false, left: [] }));
    vi.mocked(api.dashboard.closeDay).mockResolvedValue(fail('DAY_NOT_PUSHED', 'not pushed', { pending: 2 }));
    logIn();
    renderScreen();
    await ready();
    await userEvent.click(screen.getByRole('button', { name: i18next.t('dashboard.close.open') }));
    await userEvent.click(await screen.findByRole('button', { name: i18next.t('dashboard.close.confirm') }));
    expect((await screen.findByRole('alert')).textContent).toBe(i18next.t('errors.DAY_NOT_PUSHED', { pending: 2 }));
    expect(document.querySelector('[data-day-closed]')).toBeNull();
  });
});
