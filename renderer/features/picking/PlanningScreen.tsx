import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickRunPlan, ReleasedRunView, RunPreview, RunStopLine, UnfillableOrder } from '../../../shared/picking';
import { centreStationId } from '../../../shared/people';
import type { AppErrorShape } from '../../../shared/result';
import type { MissingLine } from '../../../shared/outbound/allocation';
import { errorText } from '../../lib/errors';
import { formatDay, formatMetres, formatNumber, formatPercent, formatTime } from '../../lib/format';
import { BigNumber } from '../../ui/BigNumber';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { LoadState } from '../../ui/LoadState';
import { RouteTabs, useRouteTab } from '../../ui/RouteTabs';
import { AssignRun } from './AssignRun';
import { CancelRun } from './CancelRun';
import { LimitsForm, LimitsText } from './RunLimits';
import { carrierName } from './text';
import { usePlanning } from './store';

type NumberedRun = RunPreview & { readonly number: number };
type StopRow = RunStopLine & { readonly stop: number; readonly location: string };
type MissingRow = MissingLine & { readonly orderId: string; readonly carrier: string; readonly first: boolean };

/** Up and down arrows move between the rows' open buttons, Enter opens (the button's own). */
function moveBetweenRows(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.row-open')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = buttons[at < 0 ? 0 : Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/**
 * The shift lead's planning screen (issue #12, ADR 0009): tomorrow's orders cut into pick runs on
 * this station, each run's stops in route order, the walk against first-come batching, and the
 * orders that cannot be filled, and the runs released for the date. Releasing a previewed run
 * shares it with the site: the centre reserves its stock, or refuses it with the reason.
 */
export function PlanningScreen() {
  const plan = usePlanning((state) => state.plan);
  const load = usePlanning((state) => state.load);
  const read = usePlanning((state) => state.read);
  // The run on screen (or last opened, focused again back in the list), for the plan it belongs to:
  // a new plan may have other runs, so it starts again from the list and its first run.
  const [selection, setSelection] = useState<{ readonly of: PickRunPlan; readonly run: number; readonly open: boolean } | null>(null);
  useEffect(() => {
    void read();
  }, [read]);
  if (!plan) {
    return (
      <main className="screen planning">
        <LoadState load={load} onRetry={() => void read()}>
          {null}
        </LoadState>
      </main>
    );
  }
  const runs: readonly NumberedRun[] = plan.runs.map((run, index) => ({ ...run, number: index + 1 }));
  const current = selection?.of === plan ? selection : null;
  const opened = current?.open ? runs[current.run - 1] : undefined;
  if (opened) {
    return <RunDetail run={opened} shipDate={plan.shipDate} onBack={() => setSelection({ of: plan, run: opened.number, open: false })} />;
  }
  return <PlanOverview plan={plan} runs={runs} onOpen={(run) => setSelection({ of: plan, run, open: true })} focusRun={current?.run ?? null} />;
}

function PlanHeader({ plan, onChangeLimits }: { readonly plan: PickRunPlan; readonly onChangeLimits: () => void }) {
  const { t } = useTranslation();
  const load = usePlanning((state) => state.load);
  const plannedAt = usePlanning((state) => state.plannedAt);
  const read = usePlanning((state) => state.read);
  const refreshing = load.status === 'loading';
  return (
    <>
      <div className="planning-top">
        <h1>{t('picking.title', { date: formatDay(plan.shipDate) })}</h1>
        <p className="muted planning-planned" role="status" data-load={load.status}>
          {refreshing ? t('picking.planning') : plannedAt !== null ? t('picking.plannedAt', { time: formatTime(new Date(plannedAt).toISOString()) }) : null}
        </p>
        <Button onClick={onChangeLimits}>{t('picking.changeLimits')}</Button>
        <Button onClick={() => void read()} disabled={refreshing}>
          {t('picking.refresh')}
        </Button>
      </div>
      {load.status === 'error' && load.error && (
        <div className="notice notice-error planning-error" role="alert" data-load="error">
          <p>{t('picking.refreshFailed', { reason: errorText(t, load.error) })}</p>
          <Button onClick={() => void read()}>{t('load.retry')}</Button>
        </div>
      )}
    </>
  );
}

type OverviewProps = {
  readonly plan: PickRunPlan;
  readonly runs: readonly NumberedRun[];
  readonly onOpen: (run: number) => void;
  readonly focusRun: number | null;
};

function PlanOverview({ plan, runs, onOpen, focusRun }: OverviewProps) {
  const { t } = useTranslation();
  const tabs = [
    { id: 'runs', label: t('picking.tabs.runs', { count: runs.length }) },
    { id: 'unfillable', label: t('picking.tabs.unfillable', { count: plan.unfillable.length }) },
    { id: 'released', label: t('picking.tabs.released', { count: plan.released.length }) },
  ] as const;
  const tab = useRouteTab('/runs', tabs);
  const { totals } = plan;
  const [editingLimits, setEditingLimits] = useState(false);
  const justReleased = usePlanning((state) => state.justReleased);
  return (
    <main className="screen planning" data-plan={plan.shipDate}>
      <PlanHeader plan={plan} onChangeLimits={() => setEditingLimits(true)} />
      {justReleased && (
        <p className="notice notice-ok planning-released" role="status">
          {t('picking.releasedNote', { count: justReleased.orders })}
        </p>
      )}
      {editingLimits && <LimitsForm plan={plan} onDone={() => setEditingLimits(false)} />}
      <div className="figures figures-compact planning-figures">
        <BigNumber label={t('picking.orders')} value={formatNumber(totals.orders)} />
        <BigNumber label={t('picking.runs')} value={formatNumber(runs.length)} />
        <BigNumber label={t('picking.lines')} value={formatNumber(totals.lines)} />
        <BigNumber label={t('picking.units')} value={formatNumber(totals.units)} />
        <BigNumber label={t('picking.distanceMetres')} value={formatNumber(totals.distance)} />
        <BigNumber label={t('picking.saving')} value={formatPercent(totals.savingPercent)} tone="ok" />
      </div>
      <p className="muted planning-baseline" data-first-come={Math.round(totals.firstComeDistance)}>
        {t('picking.firstCome', { distance: formatMetres(totals.firstComeDistance), count: totals.firstComeRuns })} <LimitsText plan={plan} />
      </p>
      <RouteTabs base="/runs" tabs={tabs} label={t('shell.areas.runs')} />
      {tab === 'runs' && <RunsTable runs={runs} onOpen={onOpen} focusRun={focusRun} />}
      {tab === 'unfillable' && <UnfillableTable orders={plan.unfillable} />}
      {tab === 'released' && <ReleasedTable runs={plan.released} />}
    </main>
  );
}

function RunsTable({ runs, onOpen, focusRun }: Omit<OverviewProps, 'plan'>) {
  const { t } = useTranslation();
  const section = useRef<HTMLElement>(null);
  // Keyboard first: the arrows and Enter work as soon as the list is there.
  useEffect(() => {
    const buttons = section.current?.querySelectorAll<HTMLButtonElement>('button.row-open');
    const wanted = focusRun === null ? undefined : section.current?.querySelector<HTMLButtonElement>(`button.row-open[data-run="${focusRun}"]`);
    (wanted ?? buttons?.[0])?.focus();
  }, [focusRun]);
  const columns: readonly Column<NumberedRun>[] = [
    {
      key: 'run',
      header: t('picking.run'),
      cell: (run) => (
        <button
          type="button"
          className="row-open"
          data-run={run.number}
          onClick={() => onOpen(run.number)}
          aria-label={t('picking.openRun', { number: run.number })}
        >
          {t('picking.runNumber', { number: run.number })}
        </button>
      ),
    },
    { key: 'carrier', header: t('picking.carrier'), cell: (run) => carrierName(t, run.carrier) },
    { key: 'cutoff', header: t('picking.cutoff'), cell: (run) => formatTime(run.cutoff) },
    { key: 'orders', header: t('picking.orders'), cell: (run) => formatNumber(run.orders.length), align: 'end' },
    { key: 'lines', header: t('picking.lines'), cell: (run) => formatNumber(run.lines), align: 'end' },
    { key: 'units', header: t('picking.units'), cell: (run) => formatNumber(run.units), align: 'end' },
    { key: 'distance', header: t('picking.distanceMetres'), cell: (run) => formatNumber(run.distance), align: 'end' },
    {
      key: 'method',
      header: t('picking.method'),
      cell: (run) => (
        <>
          {t(`picking.methods.${run.method}`)}
          {run.oversize.length > 0 && <span className="planning-flag">{t('picking.oversize')}</span>}
        </>
      ),
    },
  ];
  return (
    <section className="planning-runs" aria-label={t('picking.runsLabel')} onKeyDown={moveBetweenRows} ref={section}>
      <DataTable
        columns={columns}
        rows={runs}
        rowKey={(run) => run.number}
        fill
        onOpen={(run) => onOpen(run.number)}
        empty={t('picking.noRuns')}
        label={t('picking.runsLabel')}
      />
    </section>
  );
}

function UnfillableTable({ orders }: { readonly orders: readonly UnfillableOrder[] }) {
  const { t } = useTranslation();
  const rows: readonly MissingRow[] = orders.flatMap((order) =>
    order.missing.map((line, index) => ({ ...line, orderId: order.orderId, carrier: order.carrier, first: index === 0 })),
  );
  const columns: readonly Column<MissingRow>[] = [
    { key: 'order', header: t('picking.order'), cell: (row) => <code className={row.first ? undefined : 'muted'}>{row.orderId}</code> },
    { key: 'carrier', header: t('picking.carrier'), cell: (row) => carrierName(t, row.carrier) },
    { key: 'sku', header: t('picking.sku'), cell: (row) => <code>{row.sku}</code> },
    { key: 'wanted', header: t('picking.wanted'), cell: (row) => <strong>{formatNumber(row.wanted)}</strong>, align: 'end' },
    { key: 'available', header: t('picking.available'), cell: (row) => formatNumber(row.available), align: 'end' },
  ];
  return (
    <section className="planning-unfillable" aria-label={t('picking.unfillableLabel')}>
      <p className="lead planning-note">{t('picking.unfillableNote')}</p>
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(row) => `${row.orderId} ${row.lineNo}`}
        fill
        empty={t('picking.allFillable')}
        label={t('picking.unfillableLabel')}
      />
    </section>
  );
}

