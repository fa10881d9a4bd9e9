import { quoteIdent, type SqlQuery } from '../domain/sqlQuery';

/**
 * Renumbers an import's working table's `_line` (only its own rows: an update by id adds them to
 * rows of other files afterwards) from the lines of the CSV a spreadsheet was converted to
 * onto the sheet's rows, so a figure traces back to the row the user sees in Excel. Only the lines
 * that differ are listed (bound as two comma-separated lists, zipped by unnest). Null when none do.
 */
export function sheetRowsSql(table: string, sheetRows: ReadonlyMap<number, number>): SqlQuery | null {
  if (sheetRows.size === 0) return null;
  return {
    sql:
      `UPDATE ${quoteIdent(table)} SET _line = m.sheet_row FROM (SELECT unnest(string_split(?, ','))::INTEGER AS line, ` +
      `unnest(string_split(?, ','))::INTEGER AS sheet_row) AS m WHERE ${quoteIdent(table)}._line = m.line`,
    params: [[...sheetRows.keys()].join(','), [...sheetRows.values()].join(',')],
  };
}
