import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type OnChangeFn, type SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SortableHead } from '../tables/SortableHeader';
import type { Row } from '../../db/arrowRows';
import { displayCell } from './cellValues';
import { columnKind } from './explorerColumns';
import { useFilterLabels } from '../filters/useFilterLabels';
import { useColumnLabel } from './useColumnLabel';

interface ExplorerTableProps {
  readonly rows: readonly Row[];
  readonly columns: readonly string[];
  readonly sorting: SortingState;
  readonly onSortingChange: OnChangeFn<SortingState>;
  readonly pageIndex: number;
  readonly pageCount: number;
  /** The rows are the previous page's while the asked one loads. */
  readonly busy: boolean;
}

/**
 * One page of leads. TanStack Table holds the sort state only (manual mode): DuckDB sorts and cuts
 * the page, so the table never sees more than the 50 rows it shows.
 */
export function ExplorerTable({ rows, columns, sorting, onSortingChange, pageIndex, pageCount, busy }: ExplorerTableProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { valueLabel } = useFilterLabels();
  const columnLabel = useColumnLabel();
  const columnDefs = useMemo<ColumnDef<Row>[]>(
    () =>
      columns.map((name) => {
        const kind = columnKind(name);
        return {
          id: name,
          accessorFn: (row: Row) => row[name] ?? null,
          header: columnLabel(name),
          // Numbers and dates read best from the largest/latest; text from A.
          sortDescFirst: kind !== 'text',
          cell: (c) => {
            const value = c.getValue<Row[string]>();
            return typeof value === 'string' ? valueLabel(name, value) : displayCell(lang, kind, value);
          },
          meta: { numeric: kind === 'number' || kind === 'money' || kind === 'integer' },
        } satisfies ColumnDef<Row>;
      }),
    [columns, lang, valueLabel, columnLabel],
  );
  // TanStack's hook returns functions the React compiler cannot memoise; that is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows as Row[],
    columns: columnDefs,
    state: { sorting, pagination: { pageIndex, pageSize: rows.length || 1 } },
    onSortingChange,
    manualSorting: true,
    manualPagination: true,
    pageCount,
    getCoreRowModel: getCoreRowModel(),
  });
  return (
    <table className="data-table explorer-table" data-testid="explorer-table" aria-busy={busy} aria-label={t('explorer.tableLabel', { page: pageIndex + 1 })}>
      <SortableHead table={table} hint={(column) => t('explorer.sortHint', { column })} />
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getVisibleCells().map((cell) => (
              <td
                key={cell.id}
                data-column={cell.column.id}
                data-value={String(cell.getValue() ?? '')}
                // Long text is cut with an ellipsis; the tooltip has all of it.
                title={typeof cell.getValue() === 'string' ? String(cell.getValue()) : undefined}
                className={cell.column.columnDef.meta?.numeric ? 'num' : undefined}
              >
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
