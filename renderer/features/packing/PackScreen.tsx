import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackView, ParcelView } from '../../../shared/packing';
import { formatTime, formatWeight } from '../../lib/format';
import { BigNumber } from '../../ui/BigNumber';
import { Button } from '../../ui/Button';
import { ItemScan } from '../../ui/ItemScan';
import { LoadState } from '../../ui/LoadState';
import { ScanField } from '../../ui/ScanField';
import { StepFlow, type StepView } from '../../ui/steps/StepFlow';
import { carrierName } from '../picking/text';
import { useSession } from '../session/store';
import { describe } from '../stock/text';
import { BoxChoice } from './BoxChoice';
import { packActions, unitsOf, usePackFlow, usePackLists, useSealed, type PackStep } from './pack-flow';
import { UnpackParcel } from './UnpackParcel';

/**
 * The pack station (issue #13), on the floor flows' step component: the order scanned, each item
 * scanned into the box, the box and the weight, the carrier's label; the order's lines and how far
 * they are verified in big type, readable from two metres.
 */
export function PackScreen() {
  const { t } = useTranslation();
  const step = usePackFlow((state) => state.step);
  const values = usePackFlow((state) => state.values);
  const message = usePackFlow((state) => state.message);
  const busy = usePackFlow((state) => state.busy);
  const trail = usePackFlow((state) => state.trail);
  const unpacking = usePackLists((state) => state.unpacking);
  const view = values.view;
  const units = view ? unitsOf(view.lines) : null;

  const steps: readonly StepView<PackStep>[] = [
    { id: 'order', title: t('packing.pack.steps.order'), done: view && <code>{view.orderId}</code> },
    { id: 'items', title: t('packing.pack.steps.items'), done: units && t('packing.pack.unitsOf', units) },
    {
      id: 'box',
      title: t('packing.pack.steps.box'),
      done: values.box && (values.weightGrams ? t('packing.pack.boxWeighing', { box: values.box, weight: formatWeight(values.weightGrams) }) : values.box),
    },
    { id: 'label', title: t('packing.pack.steps.label') },
  ];
  const prompt =
    step === 'items' && units
      ? t('packing.pack.scanItems', { count: units.quantity - units.verified })
      : step === 'box'
        ? t('packing.pack.chooseBox')
        : step === 'label' && view
          ? t('packing.pack.scanLabel', { carrier: carrierName(t, view.carrier) })
          : t('packing.pack.scanOrder');

  return (
    <main className="screen pack-screen" data-pack-step={step} data-order={view?.orderId ?? ''}>
      <StepFlow
        name="pack"
        label={t('packing.pack.title')}
        steps={steps}
        current={step}
        prompt={prompt}
        expects={step === 'box' ? undefined : t(`packing.pack.expects.${step}`)}
        message={message}
        busy={busy}
        // Back from the box would take the last item scanned out of the count, though it is in the box: cancel instead.
        onBack={trail.length > 0 && (step === 'label' || (step === 'box' && values.short)) ? packActions.back : undefined}
        onCancel={view ? packActions.abandon : undefined}
        details={view ? <OrderFigures view={view} short={values.short ?? false} /> : <StationSide />}
      >
        {step === 'order' && (
          <>
            <ScanField hideLabel disabled={unpacking} label={prompt} name="pack-order" onScan={(code) => void packActions.open(code)} />
            <OrdersToPack />
          </>
        )}
        {step === 'items' && view && (
          <>
            <ItemScan key={`items-${view.orderId}`} label={prompt} name="pack-item" perScanLabel={t('packing.pack.perScan')} onScan={packActions.scan} />
            <PackLines view={view} />
            <ShortChoice view={view} busy={busy} />
          </>
        )}
        {step === 'box' && view && <BoxChoice key={`box-${view.orderId}`} box={values.box ?? null} weightGrams={values.weightGrams ?? null} busy={busy} />}
        {step === 'label' && view && (
          <ScanField key={`label-${view.orderId}`} hideLabel label={prompt} name="pack-label" onScan={(code) => void packActions.seal(code)} />
        )}
      </StepFlow>
    </main>
  );
}

