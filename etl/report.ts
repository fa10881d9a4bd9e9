import { CANONICAL, type TableKind } from '../src/domain/schema';
import { suggestMapping } from '../src/ingest/headerMapping';
import type { SheetNote } from '../src/ingest/xlsx';
import { toSafeCsv } from '../src/ingest/safeCsv';
import type { CsvImportReport } from '../src/services/importCsv';
import { RULE_REASONS } from '../src/domain/quality/reasons';
import type { QualityRuleId } from '../src/domain/quality/rules';
import type { QualitySummary } from '../src/services/qualitySummary';
import type { LeadFigures } from '../src/services/leadFigures';
import type { LookupReport } from '../src/services/lookups';

/** How many rejects report.md lists per export; report.json and the rejects CSV have all of them. */
export const MARKDOWN_REJECTS_LIMIT = 200;
/** How many shared keys report.md lists; report.json has all of them. */
export const MARKDOWN_SHARED_KEYS_LIMIT = 200;

/** One key (lead_id, …) found in more than one export of the same kind: every row that has it. */
export interface SharedKey {
  readonly kind: TableKind;
  readonly columns: readonly string[];
  readonly key: string;
  readonly rows: readonly { readonly file: string; readonly line: number }[];
}

export interface RunReport {
  readonly schemaVersion: 1;
  readonly createdAt: string;
  readonly generator: string;
  /** Every export's full import report: detection, mapping, counts, repairs and every reject. */
  readonly files: readonly CsvImportReport[];
  /** Keys loaded from more than one export of a kind: all rows are kept (the browser upserts by id). */
  readonly sharedKeys: readonly SharedKey[];
  /** Entries of the mapping file that matched no export (a misspelt name?). */
  readonly unusedMappings: readonly string[];
  /** Files loaded as lookups of the leads. */
  readonly lookups: readonly LookupReport[];
  /** The loaded data's figures by the app's own metric code, for a controller to check before publishing (null without leads). */
  readonly figures: LeadFigures | null;
  /** The loaded leads' data quality (the Data quality page's scoring; null without leads). */
  readonly quality: QualitySummary | null;
}

export const rejectsFileName = (sourceFile: string) => `${sourceFile}.rejects.csv`;

/** Rejects of one export as CSV (UTF-8 with BOM for Excel), every cell formula-safe. */
export function rejectsCsv(report: CsvImportReport): string {
  return `\uFEFF${toSafeCsv(report.rejects, ['line', 'column_name', 'value', 'reason'])}\r\n`;
}

const integer = new Intl.NumberFormat('en-US');
const DELIMITERS: Readonly<Record<string, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/**
 * Text from an export inside a Markdown table cell: shown literally, never as markup or HTML —
 * pipes, backslashes, emphasis and link characters escaped, angle brackets and ampersands as
 * entities, line breaks visible, long values shortened.
 */
export function markdownCell(value: unknown, max = 160): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (text.length > max) text = `${text.slice(0, max)}…`;
  return text
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, ' ↵ ')
    .replace(/\t/g, ' ');
}

/** Our own names (tables, columns, formats) as code: literal without escaping, and readable as plain text. */
const code = (name: string) => `\`${name}\``;
const md = (value: unknown) => markdownCell(value);

/** A Markdown table of cells that are already Markdown (escaped with md() or code()). */
const table = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const SHEET_NOTES: Readonly<Record<SheetNote['kind'], string>> = {
  errorCells: 'cells with an Excel error, read as empty',
  formulasWithoutValue: 'formulas without a stored result, read as empty (open and save the file in Excel to compute them)',
  otherDecimalConvention: 'numbers written as text with the other decimal separator, which may be rejected or misread',
};

/** The sheet a workbook was read from, its other sheets and what to know about its cells. */
function sheetLines({ sheet }: CsvImportReport): string[] {
  if (!sheet) return [];
  const out = [`Sheet “${md(sheet.name)}” read, header in row ${integer.format(sheet.headerRow)}.`, ''];
  if (sheet.otherSheets.length) out.push(`Other sheets, not read: ${sheet.otherSheets.map((s) => `“${md(s)}”`).join(', ')}.`, '');
  for (const note of sheet.notes) {
    out.push(`Workbook note: ${integer.format(note.count)} ${SHEET_NOTES[note.kind]}: ${note.examples.map(md).join('; ')}${note.count > note.examples.length ? ' …' : ''}.`, '');
  }
  return out;
}

/**
 * The canonical columns the export gives no value: those an extra column would fit (a mapping file's
 * "columns" left them out) said so, the others listed as not in the export.
 */