/** The runs released for the date: pending until the centre confirms, or refused with its reason; a released one may be cancelled. */
function ReleasedTable({ runs }: { readonly runs: readonly ReleasedRunView[] }) {
  const { t } = useTranslation();
  const columns: readonly Column<ReleasedRunView>[] = [
    {
      key: 'state',
      header: t('picking.state'),
      cell: (run) => (
        <span className={`planning-state planning-state-${run.state}`} data-state={run.state}>
          {t(`picking.states.${run.state}`)}
          {run.refusal && <span className="planning-refusal"> — {t(`errors.${run.refusal}`, { defaultValue: run.refusal })}</span>}
        </span>
      ),
    },
    { key: 'carrier', header: t('picking.carrier'), cell: (run) => carrierName(t, run.carrier) },
    { key: 'cutoff', header: t('picking.cutoff'), cell: (run) => formatTime(run.cutoff) },
    { key: 'orders', header: t('picking.orders'), cell: (run) => formatNumber(run.orders), align: 'end' },
    { key: 'lines', header: t('picking.lines'), cell: (run) => formatNumber(run.lines), align: 'end' },
    { key: 'units', header: t('picking.units'), cell: (run) => formatNumber(run.units), align: 'end' },
    { key: 'distance', header: t('picking.distanceMetres'), cell: (run) => formatNumber(run.distance), align: 'end' },
    {
      key: 'by',
      header: t('picking.releasedBy'),
      cell: (run) => {
        const by =
          run.releasedBy.station === centreStationId
            ? t('picking.byCentreAt', { time: formatTime(run.releasedAt) })
            : t('picking.byAt', { name: run.releasedBy.name, station: run.releasedBy.station, time: formatTime(run.releasedAt) });
        // A re-run of a short pick says so: its order is in another run too.
        return run.rerunOf ? `${by} · ${t('picking.rerun')}` : by;
      },
    },
    {
      key: 'picker',
      header: t('picking.assign.picker'),
      cell: (run) => (
        <span data-assignee={run.assignee?.name ?? ''} data-holder={run.holder?.name ?? ''}>
          {run.assignee ? t('picking.assign.givenTo', { name: run.assignee.name }) : t('picking.assign.anyone')}
          {run.holder && <> · {t('picking.assign.picking', { name: run.holder.name, station: run.holder.station })}</>}
        </span>
      ),
    },
    {
      key: 'actions',
      header: t('picking.actions'),
      cell: (run) =>
        run.state === 'released' ? (
          <div className="planning-run-actions">
            <AssignRun run={run} />
            <CancelRun run={run} />
          </div>
        ) : null,
    },
  ];
  return (
    <section className="planning-released-runs" aria-label={t('picking.releasedLabel')}>
      <DataTable columns={columns} rows={runs} rowKey={(run) => run.runId} fill empty={t('picking.noneReleased')} label={t('picking.releasedLabel')} />
    </section>
  );
}

