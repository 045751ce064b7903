// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultRunLimits } from '../../../shared/outbound/run-sizing';
import type { PickRunPlan, ReleasedRunView, RunPreview } from '../../../shared/picking';
import { fail, ok } from '../../../shared/result';
import { i18next } from '../../i18n';
import { api } from '../../lib/api';
import { formatMetres, formatNumber, formatPercent, formatTime } from '../../lib/format';
import { endSession } from '../../lib/session-scope';
import { PlanningScreen } from './PlanningScreen';

vi.mock('../../lib/api', () => ({
  api: { picking: { plan: vi.fn(), setLimits: vi.fn(), release: vi.fn(), cancelRun: vi.fn() } },
  onEvent: () => () => undefined,
}));

afterEach(() => {
  cleanup();
  endSession();
  vi.mocked(api.picking.plan).mockReset();
  vi.mocked(api.picking.setLimits).mockReset();
  vi.mocked(api.picking.release).mockReset();
  vi.mocked(api.picking.cancelRun).mockReset();
});

const run = (carrier: string, cutoff: string, distance: number, stops: RunPreview['stops']): RunPreview => {
  const lines = stops.flatMap((stop) => stop.lines);
  const orders = [...new Map(lines.map((line) => [line.orderId, line.toteSlot])).entries()].map(([orderId, toteSlot]) => ({ orderId, toteSlot }));
  return {
    carrier,
    cutoff,
    orders: orders.sort((a, b) => a.toteSlot - b.toteSlot),
    stops,
    unrouted: [],
    method: 'largest-gap',
    distance,
    lines: lines.length,
    units: lines.reduce((sum, line) => sum + line.quantity, 0),
    oversize: [],
  };
};

/** The plan's first run as the released tab shows it once the centre confirmed it. */
const releasedRun: ReleasedRunView = {
  runId: '0193a000-0000-7000-8000-000000000001',
  carrier: 'chronopost',
  cutoff: '2026-11-27T09:00:00.000Z',
  state: 'released',
  refusal: null,
  orders: 2,
  lines: 2,
  units: 3,
  stops: 2,
  distance: 151.2,
  releasedBy: { name: 'Léa Lead', station: 'OFFICE' },
  releasedAt: '2026-11-26T15:00:00.000Z',
  assignee: null,
  holder: null,
  rerunOf: null,
};

const plan: PickRunPlan = {
  shipDate: '2026-11-27',
  runs: [
    run('chronopost', '2026-11-27T09:00:00.000Z', 151.2, [
      { location: 'P-01-03-0', lines: [{ orderId: 'MP-1', lineNo: 1, sku: 'SKU-A', quantity: 2, toteSlot: 1 }] },
      { location: 'P-02-07-0', lines: [{ orderId: 'MP-2', lineNo: 1, sku: 'SKU-B', quantity: 1, toteSlot: 2 }] },
    ]),
    run('dpd', '2026-11-27T10:30:00.000Z', 1234.4, [
      { location: 'Q-05-11-0', lines: [{ orderId: 'MP-3', lineNo: 2, sku: 'SKU-C', quantity: 3, toteSlot: 1 }] },
      {
        location: 'Q-04-02-0',
        lines: [
          { orderId: 'MP-3', lineNo: 1, sku: 'SKU-D', quantity: 1, toteSlot: 1 },
          { orderId: 'MP-4', lineNo: 1, sku: 'SKU-D', quantity: 4, toteSlot: 2 },
        ],
      },
    ]),
  ],
  released: [],
  unfillable: [
    {
      orderId: 'MP-9',
      carrier: 'colissimo',
      cutoff: '2026-11-27T12:00:00.000Z',
      missing: [
        { lineNo: 1, sku: 'SKU-GONE', wanted: 2, available: 0 },
        { lineNo: 3, sku: 'SKU-LOW', wanted: 5, available: 1 },
      ],
    },
  ],
  unrouted: [],
  totals: { orders: 4, lines: 5, units: 11, distance: 1385.6, firstComeDistance: 2771.2, firstComeRuns: 3, savingPercent: 50 },
  limits: defaultRunLimits,
  limitsSource: 'default',
};

