import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationImportPreview, LocationImportRow } from '../../../shared/stock';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { useFeedback } from '../../ui/feedback';

/** Locations from a CSV file: a preview with every error first; the import writes only a clean file. */
export function LocationsPanel() {
  const { t } = useTranslation();
  const show = useFeedback((state) => state.show);
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<LocationImportPreview | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const run = async (text: string, commit: boolean): Promise<void> => {
    const result = await api.stock.importLocations({ csv: text, commit });
    if (!result.ok) {
      show('error', errorText(t, result.error));
      return;
    }
    setPreview(result.value);
    if (result.value.errors.length > 0) show('error', t('locations.hasErrors', { count: result.value.errors.length }));
    else if (result.value.committed) show('ok', t('locations.imported', { count: result.value.rows.filter((row) => row.change !== 'unchanged').length }));
  };

  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setFileName(file.name);
    const text = await file.text();
    setCsv(text);
    await run(text, false);
  };

  const changes = preview?.rows.filter((row) => row.change !== 'unchanged').length ?? 0;
  const columns: readonly Column<LocationImportRow>[] = [
    { key: 'line', header: t('locations.line'), cell: (row) => row.line },
    { key: 'code', header: t('stock.location'), cell: (row) => <code>{row.code}</code> },
    { key: 'type', header: t('locations.type'), cell: (row) => t(`stock.locationTypes.${row.type}`) },
    { key: 'zone', header: t('stock.zone'), cell: (row) => row.zone },
    { key: 'walk', header: t('locations.walkOrder'), cell: (row) => row.walkOrder, align: 'end' },
    { key: 'change', header: t('locations.change'), cell: (row) => t(`locations.changes.${row.change}`) },
  ];

  return (
    <section>
      <h2>{t('locations.title')}</h2>
      <p className="lead">{t('locations.intro')}</p>
      {/* The browser's own file button speaks the browser's language, not the station's (issue #10): ours instead. */}
      <div className="field file-picker">
        <span className="field-label" id="locations-file-label">
          {t('locations.file')}
        </span>
        <input
          ref={picker}
          id="locations-file"
          type="file"
          name="locations-file"
          className="visually-hidden"
          tabIndex={-1}
          aria-labelledby="locations-file-label"
          accept=".csv,text/csv"
          onChange={(event) => void onFile(event.target.files?.[0])}
        />
        <div className="file-picker-row">
          <Button onClick={() => picker.current?.click()}>{t('locations.chooseFile')}</Button>
          <span className="file-picker-name">{fileName ?? t('locations.noFile')}</span>
        </div>
      </div>
      {preview && preview.errors.length > 0 && (
        <div className="card notice-error" role="alert">
          <h3>{t('locations.errorsTitle')}</h3>
          <ul className="import-errors">
            {preview.errors.map((error) => (
              <li key={`${error.line}-${error.field}`} data-problem={error.problem}>
                {t('locations.error', {
                  line: error.line,
                  field: t(`locations.fields.${error.field}`),
                  problem: t(`locations.problems.${error.problem}`, { ...error.details }),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview && (
        <>
          <DataTable columns={columns} rows={preview.rows} rowKey={(row) => row.line} empty={t('locations.none')} label={t('locations.title')} />
          {!preview.committed && preview.errors.length === 0 && csv !== null && (
            <div className="actions">
              <Button variant="primary" onClick={() => void run(csv, true)} disabled={changes === 0}>
                {t('locations.import', { count: changes })}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
