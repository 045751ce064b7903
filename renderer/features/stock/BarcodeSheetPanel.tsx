import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Barcode } from '../../ui/Barcode';
import { Button } from '../../ui/Button';
import { LoadState } from '../../ui/LoadState';
import { useSession } from '../session/store';
import { sheetLabels } from './barcode-sheet';
import { useBarcodeSheet } from './store';
import { describe } from './text';

/**
 * A printable sheet of the site's barcodes (issue #10), drawn from the station's mirror: locations,
 * pallets, products and their GS1 forms, to try scanners and practise the flows (the demo site's
 * codes are the same on every machine). Print gives the sheet alone (theme.css `@media print`).
 */
export function BarcodeSheetPanel() {
  const { t, i18n } = useTranslation();
  const site = useSession((state) => state.site);
  const sheet = useBarcodeSheet((state) => state.sheet);
  const load = useBarcodeSheet((state) => state.load);
  const read = useBarcodeSheet((state) => state.read);

  useEffect(() => {
    void read();
  }, [read]);

  const groups = sheet ? sheetLabels(sheet, (description) => describe(description, i18n.language)).filter((group) => group.labels.length > 0) : [];

  return (
    <section className="barcode-sheet" aria-labelledby="barcode-sheet-title">
      <div className="barcode-sheet-head">
        <div>
          <h2 id="barcode-sheet-title">{t('stock.sheet.title', { site: site?.name ?? '' })}</h2>
          <p className="lead no-print">{t(site?.demo ? 'stock.sheet.introDemo' : 'stock.sheet.intro')}</p>
        </div>
        <Button variant="primary" className="no-print" onClick={() => window.print()} disabled={groups.length === 0}>
          {t('stock.sheet.print')}
        </Button>
      </div>
      <LoadState load={load} onRetry={() => void read()} isEmpty={groups.length === 0} empty={t('stock.sheet.empty')}>
        {groups.map((group) => (
          <section key={group.id} className="barcode-group" aria-labelledby={`barcode-group-${group.id}`} data-group={group.id}>
            <h3 id={`barcode-group-${group.id}`}>{t(`stock.sheet.groups.${group.id}`)}</h3>
            <ul className="barcode-labels">
              {group.labels.map((label) => (
                <li key={label.id} className="barcode-label" data-kind={label.kind}>
                  <Barcode text={label.text} format={label.format} gs1={label.gs1} />
                  <p className="barcode-caption">{t(label.caption.key, label.caption.vars)}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </LoadState>
    </section>
  );
}
