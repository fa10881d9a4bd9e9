import { toSafeCsv } from '../../ingest/safeCsv';

/** The columns of a rejects file, in the order it lists them. */
export const REJECT_COLUMNS = ['line', 'column_name', 'value', 'reason'] as const;

export interface GermanExcelRejects {
  /** Header texts in German, in REJECT_COLUMNS order. */
  readonly headers: readonly string[];
  /** A canonical column's German name ("Erstellt am" for created_at). */
  readonly columnLabel: (column: string) => string;
}

/**
 * The rejected lines and emptied cells as a CSV file's text, its UTF-8 BOM first (Excel reads UTF-8
 * without guessing, umlauts intact), every text cell formula-safe. Plain: `,`, the column codes
 * as headers, so it reads back as data. German Excel: `;`, decimal comma, German headers and column
 * names, so a double click in a German Excel opens it as a table.
 */
export function rejectsCsv(rows: readonly Record<string, unknown>[], german?: GermanExcelRejects): string {
  if (!german) return `\uFEFF${toSafeCsv(rows, REJECT_COLUMNS)}`;
  const named = rows.map((r) => ({ ...r, column_name: r.column_name == null ? r.column_name : german.columnLabel(String(r.column_name)) }));
  return `\uFEFF${toSafeCsv(named, REJECT_COLUMNS, { headers: german.headers, germanExcel: true })}`;
}
