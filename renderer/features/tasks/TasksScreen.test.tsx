// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/roles';
import type { CountView } from '../../../shared/stock';
import type { TaskView } from '../../../shared/tasks';
import { ok } from '../../../shared/result';
import { i18next } from '../../i18n';
import { api } from '../../lib/api';
import { activateSession, endSession } from '../../lib/session-scope';
import { useFeedback } from '../../ui/feedback';
import { useSession } from '../session/store';
import { ClaimLostNotices } from './ClaimLostNotices';
import { TasksScreen } from './TasksScreen';
import { emit } from '../../testing/main-events';

vi.mock('../../ui/sounds', () => ({ playFeedback: () => undefined }));
vi.mock('../../lib/api', async () => ({
  api: {
    tasks: {
      list: vi.fn(),
      requestRecount: vi.fn(),
      claim: vi.fn(),
      release: vi.fn(),
      startCount: vi.fn(),
      returnToBin: vi.fn(),
      approve: vi.fn(),
      reject: vi.fn(),
      cancel: vi.fn(),
    },
    stock: { startCount: vi.fn(), countItem: vi.fn(), finishCount: vi.fn(), getCount: vi.fn() },
    scanner: { getSettings: () => Promise.resolve({ ok: false, error: { code: 'NETWORK', message: 'not in this test' } }) },
  },
  onEvent: (await import('../../testing/main-events')).onEvent,
}));

const taskOf = (patch: Partial<TaskView>): TaskView => ({
  taskId: '01890000-0000-7000-8000-000000000001',
  kind: 'recount',
  location: 'A-03-02-1',
  note: null,
  goods: null,
  state: 'open',
  createdBy: { name: 'Sophie Laurent', station: 'OFFICE-1' },
  createdAt: '2026-12-01T08:00:00.000Z',
  claim: null,
  result: null,
  decision: null,
  countId: null,
  unconfirmed: false,
  ...patch,
});
const claimedByMe = taskOf({ state: 'claimed', claim: { name: 'Paul Dubois', station: 'TROLLEY-2', at: '2026-12-01T08:05:00.000Z', mine: true } });
const count: CountView = {
  id: 9,
  location: 'A-03-02-1',
  status: 'counting',
  round: 1,
  createdBy: 'Paul Dubois',
  createdAt: '2026-12-01T08:06:00.000Z',
  lines: [],
  differences: [],
};

function logIn(role: Role): void {
  useSession.setState({
    session: { user: { id: 1, name: 'Paul Dubois', role, locale: 'fr' }, locked: false, startedAt: '2026-12-01T08:00:00.000Z', idleLockSeconds: 300 },
  });
  activateSession();
}
const card = (location: string): HTMLElement => document.querySelector<HTMLElement>(`[data-task="${location}"]`) ?? screen.getByText(`no task ${location}`);
const button = (key: string, within: ParentNode = document): HTMLButtonElement | undefined =>
  [...within.querySelectorAll('button')].find((candidate) => candidate.textContent === i18next.t(key));

beforeEach(async () => {
  await i18next.changeLanguage('fr');
});
afterEach(() => {
  cleanup();
  endSession();
  useFeedback.getState().clear();
  vi.clearAllMocks();
});

