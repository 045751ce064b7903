import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export type Column<Row> = {
  readonly key: string;
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
  readonly align?: 'start' | 'end';
};

type Props<Row> = {
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string | number;
  readonly pageSize?: number;
  /** Server-side paging: total rows and the page to fetch; otherwise rows are paged here. */
  readonly total?: number;
  readonly page?: number;
  readonly onPage?: (page: number) => void;
  readonly empty: string;
  readonly label: string;
};

/** Pages instead of scrolling: big previous/next buttons and PageUp/PageDown, for gloves and scanners. */
export function DataTable<Row>({ columns, rows, rowKey, pageSize = 10, total, page: controlledPage, onPage, empty, label }: Props<Row>) {
  const { t } = useTranslation();
  const [localPage, setLocalPage] = useState(0);
  const count = total ?? rows.length;
  const pages = Math.max(1, Math.ceil(count / pageSize));
  // Rows may shrink under the current page (a filter, a deletion): show the last page then.
  const page = Math.min(controlledPage ?? localPage, pages - 1);
  const visible = onPage ? rows : rows.slice(page * pageSize, page * pageSize + pageSize);

  const go = (target: number): void => {
    const clamped = Math.min(Math.max(target, 0), pages - 1);
    if (onPage) onPage(clamped);
    else setLocalPage(clamped);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'PageDown') go(page + 1);
    if (event.key === 'PageUp') go(page - 1);
  };

  return (
    <div className="data-table" onKeyDown={onKeyDown}>
      <table aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} className={column.align === 'end' ? 'align-end' : undefined} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {visible.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="data-table-empty">
                {empty}
              </td>
            </tr>
          ) : (
            visible.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key} className={column.align === 'end' ? 'align-end' : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {pages > 1 && (
        <div className="data-table-pager">
          <Button onClick={() => go(page - 1)} disabled={page === 0}>
            {t('table.previous')}
          </Button>
          <span>{t('table.page', { page: page + 1, pages })}</span>
          <Button onClick={() => go(page + 1)} disabled={page >= pages - 1}>
            {t('table.next')}
          </Button>
        </div>
      )}
    </div>
  );
}
