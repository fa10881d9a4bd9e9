import type { Table, Vector } from 'apache-arrow';

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

/** A text column's values; read chunk by chunk (Vector.get(i) searches for the chunk on every call). */
export function textColumn(vector: Vector | null): (string | null)[] {
  if (!vector) throw new Error('A cube column is missing');
  const texts: (string | null)[] = [];
  for (const value of vector as Iterable<unknown>) texts.push(value === null || value === undefined ? null : String(value));
  return texts;
}

/** A numeric column without NULLs as one Float64Array (64-bit integers converted one by one). */
export function numberColumn(table: Table, name: string): Float64Array {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`No column ${name}`);
  if (vector.nullCount > 0) throw new Error(`The column ${name} has NULLs`);
  const values = vector.toArray() as ArrayLike<number> | BigInt64Array;
  if (!(values instanceof BigInt64Array)) return new Float64Array(values);
  const converted = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) converted[i] = Number(values[i]);
  return converted;
}
