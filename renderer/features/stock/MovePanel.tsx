import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { quantitySchema } from '../../../shared/ipc/stock';
import type { MoveItem } from '../../../shared/stock';
import { useSchemaForm } from '../../lib/forms';
import { BigNumber } from '../../ui/BigNumber';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { useScanScope } from '../../ui/scan-scope';
import { ScanField } from '../../ui/ScanField';
import { StepFlow, type StepView } from '../../ui/steps/StepFlow';
import { moveActions, useMoveFlow, type MoveStep, type MoveValues } from './move-flow';
import { StockLines } from './StockLines';
import { describe } from './text';

/** Move stock, one checked step at a time (issue #10). */
export function MovePanel() {
  const { t, i18n } = useTranslation();
  const step = useMoveFlow((state) => state.step);
  const values = useMoveFlow((state) => state.values);
  const message = useMoveFlow((state) => state.message);
  const busy = useMoveFlow((state) => state.busy);
  const back = useMoveFlow((state) => state.back);
  const revisit = useMoveFlow((state) => state.revisit);
  const reset = useMoveFlow((state) => state.reset);

  const fromPallet = values.origin?.kind === 'container';
  const whole = values.check?.wholeContainer === true;
  const needsConfirm = step === 'confirm';
  const steps: readonly StepView<MoveStep>[] = [
    { id: 'from', title: t('stock.moveSteps.from'), done: values.origin && <code>{values.origin.code}</code> },
    {
      id: 'item',
      title: t('stock.moveSteps.item'),
      skipped: whole,
      done: values.item && (
        <>
          <code>{values.item.product.sku}</code> {describe(values.item.product.description, i18n.language)}
          {values.item.lot && ` · ${values.item.lot}`}
        </>
      ),
    },
    {
      id: 'quantity',
      title: t('stock.moveSteps.quantity'),
      skipped: whole,
      done: values.check?.units !== undefined && values.check.units !== null && String(values.check.units),
    },
    { id: 'to', title: t('stock.moveSteps.to'), done: values.to && <code>{values.check?.to?.code ?? values.to}</code> },
    ...(needsConfirm ? [{ id: 'confirm' as const, title: t('stock.moveSteps.confirm') }] : []),
  ];

  const { prompt, expects } = promptOf(t, step, values);
  return (
    <StepFlow
      name="move"
      label={t('stock.tabs.move')}
      steps={steps}
      current={step}
      prompt={prompt}
      expects={expects}
      message={message}
      busy={busy}
      onBack={step === 'from' ? undefined : back}
      onCancel={step === 'from' ? undefined : reset}
      onRevisit={revisit}
      details={<MoveDetails step={step} values={values} />}
    >
      {step === 'quantity' && values.item ? (
        <QuantityStep key={values.item.gtin} item={values.item} />
      ) : (
        <ScanField key={step} hideLabel label={prompt} name={`move-${step}`} onScan={(code) => void moveActions.scan(code)} />
      )}
      {needsConfirm && (
        <div className="actions">
          <Button variant="primary" onClick={() => void moveActions.confirm()} disabled={busy}>
            {t('stock.move.confirm')}
          </Button>
        </div>
      )}
      {fromPallet && step === 'item' && <p className="muted">{t('stock.move.palletHint')}</p>}
    </StepFlow>
  );
}

function promptOf(t: TFunction, step: MoveStep, values: MoveValues): { prompt: string; expects?: string } {
  const check = values.check;
  switch (step) {
    case 'from':
      return { prompt: t('stock.scanFrom'), expects: t('stock.move.expects.from') };
    case 'item':
      return values.origin?.kind === 'container'
        ? { prompt: t('stock.scanItemOrDestination'), expects: t('stock.move.expects.itemOrDestination') }
        : { prompt: t('stock.scanItem'), expects: t('stock.move.expects.item') };
    case 'quantity':
      return values.item && values.item.packQuantity > 1
        ? {
            prompt: t('stock.move.howManyCases', { pack: values.item.packQuantity }),
            expects: t('stock.move.expects.quantity', { count: values.item.available, available: values.item.available }),
          }
        : {
            prompt: t('stock.howMany'),
            expects: t('stock.move.expects.quantity', { count: values.item?.available ?? 0, available: values.item?.available ?? 0 }),
          };
    case 'to':
      return { prompt: t('stock.scanTo'), expects: t('stock.move.expects.to') };
    case 'confirm':
      return check?.wholeContainer
        ? {
            prompt: t('stock.move.confirmPallet', { code: values.origin?.code ?? '', units: check.units ?? 0, to: check.to?.code ?? '' }),
            expects: t('stock.move.expects.confirmPallet'),
          }
        : { prompt: t('stock.move.confirmLarge', { units: check?.units ?? 0, to: check?.to?.code ?? '' }), expects: t('stock.move.expects.confirmLarge') };
  }
}

/** What the person needs to see to take this step: what the origin holds, what would move. */
function MoveDetails({ step, values }: { readonly step: MoveStep; readonly values: MoveValues }) {
  const { t } = useTranslation();
  if (step === 'from' || !values.origin) return null;
  if (step === 'quantity' && values.item) {
    return (
      <div className="figures figures-compact">
        <BigNumber label={t('stock.move.available', { from: values.origin.code })} value={values.item.available} />
      </div>
    );
  }
  if (step === 'item' || (step === 'confirm' && values.check?.wholeContainer)) {
    return (
      <div data-move-contents="">
        <h3>{t('stock.move.contents', { code: values.origin.code })}</h3>
        <StockLines lines={values.origin.lines} show={values.origin.kind === 'container' ? ['product'] : ['product', 'container']} />
      </div>
    );
  }
  return null;
}

/** How many: the contract's own rule (1 to 1,000,000 whole units), then main checks what is there. */
function QuantityStep({ item }: { readonly item: MoveItem }) {
  const { t } = useTranslation();
  const busy = useMoveFlow((state) => state.busy);
  const { register, handleSubmit, errorOf, setFocus } = useSchemaForm(z.object({ quantity: quantitySchema }), {
    defaultValues: item.scannedQuantity === null ? {} : { quantity: item.scannedQuantity },
  });
  // Back from the lock screen, the person types on where they stopped.
  const live = useScanScope();
  useEffect(() => {
    if (live) setFocus('quantity');
  }, [live, setFocus]);
  return (
    <form className="form form-inline" onSubmit={(event) => void handleSubmit(({ quantity }) => moveActions.quantity(quantity))(event)} noValidate>
      <TextField
        label={item.packQuantity > 1 ? t('stock.move.howManyCases', { pack: item.packQuantity }) : t('stock.howMany')}
        inputMode="numeric"
        error={errorOf('quantity')}
        {...register('quantity', { valueAsNumber: true })}
      />
      <Button type="submit" variant="primary" disabled={busy}>
        {t('common.next')}
      </Button>
    </form>
  );
}
