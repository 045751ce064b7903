import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CarrierAtDock } from '../../../shared/ipc/dispatch';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { DueParcel, ParcelView, TrailerView } from '../../../shared/packing';
import { formatDay, formatWeight } from '../../lib/format';
import { useSchemaForm } from '../../lib/forms';
import { BigNumber } from '../../ui/BigNumber';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { TextField } from '../../ui/Field';
import { LoadState } from '../../ui/LoadState';
import { ScanField } from '../../ui/ScanField';
import { StepFlow, type StepView } from '../../ui/steps/StepFlow';
import { carrierName } from '../picking/text';
import { useSession } from '../session/store';
import { CloseTrailer } from './CloseTrailer';
import { dispatchActions, useDispatchFlow, useDock, type DispatchStep } from './dispatch-flow';
import { ManifestView } from './ManifestView';

/**
 * The outbound dock (issue #13): a carrier's trailer opened or chosen, every parcel scanned onto
 * it, how many are loaded against how many are due in big type, then closed: the manifest.
 */
export function DispatchScreen() {
  const { t } = useTranslation();
  const step = useDispatchFlow((state) => state.step);
  const trailer = useDispatchFlow((state) => state.values.trailer);
  const message = useDispatchFlow((state) => state.message);
  const busy = useDispatchFlow((state) => state.busy);
  const confirming = useDock((state) => state.confirmingClose);

  const steps: readonly StepView<DispatchStep>[] = [
    {
      id: 'trailer',
      title: t('dispatch.steps.trailer'),
      done: trailer && t('dispatch.trailerOf', { carrier: carrierName(t, trailer.carrier), label: trailer.label }),
    },
    { id: 'load', title: t('dispatch.steps.load'), done: trailer && t('dispatch.parcelsCount', { count: trailer.parcels.length }) },
    { id: 'closed', title: t('dispatch.steps.closed') },
  ];
  const prompt =
    step === 'load' && trailer
      ? t('dispatch.scanParcels', { carrier: carrierName(t, trailer.carrier), label: trailer.label })
      : step === 'closed' && trailer
        ? t('dispatch.closedTitle', { label: trailer.label })
        : t('dispatch.chooseTrailer');

  return (
    <main className="screen dispatch-screen" data-dispatch-step={step} data-trailer={trailer?.trailerId ?? ''}>
      <StepFlow
        name="dispatch"
        label={t('dispatch.title')}
        steps={steps}
        current={step}
        prompt={prompt}
        expects={step === 'load' ? t('dispatch.expects') : undefined}
        message={message}
        busy={busy}
        // Back to the dock's trailers: nothing loaded is undone.
        onBack={trailer ? dispatchActions.done : undefined}
        details={trailer && step === 'load' ? <TrailerFigures trailer={trailer} busy={busy} /> : undefined}
      >
        {step === 'trailer' && <Dock />}
        {step === 'load' && trailer && (
          <>
            {/* While a shift lead names what is missing, scans are not loads. */}
            {!confirming && (
              <ScanField key={`load-${trailer.trailerId}`} hideLabel label={prompt} name="dispatch-parcel" onScan={(code) => void dispatchActions.scan(code)} />
            )}
            {confirming ? <CloseTrailer trailer={trailer} busy={busy} /> : <TrailerLists trailer={trailer} />}
          </>
        )}
        {step === 'closed' && trailer?.manifest && <ManifestView manifest={trailer.manifest} />}
      </StepFlow>
    </main>
  );
}

