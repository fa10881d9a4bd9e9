import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SortableHead } from './SortableHeader';
import { formatInteger, formatMoney, formatPercent } from '../i18n/format';

export interface MediumFigures {
  readonly medium: string | null;
  readonly label: string;
  readonly leads: number;
  readonly won: number;
  readonly rate: number | null;
  /** Null: no won lead of the medium has an amount (unknown, never 0). */
  readonly revenue: number | null;
  readonly currency: string | null;
}

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** Right-aligned, tabular figures. */
    numeric?: boolean;
  }
}

const column = createColumnHelper<MediumFigures>();

/** Media at a glance. A handful of rows, so TanStack sorts client-side here; big tables sort in DuckDB. */
export function MediaTable({ rows }: { rows: readonly MediumFigures[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [sorting, setSorting] = useState<SortingState>([{ id: 'leads', desc: true }]);
  const columns = useMemo(
    () => [
      column.accessor('label', { id: 'medium', header: t('table.medium') }),
      column.accessor('leads', { header: t('table.leads'), cell: (c) => formatInteger(lang, c.getValue()), meta: { numeric: true } }),
      column.accessor('won', { header: t('table.won'), cell: (c) => formatInteger(lang, c.getValue()), meta: { numeric: true } }),
      column.accessor((r) => r.rate ?? -1, { id: 'rate', header: t('table.rate'), cell: (c) => formatPercent(lang, c.row.original.rate), meta: { numeric: true } }),
      column.accessor((r) => r.revenue ?? -1, {
        id: 'revenue',
        header: t('table.revenue'),
        cell: (c) => {
          const { revenue, currency, won } = c.row.original;
          if (revenue === null) return won > 0 ? t('kpi.revenueUnknown') : '–';
          return <span title={formatMoney(lang, revenue, currency)}>{formatMoney(lang, revenue, currency, true)}</span>;
        },
        meta: { numeric: true },
      }),
    ],
    [t, lang],
  );
  // TanStack's hook returns functions the React compiler cannot memoise; that is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows as MediumFigures[],
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return (
    <table className="data-table" data-testid="media-table">
      <SortableHead table={table} hint={(column) => t('table.sortHint', { column })} />
      <tbody>
        {table.getRowModel().rows.map((row) => (
          // The medium's key (empty for none) lets tests find a row whatever the language.
          <tr key={row.id} data-medium={row.original.medium ?? ''}>
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id} className={cell.column.columnDef.meta?.numeric ? 'num' : undefined}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