function unmappedLines(report: CsvImportReport): string[] {
  const unmapped = CANONICAL[report.kind].filter((c) => report.mapping[c.name] === undefined && report.constants[c.name] === undefined).map((c) => c.name);
  const fitting = suggestMapping(report.kind, report.extras.map((e) => e.header));
  const absent = unmapped.filter((c) => fitting[c] === undefined);
  const out: string[] = [];
  for (const column of unmapped.filter((c) => fitting[c] !== undefined)) {
    out.push(`${code(column)}: not mapped; the export's ${md(fitting[column])} would fit it (kept as an extra column; map it with "columns").`, '');
  }
  if (absent.length) out.push(`Not in this export (left empty): ${absent.map(code).join(', ')}.`, '');
  return out;
}

function fileSection(report: CsvImportReport): string {
  const out: string[] = [];
  const dates = Object.entries(report.format.dateFormats).map(([column, formats]) => `${code(column)}: ${formats.map(code).join(' or ')}`);
  out.push(`## ${md(report.fileName)} → ${code(report.kind)}`, '');
  out.push(
    table(
      ['', ''],
      [
        ['encoding', report.encoding],
        ['delimiter', DELIMITERS[report.delimiter] ?? code(report.delimiter)],
        ['decimal separator', code(report.format.decimalSeparator)],
        ['date formats', dates.length ? dates.join('; ') : 'ISO (yyyy-mm-dd)'],
        ['rows read', integer.format(report.rowsRead)],
        ['rows loaded', integer.format(report.rowsLoaded)],
        ['rows rejected', integer.format(report.rowsRejected)],
      ],
    ),
    '',
  );
  out.push('### Mapping', '', table(['column', 'file header'], Object.entries(report.mapping).map(([column, header]) => [code(column), md(header)])), '');
  const constants = Object.entries(report.constants);
  if (constants.length) out.push('### Constants', '', table(['column', 'every row'], constants.map(([column, value]) => [code(column), md(value)])), '');
  out.push(...sheetLines(report), ...unmappedLines(report));
  if (report.extras.length) out.push(`Kept as extra columns (filters, splits, explorer): ${report.extras.map((e) => (e.name === e.header ? md(e.header) : `${md(e.header)} as ${md(e.name)}`)).join(', ')}.`, '');
  if (report.currency) out.push(`Amounts in ${code(report.currency)} (chosen for this export).`, '');
  if (report.placeholders.length) {
    out.push(
      `### Placeholders read as empty (${report.placeholderValues.map(md).join(', ')})`,
      '',
      table(['column', 'cells'], report.placeholders.map((p) => [code(p.column), integer.format(p.cells)])),
      '',
    );
  }
  for (const w of report.plausibility) {
    const examples = w.examples.slice(0, 5).map((e) => `${md(e.leadId)} (${md(e.source)}:${e.line})`).join(', ');
    out.push(`Plausibility: ${integer.format(w.count)} leads ${w.check === 'closed before created' ? 'were closed before they were created' : 'are won without an amount (revenue unknown)'}, kept: ${examples}${w.count > 5 ? ', …' : ''}.`, '');
  }
  if (report.cleared.length) {
    out.push(`### Emptied cells (${integer.format(report.cleared.length)}: optional values that did not convert; their rows were loaded)`, '');
    const shown = report.cleared.slice(0, MARKDOWN_REJECTS_LIMIT);
    out.push(table(['line', 'column', 'value', 'reason'], shown.map((r) => [md(r.line), code(String(r.column_name)), md(r.value), md(r.reason)])), '');
    if (report.cleared.length > shown.length) out.push(`The first ${integer.format(shown.length)} are listed; report.json has all ${integer.format(report.cleared.length)}.`, '');
  }
  if (report.unknownValues.length) {
    out.push(
      `### Values kept as they are (${integer.format(report.unknownValues.length)}: not known to the app; map them with "values" in the mapping file)`,
      '',
      table(['column', 'value', 'rows'], report.unknownValues.map((u) => [code(u.column), md(u.value), integer.format(u.rows)])),
      '',
    );
  }
  if (report.repairs.length) {
    out.push('### Repairs', '', table(['column', 'from', 'to', 'rows', 'why'], report.repairs.map((r) => [code(r.column), md(r.from), code(r.to), integer.format(r.rows), md(r.why)])), '');
  }
  if (report.rejects.length) {
    out.push(`### Rejected (${integer.format(report.rejects.length)} problems in ${integer.format(report.rowsRejected)} rows)`, '');
    const shown = report.rejects.slice(0, MARKDOWN_REJECTS_LIMIT);
    out.push(table(['line', 'column', 'value', 'reason'], shown.map((r) => [md(r.line), r.column_name == null ? '' : code(String(r.column_name)), md(r.value), md(r.reason)])), '');
    if (report.rejects.length > shown.length) {
      out.push(`The first ${integer.format(shown.length)} are listed; report.json and ${md(rejectsFileName(report.fileName))} have all ${integer.format(report.rejects.length)}.`, '');
    } else {
      out.push(`Also in ${md(rejectsFileName(report.fileName))} and report.json.`, '');
    }
  }
  return out.join('\n');
}

