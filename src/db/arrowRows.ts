import type { Table } from 'apache-arrow';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/**
 * Arrow → plain rows for views and tests. BIGINT arrives as bigint and dates as epoch
 * milliseconds; both become numbers so every engine's result compares equal.
 */
export function toRows(table: Table): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((_, i) => table.getChildAt(i));
  const rows: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    names.forEach((name, c) => {
      row[name] = toCell(columns[c]?.get(r));
    });
    rows[r] = row;
  }
  return rows;
}

function toCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // DECIMALs arrive as unscaled integer arrays; builders cast them to DOUBLE, so this is a bug.
  throw new Error(`Unsupported cell value ${Object.prototype.toString.call(value)}: cast it in SQL`);
}