function RunDetail({ run, shipDate, onBack }: { readonly run: NumberedRun; readonly shipDate: string; readonly onBack: () => void }) {
  const { t } = useTranslation();
  const top = useRef<HTMLDivElement>(null);
  const release = usePlanning((state) => state.release);
  const [releasing, setReleasing] = useState<{ readonly busy: boolean; readonly error: AppErrorShape | null }>({ busy: false, error: null });
  const onRelease = async (): Promise<void> => {
    setReleasing({ busy: true, error: null });
    const result = await release(
      shipDate,
      run.orders.map((order) => order.orderId),
    );
    // Released: the plan without the run replaces this one, and the list comes back with the notice.
    if (!result.ok) setReleasing({ busy: false, error: result.error });
  };
  // Keyboard first: Enter (or Escape) goes back.
  useEffect(() => top.current?.querySelector('button')?.focus(), []);
  const rows: readonly StopRow[] = run.stops.flatMap((stop, index) => stop.lines.map((line) => ({ ...line, stop: index + 1, location: stop.location })));
  const columns: readonly Column<StopRow>[] = [
    { key: 'stop', header: t('picking.stop'), cell: (row) => formatNumber(row.stop), align: 'end' },
    { key: 'location', header: t('picking.location'), cell: (row) => <code className="planning-location">{row.location}</code> },
    { key: 'sku', header: t('picking.sku'), cell: (row) => <code>{row.sku}</code> },
    { key: 'quantity', header: t('picking.quantity'), cell: (row) => <strong>{formatNumber(row.quantity)}</strong>, align: 'end' },
    { key: 'slot', header: t('picking.toteSlot'), cell: (row) => <strong className="planning-slot">{row.toteSlot}</strong>, align: 'end' },
    { key: 'order', header: t('picking.order'), cell: (row) => <code>{row.orderId}</code> },
  ];
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Escape') onBack();
  };
  return (
    <main className="screen planning" data-run={run.number} onKeyDown={onKeyDown}>
      <div className="planning-top" ref={top}>
        <h1>{t('picking.runTitle', { number: run.number, carrier: carrierName(t, run.carrier), cutoff: formatTime(run.cutoff) })}</h1>
        <p className="muted planning-planned">{t('picking.routeBy', { method: t(`picking.methods.${run.method}`) })}</p>
        <Button variant="primary" onClick={onBack}>
          {t('picking.back')}
        </Button>
        <Button onClick={() => void onRelease()} disabled={releasing.busy}>
          {t('picking.release')}
        </Button>
      </div>
      {releasing.error && (
        <p className="notice notice-error" role="alert">
          {errorText(t, releasing.error)}
        </p>
      )}
      <div className="figures figures-compact planning-figures planning-figures-5">
        <BigNumber label={t('picking.orders')} value={formatNumber(run.orders.length)} />
        <BigNumber label={t('picking.stops')} value={formatNumber(run.stops.length)} />
        <BigNumber label={t('picking.lines')} value={formatNumber(run.lines)} />
        <BigNumber label={t('picking.units')} value={formatNumber(run.units)} />
        <BigNumber label={t('picking.distanceMetres')} value={formatNumber(run.distance)} />
      </div>
      {run.oversize.length > 0 && (
        <p className="notice notice-attention">{t('picking.oversizeNote', { limits: run.oversize.map((limit) => t(`picking.limits.${limit}`)).join(', ') })}</p>
      )}
      {run.unrouted.length > 0 && (
        <p className="notice notice-attention">
          {t('picking.unroutedNote', { count: run.unrouted.length, locations: [...new Set(run.unrouted.map((line) => line.location))].join(', ') })}
        </p>
      )}
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(row) => `${row.stop} ${row.orderId} ${row.lineNo}`}
        fill
        empty={t('picking.noStops')}
        label={t('picking.stopsLabel', { number: run.number })}
      />
    </main>
  );
}
