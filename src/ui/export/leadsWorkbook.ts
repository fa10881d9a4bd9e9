import type { Workbook, Worksheet } from 'exceljs';
import type { Cell } from '../../db/arrowRows';
import type { ColumnKind } from '../explorer/explorerColumns';

export interface WorkbookColumn {
  readonly header: string;
  readonly kind: ColumnKind;
}

/** A workbook filled chunk by chunk, written once at the end. */
export interface LeadsWorkbook {
  addRows(rows: readonly (readonly Cell[])[]): void;
  finish(): Promise<Uint8Array>;
}

/**
 * One sheet of leads. Values go in typed: text stays a text cell (exceljs writes a formula only
 * for a `{ formula }` value, so "=1+1" from an export is shown, never run), numbers as numbers,
 * dates as real dates. exceljs is loaded here, on first use: only the export worker calls this.
 */
export async function createLeadsWorkbook(columns: readonly WorkbookColumn[], sheetName = 'Leads'): Promise<LeadsWorkbook> {
  // A CommonJS package: Node hands it over as the default export, bundlers as either.
  const module = (await import('exceljs')) as typeof import('exceljs') & { default?: typeof import('exceljs') };
  const { Workbook: WorkbookClass } = module.default ?? module;
  const workbook: Workbook = new WorkbookClass();
  const sheet: Worksheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.kind === 'date' ? 12 : c.kind === 'text' ? 22 : 12,
    ...(c.kind === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : c.kind === 'money' ? { style: { numFmt: '#,##0.00' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  const toValue = (kind: ColumnKind, value: Cell): Date | string | number | null => {
    if (value === null) return null;
    // DATE arrives as epoch ms of UTC midnight; exceljs turns a Date into the serial of that UTC day.
    if (kind === 'date' && typeof value === 'number') return new Date(value);
    return typeof value === 'boolean' ? String(value) : value;
  };
  return {
    addRows(rows) {
      for (const row of rows) sheet.addRow(columns.map((c, i) => toValue(c.kind, row[i] ?? null)));
    },
    async finish() {
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    },
  };
}