/** The order's lines: what each asks, what its run brought, what is in the box. */
function PackLines({ view }: { readonly view: PackView }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="data-table pack-lines">
      <table aria-label={t('packing.pack.linesOf', { orderId: view.orderId })}>
        <thead>
          <tr>
            <th scope="col">{t('packing.pack.sku')}</th>
            <th scope="col">{t('packing.pack.description')}</th>
            <th scope="col" className="align-end">
              {t('packing.pack.quantity')}
            </th>
            <th scope="col" className="align-end">
              {t('packing.pack.verified')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.lines.map((line) => {
            const done = line.verified >= line.quantity;
            return (
              <tr
                key={line.lineNo}
                className={done ? 'pack-line-done' : undefined}
                data-line={line.lineNo}
                data-sku={line.sku}
                data-quantity={line.quantity}
                data-verified={line.verified}
              >
                <td>
                  <code>{line.sku}</code>
                </td>
                <td>
                  {describe(line.description, i18n.language)}
                  {line.picked < line.quantity && <span className="pack-line-short">{t('packing.pack.pickedShort', { picked: line.picked })}</span>}
                </td>
                <td className="align-end">{line.quantity}</td>
                <td className="align-end pack-line-verified">
                  {done && (
                    <span aria-hidden="true" className="pack-line-tick">
                      ✔{' '}
                    </span>
                  )}
                  {line.verified}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Fewer units than the order asks: a shift lead's decision (main refuses it to a picker anyway). */
function ShortChoice({ view, busy }: { readonly view: PackView; readonly busy: boolean }) {
  const { t } = useTranslation();
  const role = useSession((state) => state.session?.user.role);
  if (view.complete) return null;
  if (role !== 'shift_lead') {
    const short = view.lines.some((line) => line.picked < line.quantity);
    return short ? <p className="notice notice-attention">{t('packing.pack.shortLeadOnly')}</p> : null;
  }
  return (
    <div className="actions">
      <Button variant="danger" disabled={busy} onClick={() => void packActions.packShort()}>
        {t('packing.pack.packShort')}
      </Button>
    </div>
  );
}

/** The order on screen in big type: how many units are in the box, its tote slot, its carrier. */
function OrderFigures({ view, short }: { readonly view: PackView; readonly short: boolean }) {
  const { t } = useTranslation();
  const units = unitsOf(view.lines);
  return (
    <div className="pack-order" data-complete={view.complete} data-short={short}>
      <h3>{t('packing.pack.order', { orderId: view.orderId })}</h3>
      <p>{t('packing.pack.carrierCutoff', { carrier: carrierName(t, view.carrier), service: view.service, cutoff: formatTime(view.cutoff) })}</p>
      <div className="figures pack-figures">
        <BigNumber label={t('packing.pack.verifiedUnitsLabel')} value={t('packing.pack.unitsOf', units)} tone={view.complete ? 'ok' : 'attention'} />
        {view.toteSlot !== null && <BigNumber label={t('packing.pack.toteSlot')} value={view.toteSlot} />}
      </div>
      <progress className="pack-progress" max={Math.max(units.quantity, 1)} value={units.verified} aria-label={t('packing.pack.verifiedUnits', units)} />
      {short && <p className="notice notice-attention">{t('packing.pack.shortChosen', { count: units.quantity - units.verified })}</p>}
    </div>
  );
}

/** Beside the orders to pack: the parcel sealed last, the count of today's, and a shift lead's way to open one again. */
function StationSide() {
  const { t } = useTranslation();
  const role = useSession((state) => state.session?.user.role);
  const last = useSealed((state) => state.last);
  const parcels = usePackLists((state) => state.parcels);
  const parcelsLoad = usePackLists((state) => state.parcelsLoad);
  const readParcels = usePackLists((state) => state.readParcels);
  useEffect(() => {
    void readParcels();
  }, [readParcels]);
  return (
    <>
      {last && <SealedParcel parcel={last} />}
      {parcelsLoad.status === 'ready' && (
        <div className="figures figures-compact">
          <BigNumber label={t('packing.pack.sealedToday')} value={parcels.filter((parcel) => parcel.state !== 'unpacked').length} />
        </div>
      )}
      {role === 'shift_lead' && <UnpackParcel />}
    </>
  );
}

function SealedParcel({ parcel }: { readonly parcel: ParcelView }) {
  const { t } = useTranslation();
  return (
    <section
      className="pack-sealed"
      aria-label={t('packing.pack.lastSealed')}
      data-sscc={parcel.sscc}
      data-tracking={parcel.tracking}
      data-state={parcel.state}
    >
      <h3>{t('packing.pack.lastSealed')}</h3>
      <dl className="pack-sealed-facts">
        <dt>{t('packing.pack.sscc')}</dt>
        <dd>
          <code data-field="sscc">{parcel.sscc}</code>
        </dd>
        <dt>{t('packing.pack.tracking')}</dt>
        <dd>
          <code data-field="tracking">{parcel.tracking}</code>
        </dd>
        <dt>{t('packing.pack.box')}</dt>
        <dd data-field="box">
          {parcel.weightGrams ? t('packing.pack.boxWeighing', { box: parcel.box, weight: formatWeight(parcel.weightGrams) }) : parcel.box}
        </dd>
        <dt>{t('packing.pack.orderLabel')}</dt>
        <dd>
          <code>{parcel.orderId}</code>
        </dd>
        {parcel.state !== 'sealed' && (
          <>
            <dt>{t('packing.pack.state')}</dt>
            <dd>{t(`packing.parcelStates.${parcel.state}`)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** The orders whose runs reached the pack station: tote slot, order, units picked of ordered. */
function OrdersToPack() {
  const { t } = useTranslation();
  const orders = usePackLists((state) => state.toPack);
  const load = usePackLists((state) => state.toPackLoad);
  const read = usePackLists((state) => state.readToPack);
  const busy = usePackFlow((state) => state.busy);
  useEffect(() => {
    void read();
  }, [read]);
  return (
    <LoadState load={load} onRetry={() => void read()} empty={t('packing.pack.noneToPack')} isEmpty={orders.length === 0}>
      <ul className="orders-to-pack" aria-label={t('packing.pack.toPack')}>
        {orders.map((order, index) => (
          <li key={order.orderId} className="order-to-pack" data-order={order.orderId}>
            <div>
              <strong>
                {order.toteSlot !== null ? t('packing.pack.slotOrder', { slot: order.toteSlot, orderId: order.orderId }) : <code>{order.orderId}</code>}
              </strong>
              <p>
                {t('packing.pack.orderToPack', {
                  carrier: carrierName(t, order.carrier),
                  cutoff: formatTime(order.cutoff),
                  picked: order.picked,
                  units: order.units,
                })}
              </p>
            </div>
            <Button variant={index === 0 ? 'primary' : 'secondary'} disabled={busy} onClick={() => void packActions.open(order.orderId)}>
              {t('packing.pack.packThis')}
            </Button>
          </li>
        ))}
      </ul>
    </LoadState>
  );
}
