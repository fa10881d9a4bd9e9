/**
 * The scenario comparison as a file: one row per scenario, one column per figure (revenue, cost,
 * ROI, probability, gap). CSV as the rest of the app writes it (src/ingest/safeCsv.ts: formula-safe
 * text, UTF-8 BOM; in German the variant German Excel opens by double click: `;` and a decimal
 * comma), XLSX through the export worker (src/ui/export/xlsxSink.ts), typed cells.
 */
import type { Cell } from '../../../../db/arrowRows';
import { COMPARED_FIGURES, type ComparedFigure, type Comparison } from '../../../../domain/planning/scenario';
import { toSafeCsv } from '../../../../ingest/safeCsv';
import type { WorkbookColumn } from '../../../export/leadsWorkbook';
import { workbookSink } from '../../../export/xlsxSink';

/** Header texts in the UI language; roi and probability are written in percent and should say so. */
export type ComparisonHeaders = Readonly<Record<'scenario' | ComparedFigure, string>>;

export const COMPARISON_COLUMNS = ['scenario', ...COMPARED_FIGURES] as const;

const PERCENT: ReadonlySet<ComparedFigure> = new Set(['roi', 'probability']);
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A figure as written to a file: money to the cent, ROI and probability in percent to 0.01; unknown stays empty. */
function fileValue(figure: ComparedFigure, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return PERCENT.has(figure) ? round(value * 100, 2) : round(value, 2);
}

/** One record per scenario, keyed by COMPARISON_COLUMNS. */
export function comparisonRecords(comparison: Comparison): Record<string, string | number | null>[] {
  return comparison.scenarios.map((scenario, i) => {
    const record: Record<string, string | number | null> = { scenario: scenario.name };
    for (const row of comparison.rows) record[row.figure] = fileValue(row.figure, row.values[i] ?? null);
    return record;
  });
}

const headerList = (headers: ComparisonHeaders) => COMPARISON_COLUMNS.map((c) => headers[c]);

/** CSV text with its BOM; germanExcel: `;` and decimal comma (the UI in German). */
export function comparisonCsv(comparison: Comparison, headers: ComparisonHeaders, germanExcel: boolean): string {
  return `\uFEFF${toSafeCsv(comparisonRecords(comparison), COMPARISON_COLUMNS, { headers: headerList(headers), germanExcel })}`;
}

export function comparisonWorkbookColumns(headers: ComparisonHeaders): WorkbookColumn[] {
  return COMPARISON_COLUMNS.map((c) => ({ header: headers[c], kind: c === 'scenario' ? 'text' : PERCENT.has(c) ? 'number' : 'money' }));
}

/** The rows of the workbook, cells in COMPARISON_COLUMNS order. */
export function comparisonCells(comparison: Comparison): Cell[][] {
  return comparisonRecords(comparison).map((record) => COMPARISON_COLUMNS.map((c) => record[c] ?? null));
}

/** The comparison as an XLSX file, written in the export worker. */
export async function comparisonXlsx(comparison: Comparison, headers: ComparisonHeaders, sheetName: string): Promise<Blob> {
  const sink = workbookSink(comparisonWorkbookColumns(headers), sheetName);
  try {
    sink.addCells(comparisonCells(comparison));
    return await sink.finish();
  } finally {
    sink.dispose();
  }
}
