import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyScan } from '../../../shared/barcode';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { TextField } from '../../ui/Field';
import { ScanField } from '../../ui/ScanField';
import { useMove } from './store';

/** Move stock: scan where from (a location, or a pallet's SSCC), what and how many, then where to. */
export function MovePanel() {
  const { t } = useTranslation();
  const current = useMove((state) => state.current);
  const go = useMove((state) => state.go);
  const commit = useMove((state) => state.commit);
  const reset = useMove((state) => state.reset);
  const show = useFeedback((state) => state.show);

  const finish = async (to: string): Promise<void> => {
    const result = await commit(to);
    if (result.ok) show('ok', t('stock.moved', { quantity: result.value.quantity, from: result.value.from, to: result.value.to }));
    else show('error', errorText(t, result.error));
  };

  const onFrom = (code: string): void => {
    const scan = classifyScan(code);
    if (scan.kind === 'gtin') {
      show('error', t('errors.NOT_A_SOURCE'));
      return;
    }
    go({ step: 'item', from: code, isPallet: scan.kind === 'sscc' });
  };

  const onItem = (code: string, isPallet: boolean, from: string): void => {
    const scan = classifyScan(code);
    if (scan.kind === 'gtin') {
      go({ step: 'quantity', from, gtin: scan.gtin, lot: scan.lot, suggested: scan.quantity });
      return;
    }
    // A pallet followed by a location: the whole pallet goes there.
    if (isPallet) {
      go({ step: 'to', from });
      void finish(code);
      return;
    }
    show('error', t('stock.scanItem'));
  };

  return (
    <section aria-label={t('stock.tabs.move')} data-move-step={current.step}>
      <ol className="steps">
        {(['from', 'item', 'quantity', 'to'] as const).map((step) => (
          <li key={step} className={step === current.step ? 'is-current' : ''}>
            {t(`stock.moveSteps.${step}`)}
          </li>
        ))}
      </ol>
      {current.step === 'from' && <ScanField label={t('stock.scanFrom')} name="move-from" onScan={onFrom} />}
      {current.step === 'item' && (
        <ScanField
          label={current.isPallet ? t('stock.scanItemOrDestination') : t('stock.scanItem')}
          hint={t('stock.fromWhere', { from: current.from })}
          name="move-item"
          onScan={(code) => onItem(code, current.isPallet, current.from)}
        />
      )}
      {current.step === 'quantity' && (
        <QuantityStep key={current.gtin} suggested={current.suggested} onDone={(quantity) => go({ ...current, step: 'to', quantity })} />
      )}
      {current.step === 'to' && (
        <ScanField label={t('stock.scanTo')} hint={t('stock.fromWhere', { from: current.from })} name="move-to" onScan={(code) => void finish(code)} />
      )}
      {current.step !== 'from' && (
        <div className="actions">
          <Button onClick={reset}>{t('common.cancel')}</Button>
        </div>
      )}
    </section>
  );
}

function QuantityStep({ suggested, onDone }: { readonly suggested?: number | undefined; readonly onDone: (quantity: number) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(suggested ? String(suggested) : '');
  const [error, setError] = useState<string | undefined>();
  const submit = (): void => {
    const quantity = Number(value);
    if (!/^\d{1,7}$/.test(value) || quantity < 1) {
      setError(t('stock.quantityInvalid'));
      return;
    }
    onDone(quantity);
  };
  return (
    <form
      className="form form-inline"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <TextField
        label={t('stock.howMany')}
        name="quantity"
        inputMode="numeric"
        value={value}
        error={error}
        onChange={(event) => setValue(event.target.value)}
        autoFocus
      />
      <Button type="submit" variant="primary">
        {t('common.next')}
      </Button>
    </form>
  );
}
