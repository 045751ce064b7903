import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortReasons, type PickLine, type PickView } from '../../../shared/picking';
import { formatTime } from '../../lib/format';
import { BigNumber } from '../../ui/BigNumber';
import { Button } from '../../ui/Button';
import { ItemScan } from '../../ui/ItemScan';
import { LoadState } from '../../ui/LoadState';
import { ScanField } from '../../ui/ScanField';
import { StepFlow, type StepView } from '../../ui/steps/StepFlow';
import { describe } from '../stock/text';
import { carrierName } from './text';
import { pickActions, usePickFlow, useRunsToPick, type PickStep } from './pick-flow';

/**
 * Picking by scan (issue #12), on the floor flows' step component: take a run, then at each line
 * scan its location and its item; location, product, quantity and tote slot in big type.
 */
export function PickScreen() {
  const { t } = useTranslation();
  const step = usePickFlow((state) => state.step);
  const view = usePickFlow((state) => state.values.view);
  const message = usePickFlow((state) => state.message);
  const busy = usePickFlow((state) => state.busy);

  useEffect(() => {
    void pickActions.resume();
  }, []);

  const line = view?.line ?? null;
  const steps: readonly StepView<PickStep>[] = [
    {
      id: 'run',
      title: t('picking.pick.steps.run'),
      done: view && t('picking.pick.runLabel', { carrier: carrierName(t, view.carrier), cutoff: formatTime(view.cutoff) }),
    },
    { id: 'location', title: t('picking.pick.steps.location'), done: line && <code>{line.location}</code> },
    { id: 'item', title: t('picking.pick.steps.item') },
    { id: 'done', title: t('picking.pick.steps.done') },
  ];
  const prompt =
    step === 'run'
      ? t('picking.pick.scanRun')
      : step === 'location' && line
        ? t('picking.pick.scanLocation', { location: line.location })
        : step === 'item' && line
          ? t('picking.pick.scanItem', { sku: line.sku, left: line.left })
          : t('picking.pick.steps.done');

  return (
    <main className="screen pick-screen" data-pick-step={step} data-run={view?.runId ?? ''}>
      <StepFlow
        name="pick"
        label={t('picking.pick.title')}
        steps={steps}
        current={step}
        prompt={prompt}
        expects={step === 'run' || step === 'location' || step === 'item' ? t(`picking.pick.expects.${step}`) : undefined}
        message={message}
        busy={busy}
        details={
          view && step !== 'run' ? (
            <>
              {line && (step === 'location' || step === 'item') && (
                <>
                  <LineCard line={line} />
                  <LineActions line={line} busy={busy} />
                </>
              )}
              <Progress view={view} />
            </>
          ) : undefined
        }
      >
        {step === 'run' && (
          <>
            <ScanField hideLabel keepFocus={false} label={prompt} name="pick-run" onScan={(code) => void pickActions.scanRun(code)} />
            <RunsToPick />
          </>
        )}
        {step === 'location' && line && (
          <ScanField
            key={`location-${line.orderId}-${line.lineNo}`}
            hideLabel
            label={prompt}
            name="pick-location"
            onScan={(code) => void pickActions.scan(code)}
          />
        )}
        {step === 'item' && line && (
          <ItemScan
            key={`item-${line.orderId}-${line.lineNo}-${line.location}`}
            label={prompt}
            name="pick-item"
            perScanLabel={t('picking.pick.perScan')}
            onScan={(code, count) => pickActions.scan(code, count)}
          />
        )}
        {step === 'done' && view && <RunDone view={view} />}
      </StepFlow>
    </main>
  );
}

/** The line in big type, on top of the side column so a trolley's 768 px show it whole: where, what, how many, into which slot. */
function LineCard({ line }: { readonly line: PickLine }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="pick-line" data-line={`${line.orderId}/${line.lineNo}`}>
      <div className="figures pick-figures">
        <BigNumber label={t('picking.pick.location')} value={line.location} words />
        <BigNumber label={t('picking.pick.toPickNow')} value={line.left} tone="attention" />
        <BigNumber label={t('picking.pick.toteSlot')} value={line.toteSlot} />
      </div>
      <p className="pick-product">
        <code>{line.sku}</code> {describe(line.description, i18n.language)}
      </p>
    </div>
  );
}

