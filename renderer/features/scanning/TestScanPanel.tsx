import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { analyseTestScan, visibleKey, type KeyRecord, type TestScanFinding } from './scanner-check';
import testLabelUrl from './test-label.svg?url';
import { suspendWedge } from './wedge-listener';

/** The scan is over once the keys stop this long. */
const quietMs = 500;

/**
 * IT scans the test label: every key event is shown with its timing and control characters made
 * visible, and the scanner's suffix, prefix, GS behaviour and layout are read from it.
 */
export function TestScanPanel({ onFinding }: { readonly onFinding: (finding: TestScanFinding) => void }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const [records, setRecords] = useState<KeyRecord[]>([]);
  const [finding, setFinding] = useState<TestScanFinding | null>(null);

  useEffect(() => {
    if (!recording) return;
    const resume = suspendWedge();
    const seen: KeyRecord[] = [];
    let timer: number | undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      // Nothing reaches the page while recording: the scanner's Enter must not press a button.
      event.preventDefault();
      event.stopImmediatePropagation();
      seen.push({
        key: event.key,
        code: event.code,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        shiftKey: event.shiftKey,
        metaKey: event.metaKey,
        time: event.timeStamp,
      });
      setRecords([...seen]);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const result = analyseTestScan(seen);
        setFinding(result);
        onFinding(result);
        setRecording(false);
      }, quietMs);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      resume();
    };
  }, [recording, onFinding]);

  const start = (): void => {
    setRecords([]);
    setFinding(null);
    setRecording(true);
  };

  return (
    <section className="card" aria-labelledby="scanning-test-title">
      <h2 id="scanning-test-title">{t('scanning.test.title')}</h2>
      <p className="lead">{t('scanning.test.intro')}</p>
      <img className="scanning-test-label" src={testLabelUrl} alt={t('scanning.test.labelAlt')} />
      <div className="actions">
        <Button variant="primary" onClick={start} disabled={recording}>
          {recording ? t('scanning.test.waiting') : t('scanning.test.start')}
        </Button>
      </div>
      {finding && (
        <dl className="scanning-finding" data-layout={finding.layout}>
          <dt>{t('scanning.test.suffix')}</dt>
          <dd>{t(`scanning.suffixes.${finding.suffix}`)}</dd>
          <dt>{t('scanning.test.prefix')}</dt>
          <dd>{finding.prefix === '' ? t('scanning.test.none') : finding.prefix}</dd>
          <dt>{t('scanning.test.gs')}</dt>
          <dd>{finding.gs ? t(`scanning.gs.${finding.gs}`, { substitute: finding.gsSubstitute }) : t('scanning.test.none')}</dd>
          <dt>{t('scanning.test.layout')}</dt>
          <dd>{t(`scanning.layout.${finding.layout}`)}</dd>
          <dt>{t('scanning.test.slowestGap')}</dt>
          <dd>{t('scanning.test.milliseconds', { count: finding.maxGapMs })}</dd>
        </dl>
      )}
      {records.length > 0 && (
        <div className="data-table scanning-keys">
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>{t('scanning.test.key')}</th>
                <th>{t('scanning.test.code')}</th>
                <th className="align-end">{t('scanning.test.gap')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record, index) => (
                <tr key={index}>
                  <td>{index + 1}</td>
                  <td>
                    <kbd>{visibleKey(record)}</kbd>
                  </td>
                  <td>{record.code}</td>
                  <td className="align-end">{index === 0 ? '' : `+${(record.time - records[index - 1]!.time).toFixed(1)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