function renderScreen() {
  const location = memoryLocation({ path: '/runs', record: true });
  render(
    <Router hook={location.hook}>
      <PlanningScreen />
    </Router>,
  );
  return location;
}

const figure = (label: string): string => {
  const card = [...document.querySelectorAll('.big-number')].find((node) => node.querySelector('.big-number-label')?.textContent === label);
  return card?.querySelector('.big-number-value')?.textContent ?? `no figure ${label}`;
};
const rowTexts = (): string[][] =>
  [...document.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''));

describe('the planning screen (issue #12)', () => {
  it('says a failed plan and offers a retry, instead of "loading" forever', async () => {
    await i18next.changeLanguage('fr');
    vi.mocked(api.picking.plan).mockResolvedValueOnce(fail('PLAN_INPUT_INVALID', 'bad data'));
    renderScreen();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(i18next.t('errors.PLAN_INPUT_INVALID'));
    vi.mocked(api.picking.plan).mockResolvedValueOnce(ok(plan));
    await userEvent.click(screen.getByRole('button', { name: i18next.t('load.retry') }));
    await screen.findByRole('heading', { name: i18next.t('picking.title', { date: 'vendredi 27 novembre' }) });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(api.picking.plan).toHaveBeenCalledTimes(2);
  });

  it('shows the summary, the runs, a run’s stops in route order, and the orders that cannot be filled', async () => {
    await i18next.changeLanguage('en');
    vi.mocked(api.picking.plan).mockResolvedValue(ok(plan));
    const location = renderScreen();
    await screen.findByRole('heading', { name: i18next.t('picking.title', { date: 'Friday 27 November' }) });

    expect(figure(i18next.t('picking.orders'))).toBe('4');
    expect(figure(i18next.t('picking.runs'))).toBe('2');
    expect(figure(i18next.t('picking.lines'))).toBe('5');
    expect(figure(i18next.t('picking.units'))).toBe('11');
    expect(figure(i18next.t('picking.distanceMetres'))).toBe('1,386');
    expect(figure(i18next.t('picking.saving'))).toBe(formatPercent(50));
    expect(screen.getByRole('tab', { name: i18next.t('picking.tabs.unfillable', { count: 1 }) })).toBeTruthy();
    expect(formatMetres(2771.2)).toBe('2,771 m');
    expect(screen.getByText(i18next.t('picking.firstCome', { distance: '2,771 m', count: 3 }), { exact: false })).toBeTruthy();

    // The runs, cutoffs in site time (Paris: 10:00 and 11:30).
    expect(location.history?.at(-1)).toBe('/runs/runs');
    expect(rowTexts()).toEqual([
      ['Run 1', 'Chronopost', formatTime('2026-11-27T09:00:00.000Z'), '2', '2', '3', '151', 'Largest gap'],
      ['Run 2', 'DPD', formatTime('2026-11-27T10:30:00.000Z'), '2', '3', '8', '1,234', 'Largest gap'],
    ]);
    expect(formatTime('2026-11-27T10:30:00.000Z')).toBe('11:30');

    // Keyboard: the first run has the focus, the down arrow moves to the second, Enter opens it.
    const first = screen.getByRole('button', { name: i18next.t('picking.openRun', { number: 1 }) });
    await waitFor(() => expect(document.activeElement).toBe(first));
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: i18next.t('picking.openRun', { number: 2 }) }));
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('heading', { name: i18next.t('picking.runTitle', { number: 2, carrier: 'DPD', cutoff: '11:30' }) })).toBeTruthy();
    expect(figure(i18next.t('picking.stops'))).toBe('2');
    expect(screen.getByText(i18next.t('picking.routeBy', { method: 'Largest gap' }))).toBeTruthy();
    expect(rowTexts()).toEqual([
      ['1', 'Q-05-11-0', 'SKU-C', '3', '1', 'MP-3'],
      ['2', 'Q-04-02-0', 'SKU-D', '1', '1', 'MP-3'],
      ['2', 'Q-04-02-0', 'SKU-D', '4', '2', 'MP-4'],
    ]);
    // Escape goes back to the list, to the run it came from.
    await userEvent.keyboard('{Escape}');
    expect(rowTexts()).toHaveLength(2);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: i18next.t('picking.openRun', { number: 2 }) })));
    // A click opens a run too.
    await userEvent.click(screen.getByRole('button', { name: i18next.t('picking.openRun', { number: 1 }) }));
    expect(rowTexts().map((row) => row[1])).toEqual(['P-01-03-0', 'P-02-07-0']);
    await userEvent.click(screen.getByRole('button', { name: i18next.t('picking.back') }));

    await userEvent.click(screen.getByRole('tab', { name: i18next.t('picking.tabs.unfillable', { count: 1 }) }));
    const unfillable = screen.getByRole('table', { name: i18next.t('picking.unfillableLabel') });
    expect(
      within(unfillable)
        .getAllByRole('row')
        .slice(1)
        .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
    ).toEqual([
      ['MP-9', 'Colissimo', 'SKU-GONE', '2', '0'],
      ['MP-9', 'Colissimo', 'SKU-LOW', '5', '1'],
    ]);
    expect(screen.getByText(i18next.t('picking.unfillableNote'))).toBeTruthy();
  });

  it('plans again on Refresh, and keeps the last plan on screen with the error when that fails', async () => {
    await i18next.changeLanguage('zh-CN');
    vi.mocked(api.picking.plan).mockResolvedValueOnce(ok(plan));
    renderScreen();
    await screen.findByRole('button', { name: i18next.t('picking.openRun', { number: 2 }) });

    vi.mocked(api.picking.plan).mockResolvedValueOnce(fail('NETWORK', 'down'));
    await userEvent.click(screen.getByRole('button', { name: i18next.t('picking.refresh') }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(i18next.t('errors.NETWORK'));
    expect(rowTexts()).toHaveLength(2);

    const smaller: PickRunPlan = { ...plan, runs: plan.runs.slice(0, 1), totals: { ...plan.totals, orders: 2, savingPercent: 12.4 } };
    vi.mocked(api.picking.plan).mockResolvedValueOnce(ok(smaller));
    await userEvent.click(within(alert).getByRole('button', { name: i18next.t('load.retry') }));
    await waitFor(() => expect(rowTexts()).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(figure(i18next.t('picking.saving'))).toBe(formatPercent(12.4));
    expect(formatNumber(12345)).toBe('12,345');
    expect(api.picking.plan).toHaveBeenCalledTimes(3);
  });

  it("shows the limits the runs are built within, and sets the site's: checked by the contract's schema, then planned again with them", async () => {
    await i18next.changeLanguage('en');
    vi.mocked(api.picking.plan).mockResolvedValue(ok(plan));
    renderScreen();
    const vars = { orders: 30, lines: 150, units: 400, slots: 30 };
    expect(await screen.findByText(i18next.t('picking.defaultLimits', vars), { exact: false })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: i18next.t('picking.changeLimits') }));
    const orders = screen.getByLabelText(i18next.t('picking.limitFields.ordersPerRun'));
    expect(document.activeElement).toBe(orders);
    await userEvent.clear(orders);
    await userEvent.type(orders, '0');
    await userEvent.click(screen.getByRole('button', { name: i18next.t('common.save') }));
    expect(await screen.findByText(i18next.t('forms.tooSmall', { minimum: 1 }))).toBeTruthy();
    expect(api.picking.setLimits).not.toHaveBeenCalled();

    const limits = { ordersPerRun: 12, linesPerRun: 150, unitsPerRun: 400, toteSlots: 12 };
    vi.mocked(api.picking.setLimits).mockResolvedValueOnce(ok({ ...plan, limits, limitsSource: 'site' }));
    await userEvent.clear(orders);
    await userEvent.type(orders, '12');
    const slots = screen.getByLabelText(i18next.t('picking.limitFields.toteSlots'));
    await userEvent.clear(slots);
    await userEvent.type(slots, '12');
    await userEvent.click(screen.getByRole('button', { name: i18next.t('common.save') }));
    expect(await screen.findByText(i18next.t('picking.siteLimits', { orders: 12, lines: 150, units: 400, slots: 12 }), { exact: false })).toBeTruthy();
    expect(api.picking.setLimits).toHaveBeenCalledWith(limits);
    expect(screen.queryByLabelText(i18next.t('picking.limitFields.ordersPerRun'))).toBeNull();
  });

  it('releases a previewed run: a refusal is said on the run, a release brings the list back without it, and the run shows as released', async () => {
    await i18next.changeLanguage('en');
    vi.mocked(api.picking.plan).mockResolvedValue(ok(plan));
    renderScreen();
    await userEvent.click(await screen.findByRole('button', { name: i18next.t('picking.openRun', { number: 1 }) }));
    const release = screen.getByRole('button', { name: i18next.t('picking.release') });

    vi.mocked(api.picking.release).mockResolvedValueOnce(fail('PLAN_CHANGED', 'the plan has no such run any more'));
    await userEvent.click(release);
    expect((await screen.findByRole('alert')).textContent).toBe(i18next.t('errors.PLAN_CHANGED'));
    expect(api.picking.release).toHaveBeenCalledWith({ shipDate: '2026-11-27', orders: ['MP-1', 'MP-2'] });

    const [, second] = plan.runs as [RunPreview, RunPreview];
    const after: PickRunPlan = {
      ...plan,
      runs: [second],
      released: [{ ...releasedRun, state: 'pending' }],
    };
    vi.mocked(api.picking.release).mockResolvedValueOnce(ok(after));
    await userEvent.click(release);
    expect((await screen.findByText(i18next.t('picking.releasedNote', { count: 2 }))).getAttribute('role')).toBe('status');
    expect(screen.getByRole('tab', { name: i18next.t('picking.tabs.runs', { count: 1 }) })).toBeTruthy();
    await userEvent.click(screen.getByRole('tab', { name: i18next.t('picking.tabs.released', { count: 1 }) }));
    const table = screen.getByRole('table', { name: i18next.t('picking.releasedLabel') });
    expect(within(table).getByText(i18next.t('picking.states.pending'))).toBeTruthy();
    expect(
      within(table).getByText(i18next.t('picking.byAt', { name: 'Léa Lead', station: 'OFFICE', time: formatTime('2026-11-26T15:00:00.000Z') })),
    ).toBeTruthy();
  });

  it('marks a re-run of a short pick among the released runs', async () => {
    await i18next.changeLanguage('en');
    const rerun: ReleasedRunView = { ...releasedRun, runId: '0193a000-0000-7000-8000-000000000002', rerunOf: releasedRun.runId };
    vi.mocked(api.picking.plan).mockResolvedValue(ok({ ...plan, released: [releasedRun, rerun] }));
    renderScreen();
    await userEvent.click(await screen.findByRole('tab', { name: i18next.t('picking.tabs.released', { count: 2 }) }));
    const rows = within(screen.getByRole('table', { name: i18next.t('picking.releasedLabel') }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((row) => row.textContent?.includes(i18next.t('picking.rerun')))).toEqual([false, true]);
  });

  it('cancels a released run only with a reason, and shows it cancelled', async () => {
    await i18next.changeLanguage('en');
    vi.mocked(api.picking.plan).mockResolvedValue(ok({ ...plan, released: [releasedRun] }));
    vi.mocked(api.picking.cancelRun).mockResolvedValueOnce(ok({ ...plan, released: [{ ...releasedRun, state: 'cancelled' }] }));
    renderScreen();
    await userEvent.click(await screen.findByRole('tab', { name: i18next.t('picking.tabs.released', { count: 1 }) }));
    await userEvent.click(screen.getByRole('button', { name: i18next.t('picking.cancelRun') }));
    const confirm = screen.getByRole('button', { name: i18next.t('picking.confirmCancelRun') });
    await userEvent.click(confirm);
    const reason = document.querySelector<HTMLInputElement>('[data-cancel-run] input') as HTMLInputElement;
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(api.picking.cancelRun).not.toHaveBeenCalled();
    await userEvent.type(reason, 'carrier strike');
    await userEvent.click(confirm);
    await waitFor(() => expect(api.picking.cancelRun).toHaveBeenCalledWith({ runId: releasedRun.runId, reason: 'carrier strike' }));
    const table = screen.getByRole('table', { name: i18next.t('picking.releasedLabel') });
    expect(await within(table).findByText(i18next.t('picking.states.cancelled'))).toBeTruthy();
    expect(within(table).queryByRole('button', { name: i18next.t('picking.cancelRun') })).toBeNull();
  });
});
