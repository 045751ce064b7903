import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import { BigNumber } from '../../ui/BigNumber';
import { Button } from '../../ui/Button';
import { useFeedback } from '../../ui/feedback';
import { ScanField } from '../../ui/ScanField';
import { useCount } from './store';
import { describe } from './text';

/** A blind count: scan the location, then every item (or a case, which counts its units). */
export function CountPanel() {
  const { t, i18n } = useTranslation();
  const count = useCount((state) => state.count);
  const start = useCount((state) => state.start);
  const countItem = useCount((state) => state.countItem);
  const finish = useCount((state) => state.finish);
  const close = useCount((state) => state.close);
  const show = useFeedback((state) => state.show);
  const [busy, setBusy] = useState(false);

  if (!count) {
    return (
      <section aria-label={t('stock.tabs.count')}>
        <ScanField
          label={t('stock.scanLocationToCount')}
          name="count-location"
          onScan={(code) =>
            void start(code).then((result) =>
              result.ok ? show('ok', t('stock.countStarted', { location: result.value.location })) : show('error', errorText(t, result.error)),
            )
          }
        />
      </section>
    );
  }

  const onItem = async (gtin: string): Promise<void> => {
    const result = await countItem(gtin, 1);
    if (result.ok) show('ok', t('stock.counted'));
    else show('error', errorText(t, result.error));
  };

  const onFinish = async (): Promise<void> => {
    setBusy(true);
    const result = await finish();
    setBusy(false);
    if (!result.ok) return show('error', errorText(t, result.error));
    const status = result.value.status;
    if (status === 'matched') show('ok', t('stock.countMatched'));
    else if (status === 'counting') show('attention', t('stock.countRecount'));
    else show('attention', t('stock.countPending'));
  };

  const closed = count.status !== 'counting';
  const scanned = count.lines.reduce((sum, line) => sum + line.counted, 0);
  return (
    <section aria-label={t('stock.tabs.count')} data-count-status={count.status} data-count-round={count.round}>
      <h2>{t('stock.countTitle', { location: count.location, round: count.round })}</h2>
      {!closed && (
        <>
          {count.round === 2 && <p className="notice notice-attention">{t('stock.countRecount')}</p>}
          <ScanField label={t('stock.scanItemToCount')} name="count-item" onScan={(code) => void onItem(code)} />
          <div className="figures">
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
            <Button variant="primary" onClick={() => void onFinish()} disabled={busy}>
              {t('stock.finishCount')}
            </Button>
          </div>
        </>
      )}
      {closed && (
        <>
          <p className={`notice ${count.status === 'matched' ? 'notice-ok' : 'notice-attention'}`}>{t(`stock.countStatus.${count.status}`)}</p>
          <div className="actions">
            <Button variant="primary" onClick={close}>
              {t('stock.countAnother')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
