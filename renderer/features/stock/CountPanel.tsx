import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BigNumber } from '../../ui/BigNumber';
import { Button } from '../../ui/Button';
import { ItemScan } from '../../ui/ItemScan';
import { ScanField } from '../../ui/ScanField';
import { StepFlow, type StepView } from '../../ui/steps/StepFlow';
import { countActions, useCountFlow, type CountStep } from './count-flow';
import { describe } from './text';

/**
 * A blind count, on the same step component as every floor flow (issue #10). `afterClose` replaces
 * "count another" when the count belongs to something else (a task's recount goes back to the tasks).
 */
export function CountPanel({ afterClose }: { readonly afterClose?: ReactNode } = {}) {
  const { t, i18n } = useTranslation();
  const step = useCountFlow((state) => state.step);
  const count = useCountFlow((state) => state.values.count);
  const message = useCountFlow((state) => state.message);
  const busy = useCountFlow((state) => state.busy);
  const reset = useCountFlow((state) => state.reset);

  const scanned = count?.lines.reduce((sum, line) => sum + line.counted, 0) ?? 0;
  const steps: readonly StepView<CountStep>[] = [
    { id: 'location', title: t('stock.count.steps.location'), done: count && <code>{count.location}</code> },
    {
      id: 'items',
      title: t('stock.count.steps.items', { round: count?.round ?? 1 }),
      done: count && t('stock.count.unitsDone', { count: scanned, units: scanned }),
    },
    { id: 'closed', title: t('stock.count.steps.closed') },
  ];
  const prompt =
    step === 'location'
      ? t('stock.scanLocationToCount')
      : step === 'items'
        ? t('stock.scanItemToCount')
        : t(`stock.countStatus.${count?.status ?? 'counting'}`);

  return (
    <div data-count-status={count?.status ?? 'none'} data-count-round={count?.round ?? 0}>
      <StepFlow
        name="count"
        label={t('stock.tabs.count')}
        steps={steps}
        current={step}
        prompt={prompt}
        expects={step === 'location' ? t('stock.count.expects.location') : step === 'items' ? t('stock.count.expects.items') : undefined}
        message={message}
        busy={busy}
        onCancel={step === 'items' ? reset : undefined}
      >
        {step === 'location' && <ScanField key="location" hideLabel label={prompt} name="count-location" onScan={(code) => void countActions.scan(code)} />}
        {step === 'items' && count && (
          <>
            <ItemScan
              key={`items-${count.round}`}
              label={prompt}
              name="count-item"
              perScanLabel={t('stock.count.perScan')}
              onScan={(code, quantity) => countActions.scan(code, quantity)}
            />
            <div className="figures figures-compact">
              <BigNumber label={t('stock.unitsCounted')} value={scanned} />
              <BigNumber label={t('stock.productsCounted')} value={count.lines.length} />
            </div>
            <ul className="count-lines">
              {count.lines.map((line) => (
                <li key={`${line.product.sku}|${line.lot ?? ''}`}>
                  <code>{line.product.sku}</code> {describe(line.product.description, i18n.language)} {line.lot ? `· ${line.lot}` : ''} —{' '}
                  <strong>{line.counted}</strong>
                </li>
              ))}
            </ul>
            <div className="actions">
              <Button variant="primary" onClick={() => void countActions.finish()} disabled={busy}>
                {t('stock.finishCount')}
              </Button>
            </div>
          </>
        )}
        {step === 'closed' && count && (
          <>
            <p
              className={`notice ${count.status === 'matched' || count.status === 'approved' ? 'notice-ok' : 'notice-attention'}`}
              data-count-outcome={count.status}
            >
              {t('stock.count.closedAt', { location: count.location, status: t(`stock.countStatus.${count.status}`) })}
            </p>
            <div className="actions">
              {afterClose ?? (
                <Button variant="primary" onClick={reset}>
                  {t('stock.countAnother')}
                </Button>
              )}
            </div>
          </>
        )}
      </StepFlow>
    </div>
  );
}
