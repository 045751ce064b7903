import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
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
  /** A row's data attributes (`data-exception`), for the page objects and tests that find it. */
  readonly rowData?: (row: Row) => Readonly<Record<`data-${string}`, string>>;
  readonly pageSize?: number;
  /** Server-side paging: total rows and the page to fetch; otherwise rows are paged here. */
  readonly total?: number;
  readonly page?: number;
  readonly onPage?: (page: number) => void;
  readonly empty: string;
  readonly label: string;
  /** As many rows per page as the screen has room for (issue #10: a list uses the height it has). */
  readonly fill?: boolean;
  /** A click anywhere on a row opens it (its own cell should hold a button for the keyboard). */
  readonly onOpen?: (row: Row) => void;
};

/** Room under the table for its pager (a 48 px button row and its margin). */
const pagerReservePx = 80;

/** Rows of the table's current height that fit between its top and the bottom of the window. */
function useRowsThatFit(container: RefObject<HTMLDivElement | null>, enabled: boolean, rows: number): number | null {
  const [fitted, setFitted] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const measure = (): void => {
      const element = container.current;
      const row = element?.querySelector('tbody tr')?.getBoundingClientRect().height ?? 0;
      if (!element || row <= 0) return;
      const top = element.getBoundingClientRect().top + window.scrollY;
      const head = element.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const pager = element.querySelector('.data-table-pager');
      const reserve = pager ? pager.getBoundingClientRect().height + parseFloat(getComputedStyle(pager).marginTop) + 8 : pagerReservePx;
      setFitted(Math.max(3, Math.floor((window.innerHeight - top - head - reserve) / row)));
    };
    const frame = window.requestAnimationFrame(measure);
    window.addEventListener('resize', measure);
    return () => {
      window.cancelAnimationFrame(frame);
      window.removeEventListener('resize', measure);
    };
  }, [container, enabled, rows]);
  return enabled ? fitted : null;
}

/** Pages instead of scrolling: big previous/next buttons and PageUp/PageDown, for gloves and scanners. */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowData,
  pageSize: fixedPageSize = 10,
  total,
  page: controlledPage,
  onPage,
  empty,
  label,
  fill = false,
  onOpen,
}: Props<Row>) {
  const { t } = useTranslation();
  const [localPage, setLocalPage] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const pageSize = useRowsThatFit(container, fill && !onPage, rows.length > 0 ? 1 : 0) ?? fixedPageSize;
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
    <div className="data-table" onKeyDown={onKeyDown} ref={container} data-page-size={pageSize}>
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
              <tr key={rowKey(row)} {...rowData?.(row)} className={onOpen ? 'is-openable' : undefined} onClick={onOpen ? () => onOpen(row) : undefined}>
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
