import type { CsvImportReport } from './importTypes';

/** Above this share of rejected rows (or emptied cells of a column) an import asks before it replaces anything. */
export const RISKY_SHARE = 0.2;

/** Something about an import the user confirms before it replaces data: most of a file lost, a column emptied. */
export type ImportRisk =
  | { readonly kind: 'rejected'; readonly rows: number; readonly of: number; readonly message: string }
  | { readonly kind: 'empty'; readonly message: string }
  | { readonly kind: 'cleared'; readonly column: string; readonly cells: number; readonly of: number; readonly message: string };

const percent = (part: number, whole: number) => `${Math.round((100 * part) / Math.max(1, whole))} %`;

/**
 * What makes an import worth a question: more than RISKY_SHARE of its rows rejected, no row loaded,
 * or an optional column whose cells mostly failed to convert (probably mapped to the wrong column).
 */
export function importRisks(report: Pick<CsvImportReport, 'rowsRead' | 'rowsLoaded' | 'rowsRejected' | 'cleared'>): ImportRisk[] {
  const risks: ImportRisk[] = [];
  const { rowsRead, rowsLoaded, rowsRejected } = report;
  if (rowsLoaded === 0) risks.push({ kind: 'empty', message: `no row would be loaded (${rowsRead} read)` });
  else if (rowsRejected > RISKY_SHARE * rowsRead) {
    risks.push({ kind: 'rejected', rows: rowsRejected, of: rowsRead, message: `${rowsRejected} of ${rowsRead} rows (${percent(rowsRejected, rowsRead)}) would be rejected` });
  }
  const clearedPerColumn = new Map<string, number>();
  for (const cell of report.cleared) clearedPerColumn.set(String(cell.column_name), (clearedPerColumn.get(String(cell.column_name)) ?? 0) + 1);
  for (const [column, cells] of clearedPerColumn) {
    if (rowsLoaded > 0 && cells > RISKY_SHARE * rowsLoaded) {
      risks.push({ kind: 'cleared', column, cells, of: rowsLoaded, message: `${column}: ${cells} of ${rowsLoaded} cells (${percent(cells, rowsLoaded)}) do not convert and would be emptied — is it the right column?` });
    }
  }
  return risks;
}