/** Short with a reason, or pause: both answered by main, both said on the step. */
function LineActions({ line, busy }: { readonly line: PickLine; readonly busy: boolean }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (asking)
    return (
      <fieldset className="pick-short" data-short-for={`${line.orderId}/${line.lineNo}`}>
        <legend>{t('picking.pick.shortTitle', { sku: line.sku, location: line.location })}</legend>
        <div className="actions">
          {shortReasons.map((reason) => (
            <Button
              key={reason}
              variant="danger"
              disabled={busy}
              data-reason={reason}
              onClick={() => {
                setAsking(false);
                void pickActions.short(reason);
              }}
            >
              {t(`picking.pick.shortReasons.${reason}`)}
            </Button>
          ))}
          <Button onClick={() => setAsking(false)}>{t('common.cancel')}</Button>
        </div>
      </fieldset>
    );
  return (
    <div className="actions">
      <Button onClick={() => setAsking(true)} disabled={busy}>
        {t('picking.pick.short')}
      </Button>
      <Button onClick={() => void pickActions.pause()} disabled={busy}>
        {t('picking.pick.pause')}
      </Button>
    </div>
  );
}

function Progress({ view }: { readonly view: PickView }) {
  const { t } = useTranslation();
  return (
    <div className="pick-progress" data-lines-done={view.linesDone} data-lines={view.lines}>
      <h3>{t('picking.pick.runLabel', { carrier: carrierName(t, view.carrier), cutoff: formatTime(view.cutoff) })}</h3>
      {view.line && <p>{t('picking.pick.progress', { line: view.linesDone + 1, lines: view.lines, stop: view.line.stop, stops: view.stops })}</p>}
      <progress max={view.lines} value={view.linesDone} aria-label={t('picking.pick.linesDone', { done: view.linesDone, lines: view.lines })} />
      <p>{t('picking.pick.linesDone', { done: view.linesDone, lines: view.lines })}</p>
      <div className="figures figures-compact">
        <BigNumber label={t('picking.pick.unitsPicked')} value={view.unitsPicked} tone="ok" />
        {view.unitsShort > 0 && <BigNumber label={t('picking.pick.unitsShort')} value={view.unitsShort} tone="error" />}
      </div>
      {view.line && <p>{t('picking.pick.order', { orderId: view.line.orderId })}</p>}
    </div>
  );
}

function RunDone({ view }: { readonly view: PickView }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="figures">
        <BigNumber label={t('picking.pick.unitsPicked')} value={view.unitsPicked} tone="ok" />
        <BigNumber label={t('picking.pick.unitsShort')} value={view.unitsShort} tone={view.unitsShort > 0 ? 'error' : 'ok'} />
      </div>
      <div className="actions">
        <Button variant="primary" autoFocus onClick={pickActions.next}>
          {t('picking.pick.takeNext')}
        </Button>
      </div>
    </>
  );
}

function RunsToPick() {
  const { t } = useTranslation();
  const runs = useRunsToPick((state) => state.runs);
  const load = useRunsToPick((state) => state.load);
  const read = useRunsToPick((state) => state.read);
  const busy = usePickFlow((state) => state.busy);
  useEffect(() => {
    void read();
  }, [read]);
  return (
    <LoadState load={load} onRetry={() => void read()} empty={t('picking.pick.noneToPick')} isEmpty={runs.length === 0}>
      <ul className="runs-to-pick" aria-label={t('picking.pick.toPick')}>
        {runs.map((run, index) => (
          <li key={run.runId} className="run-to-pick" data-run={run.runId}>
            <div>
              <strong>{t('picking.pick.runLabel', { carrier: carrierName(t, run.carrier), cutoff: formatTime(run.cutoff) })}</strong>
              <p>
                {t('picking.pick.linesLeft', { left: run.linesLeft, lines: run.lines })}
                {run.assignedToMe && ` · ${t('picking.pick.forYou')}`}
                {run.holder?.mine && ` · ${t('picking.pick.heldByYou')}`}
              </p>
            </div>
            <Button variant={index === 0 ? 'primary' : 'secondary'} autoFocus={index === 0} disabled={busy} onClick={() => void pickActions.take(run.runId)}>
              {run.holder?.mine ? t('picking.pick.carryOn') : index === 0 ? t('picking.pick.takeNext') : t('picking.pick.take')}
            </Button>
          </li>
        ))}
      </ul>
    </LoadState>
  );
}