describe('the site tasks screen (issue #11)', () => {
  it('lists the open tasks, says when there are none, and follows main when a task changes', async () => {
    logIn('picker');
    vi.mocked(api.tasks.list).mockResolvedValueOnce(ok([]));
    render(<TasksScreen />);
    await waitFor(() => expect(screen.getByText(i18next.t('tasks.none'))).toBeTruthy());
    expect(screen.queryByText(i18next.t('tasks.requestTitle'))).toBeNull();
    vi.mocked(api.tasks.list).mockResolvedValueOnce(ok([taskOf({})]));
    emit('tasks:changed', { taskIds: [] });
    await waitFor(() => expect(card('A-03-02-1').getAttribute('data-task-state')).toBe('open'));
    expect(card('A-03-02-1').textContent).toContain(i18next.t('tasks.state.open'));
  });

  it('puts back the units of a cancelled order: taken, the bin scanned, done — never counted', async () => {
    logIn('picker');
    const goods = { sku: 'CASE-GS24-ORG-1889', quantity: 2, runId: '01890000-0000-7000-8000-0000000000aa', orderId: 'MP-261204-0000151', toteSlot: 3 };
    const returning = taskOf({ kind: 'return_to_bin', location: 'P-01-01-0', goods, createdBy: { name: 'centre', station: 'centre' } });
    const held = { ...returning, state: 'claimed' as const, claim: { name: 'Paul Dubois', station: 'TROLLEY-2', at: '2026-12-01T08:05:00.000Z', mine: true } };
    vi.mocked(api.tasks.list)
      .mockResolvedValueOnce(ok([returning]))
      .mockResolvedValueOnce(ok([held]))
      .mockResolvedValue(ok([]));
    vi.mocked(api.tasks.claim).mockResolvedValue(ok(held));
    vi.mocked(api.tasks.returnToBin).mockResolvedValue(ok({ ...held, state: 'closed' }));
    render(<TasksScreen />);
    await waitFor(() => expect(button('tasks.claim', card('P-01-01-0'))).toBeTruthy());
    expect(card('P-01-01-0').textContent).toContain(i18next.t('tasks.returnOf', { quantity: 2, sku: goods.sku, location: 'P-01-01-0' }));
    expect(card('P-01-01-0').textContent).toContain(i18next.t('tasks.returnFrom', { slot: 3, orderId: goods.orderId }));
    await userEvent.click(button('tasks.claim', card('P-01-01-0')) as HTMLElement);
    const field = await waitFor(
      () => card('P-01-01-0').querySelector<HTMLInputElement>('input[name=return-location]') ?? Promise.reject(new Error('no field')),
    );
    expect(button('tasks.count', card('P-01-01-0'))).toBeUndefined();
    await userEvent.type(field, 'P-01-01-0{Enter}');
    await waitFor(() => expect(api.tasks.returnToBin).toHaveBeenCalledWith({ taskId: returning.taskId, location: 'P-01-01-0' }));
    await waitFor(() => expect(useFeedback.getState().current?.text).toBe(i18next.t('tasks.returned', { quantity: 2, sku: goods.sku, location: 'P-01-01-0' })));
    expect(api.tasks.startCount).not.toHaveBeenCalled();
  });

  it('lets a shift lead ask for a recount of a scanned location', async () => {
    logIn('shift_lead');
    vi.mocked(api.tasks.list).mockResolvedValue(ok([]));
    vi.mocked(api.tasks.requestRecount).mockResolvedValue(ok(taskOf({})));
    render(<TasksScreen />);
    const field = await waitFor(() => document.querySelector<HTMLInputElement>('input[name=recount-location]') ?? Promise.reject(new Error('no field')));
    await userEvent.type(field, 'A-03-02-1{Enter}');
    await waitFor(() => expect(api.tasks.requestRecount).toHaveBeenCalledWith({ location: 'A-03-02-1' }));
    expect(useFeedback.getState().current?.text).toBe(i18next.t('tasks.requested', { location: 'A-03-02-1' }));
  });

  it('takes a task, counts it on the count steps, and goes back to the tasks when the count closes', async () => {
    logIn('picker');
    vi.mocked(api.tasks.list)
      .mockResolvedValueOnce(ok([taskOf({})]))
      .mockResolvedValue(ok([claimedByMe]));
    vi.mocked(api.tasks.claim).mockResolvedValue(ok(claimedByMe));
    vi.mocked(api.tasks.startCount).mockResolvedValue(ok(count));
    vi.mocked(api.stock.finishCount).mockResolvedValue(ok({ ...count, status: 'matched' }));
    render(<TasksScreen />);
    await waitFor(() => expect(button('tasks.claim', card('A-03-02-1'))).toBeTruthy());
    await userEvent.click(button('tasks.claim', card('A-03-02-1')) as HTMLElement);
    await waitFor(() => expect(card('A-03-02-1').getAttribute('data-task-mine')).toBe('true'));
    await userEvent.click(button('tasks.count', card('A-03-02-1')) as HTMLElement);
    await waitFor(() => expect(document.querySelector('[data-flow="count"]')?.getAttribute('data-step')).toBe('items'));
    expect(api.tasks.startCount).toHaveBeenCalledWith({ taskId: claimedByMe.taskId });
    await userEvent.click(screen.getByRole('button', { name: i18next.t('stock.finishCount') }));
    await waitFor(() => expect(document.querySelector('[data-count-outcome]')?.getAttribute('data-count-outcome')).toBe('matched'));
    await userEvent.click(screen.getByRole('button', { name: i18next.t('tasks.backToTasks') }));
    await waitFor(() => expect(document.querySelector('main')?.getAttribute('data-tasks-view')).toBe('list'));
  });

  it('says at once, in words, who took the recount first, and that the scans made are kept', async () => {
    logIn('picker');
    vi.mocked(api.tasks.list).mockResolvedValue(ok([claimedByMe]));
    vi.mocked(api.tasks.startCount).mockResolvedValue(ok(count));
    // As the shell shows them: over the screen, whichever it is.
    render(
      <>
        <ClaimLostNotices />
        <TasksScreen />
      </>,
    );
    await waitFor(() => expect(button('tasks.count', card('A-03-02-1'))).toBeTruthy());
    await userEvent.click(button('tasks.count', card('A-03-02-1')) as HTMLElement);
    await waitFor(() => expect(document.querySelector('main')?.getAttribute('data-tasks-view')).toBe('count'));
    vi.mocked(api.tasks.list).mockResolvedValue(
      ok([taskOf({ state: 'claimed', claim: { name: 'Rita Moreau', station: 'DOCK-1', at: '2026-12-01T08:04:00.000Z', mine: false } })]),
    );
    emit('tasks:claim-lost', { taskId: claimedByMe.taskId, location: 'A-03-02-1', holder: 'Rita Moreau' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(i18next.t('tasks.claimLost', { holder: 'Rita Moreau', location: 'A-03-02-1' }));
    expect(alert.textContent).toContain(i18next.t('tasks.claimLostKept'));
    expect(document.querySelector('main')?.getAttribute('data-tasks-view')).toBe('list');
    await waitFor(() => expect(card('A-03-02-1').textContent).toContain(i18next.t('tasks.state.claimed', { name: 'Rita Moreau', station: 'DOCK-1' })));
    expect(button('tasks.count', card('A-03-02-1'))).toBeUndefined();
    await userEvent.click(within(alert).getByRole('button', { name: i18next.t('tasks.understood') }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lets a shift lead approve a recount that did not match, only with a reason', async () => {
    logIn('shift_lead');
    const mismatch = taskOf({
      state: 'completed',
      claim: { name: 'Paul Dubois', station: 'TROLLEY-2', at: '2026-12-01T08:05:00.000Z', mine: false },
      result: { outcome: 'mismatch', lines: [{ sku: 'SKU-0001', lot: null, counted: 7, expected: 10 }] },
    });
    vi.mocked(api.tasks.list).mockResolvedValue(ok([mismatch]));
    vi.mocked(api.tasks.approve).mockResolvedValue(ok({ ...mismatch, state: 'closed' }));
    render(<TasksScreen />);
    await waitFor(() => expect(card('A-03-02-1').getAttribute('data-task-outcome')).toBe('mismatch'));
    expect(card('A-03-02-1').textContent).toContain('-3');
    await userEvent.click(button('tasks.approve', card('A-03-02-1')) as HTMLElement);
    await waitFor(() => expect(screen.getByText(i18next.t('forms.fields.reason.too_small', { minimum: 3 }))).toBeTruthy());
    expect(api.tasks.approve).not.toHaveBeenCalled();
    // Typed by a person, slower than a scanner: a fast burst would be taken as a scan (features/scanning/wedge.ts).
    await userEvent.setup({ delay: 80 }).type(within(card('A-03-02-1')).getByRole('textbox'), 'casse');
    await userEvent.click(button('tasks.approve', card('A-03-02-1')) as HTMLElement);
    await waitFor(() => expect(api.tasks.approve).toHaveBeenCalledWith({ taskId: mismatch.taskId, reason: 'casse' }));
    expect(button('tasks.reject', card('A-03-02-1'))).toBeTruthy();
  });

  it('lets a shift lead cancel an open task with a reason, by the button and never by Enter alone', async () => {
    logIn('shift_lead');
    vi.mocked(api.tasks.list).mockResolvedValue(ok([taskOf({})]));
    vi.mocked(api.tasks.cancel).mockResolvedValue(ok(taskOf({ state: 'closed' })));
    render(<TasksScreen />);
    await waitFor(() => expect(button('tasks.cancel', card('A-03-02-1'))).toBeTruthy());
    expect(button('tasks.approve', card('A-03-02-1'))).toBeUndefined();
    await userEvent.setup({ delay: 80 }).type(within(card('A-03-02-1')).getByRole('textbox'), 'doublon{Enter}');
    expect(api.tasks.cancel).not.toHaveBeenCalled();
    await userEvent.click(button('tasks.cancel', card('A-03-02-1')) as HTMLElement);
    await waitFor(() => expect(api.tasks.cancel).toHaveBeenCalledWith({ taskId: taskOf({}).taskId, reason: 'doublon' }));
    expect(useFeedback.getState().current?.text).toBe(i18next.t('tasks.decided.cancel', { location: 'A-03-02-1' }));
    // Had Enter cancelled it, the button would have been the second time.
    expect(api.tasks.cancel).toHaveBeenCalledTimes(1);
  });
});