const percent = (value: number | null) => (value === null ? '–' : `${(100 * value).toFixed(1)} %`);

/** The headline figures a controller checks before publishing (report.json has them by dimension too). */
function figuresSection(f: LeadFigures): string {
  const money = (value: number | null) => (value === null ? 'unknown (no won lead has an amount)' : `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}${f.currency ? ` ${f.currency}` : ''}`);
  return [
    '## Figures',
    '',
    table(
      ['', ''],
      [
        ['leads', integer.format(f.leads)],
        ['won', integer.format(f.won)],
        ['lost', integer.format(f.lost)],
        ['lead → won', percent(f.leadToWon)],
        ['win rate (won ÷ (won + lost))', percent(f.winRate)],
        ['revenue', money(f.revenue)],
        ['median days to won', f.medianDaysToWon === null ? '– (no won lead has both dates)' : String(f.medianDaysToWon)],
      ],
    ),
    '',
    `By ${Object.keys(f.by).map(code).join(', ')}: see report.json (\`figures.by\`).`,
  ].join('\n');
}

/** The loaded leads' quality: rejected rows are not the whole story. */
function qualitySection(q: QualitySummary): string {
  const reason = (rule: string) => RULE_REASONS[rule as QualityRuleId] ?? rule;
  return [
    '## Data quality',
    '',
    table(
      ['', ''],
      [
        ['average score (0–100)', q.score === null ? '–' : q.score.toFixed(1)],
        ['leads with a problem', `${integer.format(q.flagged)} of ${integer.format(q.leads)}`],
        ...q.problems.map((p): [string, string] => [`most frequent: ${md(reason(p.rule))}`, integer.format(p.leads)]),
        ['duplicate clusters', `${integer.format(q.duplicateClusters)} (${integer.format(q.duplicateLeads)} leads)`],
      ],
    ),
    '',
    `Scored as of ${q.asOf}.${q.absentColumns.length ? ` Not in the data, so not scored: ${q.absentColumns.map(code).join(', ')}.` : ''} The app's Data quality page lists every lead's reasons and hands out fix lists.`,
  ].join('\n');
}

function lookupsSection(lookups: readonly LookupReport[]): string {
  const rows = lookups.map((l) => [
    md(l.fileName),
    `${code(l.leadColumn)} = ${md(l.column)}`,
    integer.format(l.rowsLoaded),
    l.columns.map(md).join(', '),
    l.unmatched ? `${integer.format(l.unmatched)} of ${integer.format(l.leadValues)} (${l.unmatchedExamples.map(md).join(', ')}${l.unmatched > l.unmatchedExamples.length ? ', …' : ''})` : `none of ${integer.format(l.leadValues)}`,
    l.repeatedKeys ? `${integer.format(l.repeatedKeys)} (the first row wins)` : '0',
  ]);
  return ['## Lookups', '', table(['file', 'joined on', 'rows', 'columns added to the leads', 'lead values without a match', 'repeated keys'], rows)].join('\n');
}

/** The readable report: a summary, then per export its detection, mapping, repairs and rejects. */
export function reportMarkdown(run: RunReport): string {
  const out: string[] = [`# Import report`, '', `${run.generator}, ${run.createdAt}`, ''];
  out.push(
    table(
      ['export', 'table', 'read', 'loaded', 'rejected'],
      run.files.map((f) => [md(f.fileName), code(f.kind), integer.format(f.rowsRead), integer.format(f.rowsLoaded), integer.format(f.rowsRejected)]),
    ),
    '',
  );
  if (run.unusedMappings.length) out.push(`The mapping file names exports that were not given: ${run.unusedMappings.map(md).join(', ')}.`, '');
  if (run.figures) out.push(figuresSection(run.figures), '');
  if (run.quality) out.push(qualitySection(run.quality), '');
  if (run.lookups.length) out.push(lookupsSection(run.lookups), '');
  if (run.sharedKeys.length) {
    out.push(
      `## Ids in more than one export`,
      '',
      `${integer.format(run.sharedKeys.length)} ids occur in more than one export of the same table. All their rows are kept in the bundle, in the order of the exports; nothing was merged.`,
      '',
    );
    const shown = run.sharedKeys.slice(0, MARKDOWN_SHARED_KEYS_LIMIT);
    out.push(table(['table', 'id', 'rows (export:line)'], shown.map((k) => [code(k.kind), md(k.key), md(k.rows.map((r) => `${r.file}:${r.line}`).join(', '))])), '');
    if (run.sharedKeys.length > shown.length) out.push(`The first ${integer.format(shown.length)} are listed; report.json has all of them.`, '');
  }
  for (const file of run.files) out.push(fileSection(file));
  return `${out.join('\n').trimEnd()}\n`;
}
