import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../ui/feedback';
import { CameraPanel } from './CameraPanel';
import { ManualEntryForm } from './ManualEntryForm';
import type { Scan } from './scan';
import type { TestScanFinding } from './scanner-check';
import { ScannerSettingsForm } from './ScannerSettingsForm';
import { useScans } from './scans';
import { scanFeedback, visibleText } from './shown';
import { useScanner } from './store';
import { TestScanPanel } from './TestScanPanel';
import './scanning.css';

const shownScans = 8;

/**
 * IT's page for the station's scanners (admin): a test scan that shows what the scanner really
 * sends, the settings that follow, and every source — wedge, camera, dropped file, typed — landing
 * in the list below as the floor's screens will receive it.
 */
export function ScannerSetupScreen() {
  const { t } = useTranslation();
  const show = useFeedback((state) => state.show);
  const settings = useScanner((state) => state.settings);
  const loaded = useScanner((state) => state.loaded);
  const load = useScanner((state) => state.load);
  const [scans, setScans] = useState<readonly Scan[]>([]);
  const [suggested, setSuggested] = useState<Partial<typeof settings> | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  useScans((scan) => {
    const feedback = scanFeedback(t, scan);
    show(feedback.kind, feedback.text);
    setScans((previous) => [scan, ...previous].slice(0, shownScans));
  });

  const onFinding = useCallback((finding: TestScanFinding) => setSuggested(finding.suggested), []);
  const start = { ...settings, ...suggested };

  return (
    <main className="screen scanning-setup">
      <h1>{t('scanning.title')}</h1>
      <p className="lead">{t('scanning.intro')}</p>
      <div className="form-columns">
        <TestScanPanel onFinding={onFinding} />
        {loaded ? <ScannerSettingsForm key={JSON.stringify(start)} start={start} /> : <p>{t('common.loading')}</p>}
      </div>
      <section className="card" aria-labelledby="scanning-received-title">
        <h2 id="scanning-received-title">{t('scanning.received.title')}</h2>
        <p className="lead">{t('scanning.received.intro')}</p>
        {scans.length === 0 ? (
          <p>{t('scanning.received.none')}</p>
        ) : (
          <div className="data-table">
            <table>
              <thead>
                <tr>
                  <th>{t('scanning.received.source')}</th>
                  <th>{t('scanning.received.kind')}</th>
                  <th>{t('scanning.received.text')}</th>
                </tr>
              </thead>
              <tbody>
                {scans.map((scan) => (
                  <tr key={`${scan.at}-${scan.source}-${scan.text}`} data-source={scan.source} data-kind={scan.classified.kind}>
                    <td>{t(`scanning.sources.${scan.source}`)}</td>
                    <td>{t(`scanning.kinds.${scan.classified.kind}`)}</td>
                    <td className="scanning-text">
                      {scan.symbologyId && <span className="scanning-symbology">{scan.symbologyId}</span>} {visibleText(scan.text)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className="form-columns">
        <CameraPanel />
        <ManualEntryForm />
      </div>
    </main>
  );
}
