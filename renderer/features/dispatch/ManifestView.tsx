import { useTranslation } from 'react-i18next';
import type { Manifest } from '../../../shared/packing';
import { formatWeight } from '../../lib/format';
import { BigNumber } from '../../ui/BigNumber';
import { Button } from '../../ui/Button';
import { carrierName } from '../picking/text';
import { dispatchActions } from './dispatch-flow';
import { exportManifest } from './manifest-file';

/** The carrier manifest of a closed trailer (DOMAIN, Outbound 5): what the carrier signs for, and its CSV. */
export function ManifestView({ manifest }: { readonly manifest: Manifest }) {
  const { t } = useTranslation();
  return (
    <section className="manifest" aria-label={t('dispatch.manifestTitle')} data-count={manifest.count} data-trailer-label={manifest.trailer}>
      <h2 className="manifest-heading">{t('dispatch.trailerOf', { carrier: carrierName(t, manifest.carrier), label: manifest.trailer })}</h2>
      {/* Already in site time (shared/packing.ts), as the carrier reads it on paper. */}
      <p className="lead">{t('dispatch.closedAtTime', { time: manifest.closedAt })}</p>
      <div className="figures figures-compact">
        <BigNumber label={t('dispatch.parcels')} value={manifest.count} tone="ok" />
        <BigNumber label={t('dispatch.totalWeight')} value={formatWeight(manifest.totalGrams)} />
      </div>
      <div className="actions">
        <Button onClick={dispatchActions.done}>{t('dispatch.backToDock')}</Button>
        <Button variant="primary" autoFocus onClick={() => exportManifest(manifest)} data-export-csv="">
          {t('dispatch.exportCsv')}
        </Button>
      </div>
      <div className="data-table manifest-parcels">
        <table aria-label={t('dispatch.manifestParcels')}>
          <thead>
            <tr>
              <th scope="col">{t('dispatch.tracking')}</th>
              <th scope="col">{t('dispatch.sscc')}</th>
              <th scope="col">{t('dispatch.order')}</th>
              <th scope="col" className="align-end">
                {t('dispatch.weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {manifest.parcels.length === 0 && (
              <tr>
                <td colSpan={4} className="data-table-empty">
                  {t('dispatch.noneLoaded')}
                </td>
              </tr>
            )}
            {manifest.parcels.map((parcel) => (
              <tr key={parcel.sscc} data-tracking={parcel.tracking} data-sscc={parcel.sscc} data-order={parcel.orderId}>
                <td>
                  <code>{parcel.tracking}</code>
                </td>
                <td>
                  <code>{parcel.sscc}</code>
                </td>
                <td>
                  <code>{parcel.orderId}</code>
                </td>
                <td className="align-end">{parcel.weightGrams === null ? '—' : formatWeight(parcel.weightGrams)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {manifest.missing.length > 0 && (
        <div className="data-table manifest-missing">
          <h3>{t('dispatch.manifestMissing', { count: manifest.missing.length })}</h3>
          <table aria-label={t('dispatch.manifestMissing', { count: manifest.missing.length })}>
            <thead>
              <tr>
                <th scope="col">{t('dispatch.order')}</th>
                <th scope="col">{t('dispatch.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {manifest.missing.map((missing) => (
                <tr key={missing.orderId} data-order={missing.orderId}>
                  <td>
                    <code>{missing.orderId}</code>
                  </td>
                  <td>{missing.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
