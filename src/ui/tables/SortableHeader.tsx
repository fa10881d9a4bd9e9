import { flexRender, type Header, type RowData, type Table } from '@tanstack/react-table';
import type { ReactNode } from 'react';

/**
 * A column header that sorts its table when clicked (TanStack's sorting handler: the table may sort
 * in memory or, in manual mode, ask the database), with aria-sort and an arrow for the direction.
 */
export function SortableHeader<T extends RowData>({ header, hint, children }: { header: Header<T, unknown>; hint: string; children?: ReactNode }) {
  const sorted = header.column.getIsSorted();
  return (
    <th
      scope="col"
      data-column={header.id}
      className={header.column.columnDef.meta?.numeric ? 'num' : undefined}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
    >
      <button type="button" onClick={header.column.getToggleSortingHandler()} title={hint}>
        {children ?? flexRender(header.column.columnDef.header, header.getContext())}
        <span aria-hidden="true">{sorted === 'asc' ? '\u00a0▲' : sorted === 'desc' ? '\u00a0▼' : ''}</span>
      </button>
    </th>
  );
}

/** The header rows of a table whose every column sorts; `hint` names what a click on a column does. */
export function SortableHead<T extends RowData>({ table, hint }: { table: Table<T>; hint: (column: string) => string }) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => (
            <SortableHeader key={header.id} header={header} hint={hint(String(header.column.columnDef.header))} />
          ))}
        </tr>
      ))}
    </thead>
  );
}
