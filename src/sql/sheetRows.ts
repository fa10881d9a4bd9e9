import type { TableKind } from '../domain/schema';
import { quoteIdent, type SqlQuery } from '../domain/sqlQuery';

/**
 * Renumbers an imported table's `_line` from the lines of the CSV a spreadsheet was converted to
 * onto the sheet's rows, so a figure traces back to the row the user sees in Excel. Only the lines
 * that differ are listed (bound as two comma-separated lists, zipped by unnest). Null when none do.
 */
export function sheetRowsSql(kind: TableKind, sheetRows: ReadonlyMap<number, number>): SqlQuery | null {
  if (sheetRows.size === 0) return null;
  const table = quoteIdent(kind);
  return {
    sql:
      `UPDATE ${table} SET _line = m.sheet_row FROM (SELECT unnest(string_split(?, ','))::INTEGER AS line, ` +
      `unnest(string_split(?, ','))::INTEGER AS sheet_row) AS m WHERE ${table}._line = m.line`,
    params: [[...sheetRows.keys()].join(','), [...sheetRows.values()].join(',')],
  };
}