/** Loaded against due, in big type, and the way to close. */
function TrailerFigures({ trailer, busy }: { readonly trailer: TrailerView; readonly busy: boolean }) {
  const { t } = useTranslation();
  const role = useSession((state) => state.session?.user.role);
  const confirming = useDock((state) => state.confirmingClose);
  const setConfirming = useDock((state) => state.setConfirmingClose);
  const loaded = trailer.parcels.length;
  const due = trailer.due.length;
  const close = (): void => {
    // A shift lead names what is missing first; a picker asks main, which says why not (TRAILER_MISSING_PARCELS).
    if (due > 0 && role === 'shift_lead') setConfirming(true);
    else void dispatchActions.close([]);
  };
  return (
    <div className="dispatch-figures" data-loaded={loaded} data-due={due}>
      <h3>{t('dispatch.trailerOf', { carrier: carrierName(t, trailer.carrier), label: trailer.label })}</h3>
      <div className="figures">
        <BigNumber label={t('dispatch.loaded')} value={loaded} tone={due === 0 ? 'ok' : undefined} />
        <BigNumber label={t('dispatch.due')} value={due} tone={due === 0 ? 'ok' : 'attention'} />
      </div>
      <progress
        className="dispatch-progress"
        max={Math.max(loaded + due, 1)}
        value={loaded}
        aria-label={t('dispatch.progress', { loaded, total: loaded + due })}
      />
      <p>{t('dispatch.progress', { loaded, total: loaded + due })}</p>
      {!confirming && (
        <div className="actions">
          <Button variant={due === 0 ? 'primary' : 'danger'} disabled={busy} onClick={close} data-close-trailer="">
            {t('dispatch.close')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** What is on the trailer, and what is due and not on it yet. */
function TrailerLists({ trailer }: { readonly trailer: TrailerView }) {
  const { t } = useTranslation();
  const dueColumns: readonly Column<DueParcel>[] = [
    { key: 'order', header: t('dispatch.order'), cell: (row) => <code>{row.orderId}</code> },
    { key: 'state', header: t('dispatch.state'), cell: (row) => t(`dispatch.dueStates.${row.state}`) },
    { key: 'tracking', header: t('dispatch.tracking'), cell: (row) => (row.tracking ? <code>{row.tracking}</code> : '—') },
  ];
  const loadedColumns: readonly Column<ParcelView>[] = [
    { key: 'tracking', header: t('dispatch.tracking'), cell: (row) => <code>{row.tracking}</code> },
    { key: 'order', header: t('dispatch.order'), cell: (row) => <code>{row.orderId}</code> },
    { key: 'sscc', header: t('dispatch.sscc'), cell: (row) => <code>{row.sscc}</code> },
    { key: 'weight', header: t('dispatch.weight'), cell: (row) => (row.weightGrams === null ? '—' : formatWeight(row.weightGrams)), align: 'end' },
  ];
  // The newest first: the parcel just scanned is on top.
  const loaded = [...trailer.parcels].reverse();
  return (
    <div className="dispatch-lists">
      <section className="dispatch-due" aria-label={t('dispatch.dueList')}>
        <h3>{t('dispatch.dueList')}</h3>
        <DataTable
          columns={dueColumns}
          rows={trailer.due}
          rowKey={(row) => row.orderId}
          rowData={(row) => ({ 'data-order': row.orderId, 'data-state': row.state })}
          pageSize={5}
          empty={t('dispatch.noneDue')}
          label={t('dispatch.dueList')}
        />
      </section>
      <section className="dispatch-loaded" aria-label={t('dispatch.loadedList')}>
        <h3>{t('dispatch.loadedList')}</h3>
        <DataTable
          columns={loadedColumns}
          rows={loaded}
          rowKey={(row) => row.sscc}
          rowData={(row) => ({ 'data-sscc': row.sscc, 'data-tracking': row.tracking })}
          pageSize={5}
          empty={t('dispatch.noneLoaded')}
          label={t('dispatch.loadedList')}
        />
      </section>
    </div>
  );
}

/** The carriers with parcels due at the dock, their trailers, and a new one to open. */
function Dock() {
  const { t } = useTranslation();
  const carriers = useDock((state) => state.carriers);
  const load = useDock((state) => state.load);
  const read = useDock((state) => state.read);
  useEffect(() => {
    void read();
  }, [read]);
  return (
    <LoadState load={load} onRetry={() => void read()} empty={t('dispatch.noneAtDock')} isEmpty={carriers.length === 0}>
      <div className="dock-carriers">
        {carriers.map((carrier) => (
          <DockCarrier key={carrier.carrier} carrier={carrier} />
        ))}
      </div>
    </LoadState>
  );
}

const labelSchema = z.object({ label: dispatch.open.input.shape.label });

function DockCarrier({ carrier }: { readonly carrier: CarrierAtDock }) {
  const { t } = useTranslation();
  const busy = useDispatchFlow((state) => state.busy);
  const { register, handleSubmit, errorOf } = useSchemaForm(labelSchema, { defaultValues: { label: '' } });
  const name = carrierName(t, carrier.carrier);
  const open = handleSubmit(({ label }) => dispatchActions.open(carrier.carrier, label));
  const headingId = `dock-${carrier.carrier}`;
  return (
    <section className="card dock-carrier" aria-labelledby={headingId} data-carrier={carrier.carrier}>
      <h2 id={headingId}>{t('dispatch.carrierDay', { carrier: name, day: formatDay(carrier.shipDate) })}</h2>
      <div className="figures figures-compact">
        <BigNumber label={t('dispatch.dueCount')} value={carrier.due} />
        <BigNumber label={t('dispatch.loadedCount')} value={carrier.loaded} />
        <BigNumber label={t('dispatch.shippedCount')} value={carrier.shipped} tone={carrier.shipped > 0 ? 'ok' : undefined} />
      </div>
      {carrier.trailers.length > 0 && (
        <ul className="dock-trailers" aria-label={t('dispatch.trailersOf', { carrier: name })}>
          {carrier.trailers.map((trailer) => (
            <li key={trailer.trailerId} className="dock-trailer" data-trailer={trailer.trailerId} data-label={trailer.label} data-state={trailer.state}>
              <span>
                <strong>{trailer.label}</strong> · {t(`dispatch.trailerStates.${trailer.state}`, { count: trailer.parcels })}
              </span>
              <Button
                variant={trailer.state === 'open' ? 'primary' : 'secondary'}
                disabled={busy}
                onClick={() => void dispatchActions.choose(trailer.trailerId)}
                aria-label={t(trailer.state === 'open' ? 'dispatch.loadTrailer' : 'dispatch.showManifest', { label: trailer.label })}
              >
                {t(trailer.state === 'open' ? 'dispatch.load' : 'dispatch.manifest')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form className="form-inline dock-open" onSubmit={(event) => void open(event)} noValidate>
        <TextField
          label={t('dispatch.newTrailer', { carrier: name })}
          hint={t('dispatch.newTrailerHint')}
          maxLength={40}
          error={errorOf('label')}
          {...register('label')}
        />
        <Button type="submit" disabled={busy}>
          {t('dispatch.openTrailer')}
        </Button>
      </form>
    </section>
  );
}
