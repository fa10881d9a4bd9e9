import { CANONICAL, type CanonicalColumn, type TableKind } from '../domain/schema';
import { joinSql, quoteIdent, type SqlQuery } from '../domain/sqlQuery';
import { defaultDateRange, type DateRange, type ValueFormat } from '../domain/valueFormat';
import { dateReasonSql, dateSql, ISO, numberReasonSql, numberSql, plausibleDateSql } from './valueSql';

/**
 * The validated import, in one pass over the file: read_csv reads every cell as text (records of
 * the wrong shape are set aside by DuckDB with their line), each mapped cell is converted with a
 * TRY_ function, and a row where a conversion failed or a required value is missing is flagged and
 * keeps its raw text. Only flagged rows are examined cell by cell; repeated ids are looked for only
 * when the ids are not all distinct. The rejected rows are deleted and the working table becomes
 * the canonical one, so a 5M-row export never exists twice in memory. Nothing is dropped without a
 * row in _rejects.
 *
 * The pass over the file does as little per cell as it can (in the browser it runs on one thread):
 * cells are converted as read, not trimmed first, and optional text is stored as read; the flagged
 * rows are checked again by the trimmed text (recheckFlaggedSql) and text cells with spaces at an
 * edge are trimmed afterwards (trimTextSql, skipped when a scan of the file found none); line
 * breaks inside cells are only counted when the file may have them. Every later step runs on the
 * table with all threads, and the steps a file does not need (line shifts, duplicate listing,
 * deleting) are skipped.
 */
export const WORK = '_import';
export const SHAPE_REJECTS = '_shape_rejects';
export const REJECTS = '_rejects';
const LINES = '_lines';
const SAMPLE_REJECTS = '_sample_rejects';
const PLACEHOLDERS = '_placeholders';

/**
 * How DuckDB is told to read the file: UTF-8, or latin-1 for a Windows-1252 export that has none of
 * the bytes 0x80–0x9F (the only ones where the two differ), so it needs no UTF-8 copy.
 */
export type CsvEncoding = 'utf-8' | 'latin-1';

export type { ValueFormat };

/**
 * The longest record an import loads (DuckDB's own limit on a line, in bytes of its cells): a longer
 * one is a quote left open or a field gone wrong, and is rejected with its line. DuckDB refuses the
 * whole file at its limit, so a file that has one is read again up to READ_LINE_BYTES.
 */
export const MAX_RECORD_BYTES = 2_000_000;
const READ_LINE_BYTES = 64 * 1024 * 1024;

/** The reason of a record longer than MAX_RECORD_BYTES. */
export const LONG_RECORD_REASON = `record longer than ${MAX_RECORD_BYTES.toLocaleString('en-US')} bytes`;

/**
 * read_csv gives NULL for an empty cell, quoted ("") or not, so a cell read is never ''. The
 * encoding is one of two constants of ours, never text from the file.
 */
function readCsv(fileRef: string, delimiter: string, rejectsTable: string, encoding: CsvEncoding, longRecords = false): SqlQuery {
  return {
    sql:
      `read_csv(?, header = true, all_varchar = true, delim = ?, quote = '"', escape = '"', ` +
      `${encoding === 'latin-1' ? "encoding = 'latin-1', " : ''}${longRecords ? `max_line_size = ${READ_LINE_BYTES}, ` : ''}` +
      `store_rejects = true, rejects_table = '${rejectsTable}', rejects_scan = '${rejectsTable}_scan')`,
    params: [fileRef, delimiter],
  };
}

/**
 * The rows of a file's head (UTF-8) as text: DuckDB's names for the columns, which the load refers
 * to, and values for format detection.
 */
export function sampleCsvSql(fileRef: string, delimiter: string, rows = 1000): SqlQuery {
  return joinSql(['SELECT * FROM', readCsv(fileRef, delimiter, SAMPLE_REJECTS, 'utf-8'), `LIMIT ${rows}`]);
}

/** Drops the import's working tables to free their memory. */
export function dropImportTablesSql(): SqlQuery {
  const names = [WORK, SHAPE_REJECTS, `${SHAPE_REJECTS}_scan`, REJECTS, LINES, SAMPLE_REJECTS, `${SAMPLE_REJECTS}_scan`, PLACEHOLDERS];
  return { sql: names.map((t) => `DROP TABLE IF EXISTS ${t};`).join(' '), params: [] };
}

/** The text of a cell as stored: without surrounding spaces (Unicode Zs, as DuckDB's trim), NULL when blank. */
const trimmed = (cell: string) => `nullif(trim(${cell}), '')`;

/**
 * The converted value of a text cell; NULL where the text does not convert. The import's rule is
 * to convert the trimmed text. Every parser here skips the ASCII white space around a value (casts
 * and strptime do) except the ISO one, which reads the first ten characters: so for a cell as read
 * (`asRead`), that parser refuses a value with a leading space or control character. Then a value
 * converted as read is the value of its trimmed text, and a value that fails as read (a no-break
 * space at an edge, a blank cell) only flags its row, which recheckFlaggedSql converts trimmed.
 */
function convertedSql(column: CanonicalColumn, text: string, format: ValueFormat, asRead = false): SqlQuery {
  switch (column.type) {
    case 'VARCHAR':
      return { sql: text, params: [] };
    case 'DATE':
      return dateSql(format.dateFormats[column.name] ?? [ISO], text, asRead);
    case 'DOUBLE':
    case 'INTEGER':
      return numberSql(column.type, text, format.decimalSeparator);
  }
}

const REASONS: Readonly<Record<CanonicalColumn['type'], string>> = {
  VARCHAR: 'not text',
  DATE: 'not a date',
  DOUBLE: 'not a number',
  INTEGER: 'not a whole number',
};

/** Line breaks inside one raw cell (quoted multi-line values shift the lines of later records). */
const newlinesIn = (header: string) =>
  `CASE WHEN contains(${quoteIdent(header)}, chr(10)) THEN length(${quoteIdent(header)}) - length(replace(${quoteIdent(header)}, chr(10), '')) ELSE 0 END`;

/**
 * The sum of the terms as a balanced tree of additions: a chain `a + b + c + …` nests one level per
 * term, and DuckDB refuses an expression nested deeper than its limit (a file of ~1,000 columns).
 */
export function balancedSum(terms: readonly string[]): string {
  if (terms.length === 0) return '0';
  if (terms.length === 1) return terms[0]!;
  const half = Math.ceil(terms.length / 2);
  return `(${balancedSum(terms.slice(0, half))} + ${balancedSum(terms.slice(half))})`;
}

interface Mapped {
  readonly column: CanonicalColumn;
  readonly header: string;
  /** Position in the _raw list (1-based). */
  readonly slot: number;
}

/**
 * What the load makes of a file: its table, which header feeds each canonical column, constants
 * for columns the file does not have (every row of an MQL export is `mql`), the columns it keeps
 * beside the canonical ones (extras, stored as text under their own name), the values that mean
 * "not filled", and the number and date formats.
 */
export interface LoadPlan {
  readonly kind: TableKind;
  readonly mapping: Readonly<Record<string, string>>;
  readonly constants?: Readonly<Record<string, string>>;
  readonly extras?: readonly ExtraColumn[];
  /** Cell texts read as empty, compared trimmed and case-insensitively ('Select', 'n/a', …). */
  readonly placeholders?: readonly string[];
  readonly format: ValueFormat;
  /** Dates outside it fail like dates no format reads; the default range (today's) when absent. */
  readonly dateRange?: DateRange;
}

/** A file column the mapping does not use, kept as text under `name` (its header, unless that is taken). */
export interface ExtraColumn {
  readonly header: string;
  readonly name: string;
}

/** The mapped columns in canonical order, with their position in the _raw list (1-based); a constant wins over a header. */
function mappedColumns({ kind, mapping, constants = {} }: Pick<LoadPlan, 'kind' | 'mapping' | 'constants'>): Mapped[] {
  return CANONICAL[kind]
    .filter((c) => mapping[c.name] !== undefined && constants[c.name] === undefined)
    .map((c, i) => ({ column: c.requiredWhenMapped ? { ...c, required: true } : c, header: mapping[c.name] as string, slot: i + 1 }));
}

/** Whether a cell that fails rejects its row (a required one, or one whose emptying would change what the row means) rather than being emptied. */
const rejectsRow = (column: CanonicalColumn) => column.required || column.strict === true;

/** Optional text columns: stored as read, and trimmed afterwards in the rows that need it (trimTextSql). */
const storedAsRead = (m: Mapped) => m.column.type === 'VARCHAR' && !m.column.required;

/** Whether the text (SQL) is one of the placeholders; they are bound, lower-cased. */
export function placeholderSql(text: string, placeholders: readonly string[]): SqlQuery {
  if (placeholders.length === 0) return { sql: 'FALSE', params: [] };
  const longest = Math.max(...placeholders.map((p) => p.trim().length));
  return {
    sql: `(length(${text}) <= ${longest + 8} AND lower(trim(${text})) IN (${placeholders.map(() => '?').join(', ')}))`,
    params: placeholders.map((p) => p.trim().toLowerCase()),
  };
}

/**
 * The placeholders as one bound list, `_ph`, for a statement that tests many columns (joined once
 * in its FROM clause): bound once per column, the ~10,000 values of a 1,200-column file took
 * native DuckDB 30 s to bind; the list tests as fast as an IN list (1M rows × 10 columns, measured).
 */
function placeholderListSql(placeholders: readonly string[]): SqlQuery {
  return { sql: `(SELECT [${placeholders.map(() => '?').join(', ')}]::VARCHAR[] AS _ph)`, params: placeholders.map((p) => p.trim().toLowerCase()) };
}

/** Whether the text (SQL) is one of the placeholders in `_ph` (placeholderListSql). */
function inPlaceholderList(text: string, placeholders: readonly string[]): string {
  const longest = Math.max(...placeholders.map((p) => p.trim().length));
  return `(length(${text}) <= ${longest + 8} AND list_contains(_ph, lower(trim(${text}))))`;
}

/**
 * Why a mapped cell fails, given its text and its converted value (SQL); null when it cannot fail.
 * A required cell that fails rejects its row (`_bad`); an optional typed cell that fails is only
 * emptied and listed (`_soft`): its row is kept.
 */
function failureSql({ column }: Mapped, text: string, value: SqlQuery): SqlQuery | null {
  if (column.required) return joinSql(['(', value, ') IS NULL'], '');
  return column.type === 'VARCHAR' ? null : joinSql([`(${text} IS NOT NULL AND (`, value, ') IS NULL)'], '');
}

/** The value a converted cell keeps: a date outside the plausible range is none (the cell fails). */
function checkedSql(column: CanonicalColumn, value: SqlQuery, range: DateRange): SqlQuery {
  return column.type === 'DATE' ? plausibleDateSql(value, range) : value;
}

const rangeOf = (plan: Pick<LoadPlan, 'dateRange'>) => plan.dateRange ?? defaultDateRange(new Date());

/** A constant as a typed SQL value, checked here so a wrong one fails before any file is read. */
function constantSql(column: CanonicalColumn, text: string): SqlQuery {
  switch (column.type) {
    case 'VARCHAR':
      return { sql: '?::VARCHAR', params: [text] };
    case 'DATE':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error(`the constant for ${column.name} must be a date written yyyy-mm-dd, not "${text}"`);
      return { sql: '?::DATE', params: [text] };
    case 'DOUBLE':
    case 'INTEGER': {
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value) || (column.type === 'INTEGER' && !Number.isInteger(value))) {
        throw new Error(`the constant for ${column.name} must be a ${column.type === 'INTEGER' ? 'whole ' : ''}number written with a decimal point, not "${text}"`);
      }
      return { sql: `?::${column.type}`, params: [value] };
    }
  }
}

/**
 * Reads, converts and flags the whole file into the working table (see the module comment). What
 * is done per cell is as little as exactness allows, as this pass runs on one thread in the browser:
 * required text cells are trimmed; other cells are converted as read (see convertedSql); optional
 * text cells and extra columns are stored as read. Line breaks inside cells are only counted when
 * `lineBreaks`.
 */
export function loadCsvSql(
  plan: LoadPlan,
  headers: readonly string[],
  fileRef: string,
  delimiter: string,
  sourceName: string,
  encoding: CsvEncoding = 'utf-8',
  lineBreaks = true,
  longRecords = false,
): SqlQuery {
  const { kind, format, constants = {}, extras = [] } = plan;
  const mapped = mappedColumns(plan);
  const columns: SqlQuery[] = CANONICAL[kind].map((column) => {
    const name = quoteIdent(column.name);
    const constant = constants[column.name];
    if (constant !== undefined) return joinSql([constantSql(column, constant), ` AS ${name}`], '');
    const m = mapped.find((x) => x.column.name === column.name);
    if (!m) return { sql: `NULL::${column.type} AS ${name}`, params: [] };
    const cell = quoteIdent(m.header);
    // Placeholders are found after the read (placeholderCountsSql): a bound list in this pass stopped duckdb-wasm's progress reports.
    if (column.type === 'VARCHAR') return { sql: `${m.column.required ? trimmed(cell) : cell} AS ${name}`, params: [] };
    return joinSql([convertedSql(column, cell, format, true), ` AS ${name}`], '');
  });
  const extraColumns = extras.map((e) => `${quoteIdent(e.header)} AS ${quoteIdent(e.name)}`);
  const raws = mapped.map((m) => `${quoteIdent(m.header)} AS _raw_${m.slot}`);
  const nl = lineBreaks ? `(${balancedSum(headers.map(newlinesIn))})::INTEGER` : '0::INTEGER';
  // Dates are converted in the inner query and kept only when plausible in the outer ones: one parse per cell.
  const range = rangeOf(plan);
  const checked = (m: Mapped) => checkedSql(m.column, { sql: quoteIdent(m.column.name), params: [] }, range);
  const failures = (required: boolean) =>
    mapped
      .filter((m) => rejectsRow(m.column) === required)
      .map((m) => failureSql(m, `_raw_${m.slot}`, checked(m)))
      .filter((f) => f !== null);
  const or = (parts: SqlQuery[]) => (parts.length ? joinSql(parts, ' OR ') : 'FALSE');
  const names = [
    ...CANONICAL[kind].map((c) => {
      const m = mapped.find((x) => x.column.name === c.name);
      return m && c.type === 'DATE' ? joinSql([checked(m), `AS ${quoteIdent(c.name)}`]) : quoteIdent(c.name);
    }),
    ...extras.map((e) => quoteIdent(e.name)),
  ];
  const rawList = mapped.map(({ slot }) => `_raw_${slot}`).join(', ');
  // Measured only in a file DuckDB refused for a line too long: every other file has none.
  const long = longRecords ? `${balancedSum(headers.map((h) => `coalesce(strlen(${quoteIdent(h)}), 0)`))} > ${MAX_RECORD_BYTES}` : 'FALSE';
  return joinSql([
    `CREATE OR REPLACE TABLE ${WORK} AS SELECT`,
    joinSql(names, ', '),
    {
      sql: `, ?::VARCHAR AS _source, NULL::INTEGER AS _line, _nl, _bad, _soft, _long, CASE WHEN _bad OR _soft THEN [${rawList}] END AS _raw FROM (SELECT *, _long OR`,
      params: [sourceName],
    },
    or(failures(true)),
    'AS _bad,',
    or(failures(false)),
    'AS _soft FROM (SELECT',
    joinSql(columns, ', '),
    `, ${[...extraColumns, ...raws, `${nl} AS _nl`, `${long} AS _long`].join(', ')} FROM`,
    readCsv(fileRef, delimiter, SHAPE_REJECTS, encoding, longRecords),
    '))',
  ]);
}

/** The placeholders as a table (PLACEHOLDERS, lower-cased), for recheckFlaggedSql. */
export function placeholderTableSql(placeholders: readonly string[]): SqlQuery[] {
  const values = [...new Set(placeholders.map((p) => p.trim().toLowerCase()))];
  return [
    { sql: `CREATE OR REPLACE TEMP TABLE ${PLACEHOLDERS} (p VARCHAR)`, params: [] },
    ...(values.length ? [{ sql: `INSERT INTO ${PLACEHOLDERS} VALUES ${values.map(() => '(?)').join(', ')}`, params: values }] : []),
  ];
}

/**
 * The flagged rows again, by the import's rule (trimmed text, placeholders empty, then converted):
 * a value that failed as read only because of a space character at an edge, a blank cell or a
 * placeholder ('n/a' in a date column means "not filled", not "not a date"; placeholderTableSql
 * first) is no failure. Cheap,
 * as it touches only the flagged rows. The raw list itself is never updated: DuckDB rewrites a row
 * whose list changes, and rowids must keep the file's order.
 */
export function recheckFlaggedSql(plan: LoadPlan): SqlQuery | null {
  const sets: SqlQuery[] = [];
  const hard: SqlQuery[] = [];
  const soft: SqlQuery[] = [];
  const texts: SqlQuery[] = [];
  for (const m of mappedColumns(plan)) {
    const name = quoteIdent(m.column.name);
    if (m.column.type === 'VARCHAR') {
      // Required text was trimmed (placeholders emptied) while reading; optional text cannot fail.
      if (m.column.required) hard.push({ sql: `${WORK}.${name} IS NULL`, params: [] });
      continue;
    }
    // No bound values in the FROM clause: DuckDB numbers an UPDATE's parameters FROM first, so the placeholders come from a table.
    texts.push({ sql: `CASE WHEN lower(trim(_raw[${m.slot}])) IN (SELECT p FROM ${PLACEHOLDERS}) THEN NULL ELSE ${trimmed(`_raw[${m.slot}]`)} END AS _t${m.slot}`, params: [] });
    const text = `s._t${m.slot}`;
    const value = checkedSql(m.column, convertedSql(m.column, text, plan.format), rangeOf(plan));
    sets.push(joinSql([`${name} = `, value], ''));
    const failure = failureSql(m, text, value);
    if (failure) (rejectsRow(m.column) ? hard : soft).push(failure);
  }
  if (sets.length === 0) return null;
  const or = (parts: SqlQuery[]) => (parts.length ? joinSql(parts, ' OR ') : { sql: 'FALSE', params: [] });
  return joinSql([
    `UPDATE ${WORK} SET`,
    joinSql(sets, ', '),
    ', _bad = _long OR',
    or(hard),
    ', _soft =',
    or(soft),
    'FROM (SELECT rowid AS _r,',
    joinSql(texts, ', '),
    `FROM ${WORK} WHERE _bad OR _soft) AS s WHERE ${WORK}.rowid = s._r`,
  ]);
}

const PLACEHOLDER_COUNTS_PER_SCAN = 64;

/**
 * Cells that are placeholders, per column (`column_name`, `n`): the optional text columns and
 * extras over all rows, the typed columns over the flagged rows (where a placeholder fails to
 * convert). Run before they are emptied (emptyPlaceholdersSql; recheckFlaggedSql reads them as empty).
 */
export function placeholderCountsSql(plan: LoadPlan): { readonly query: SqlQuery; readonly columns: readonly string[] }[] {
  const placeholders = plan.placeholders ?? [];
  if (placeholders.length === 0) return [];
  const texts = [...requiredTextColumns(plan), ...textColumnsStoredAsRead(plan)];
  const typed = mappedColumns(plan).filter((m) => m.column.type !== 'VARCHAR');
  const counts = [
    ...texts.map((c) => ({ column: c, sql: `count(*) FILTER (WHERE ${inPlaceholderList(quoteIdent(c), placeholders)})` })),
    ...typed.map((m) => ({ column: m.column.name, sql: `count(*) FILTER (WHERE (_bad OR _soft) AND ${inPlaceholderList(`_raw[${m.slot}]`, placeholders)})` })),
  ];
  // One scan of the table per PLACEHOLDER_COUNTS_PER_SCAN columns (n0, n1, …, in `columns` order): a scan per
  // column took 2.3 s at 1M rows; all 1,200 columns of a wide file in one statement took duckdb-wasm 27 s for 2 rows.
  const queries = [];
  for (let start = 0; start < counts.length; start += PLACEHOLDER_COUNTS_PER_SCAN) {
    const part = counts.slice(start, start + PLACEHOLDER_COUNTS_PER_SCAN);
    const select = part.map((c, i) => `${c.sql}::BIGINT AS n${i}`).join(', ');
    queries.push({ query: joinSql([`SELECT ${select} FROM ${WORK},`, placeholderListSql(placeholders)]), columns: part.map((c) => c.column) });
  }
  return queries;
}

/**
 * Rejects the rows whose required text is a placeholder: the value is missing (rejectsTableSql
 * names it so). Only the text and the flag change, so rowids keep the file's order.
 */
export function rejectRequiredPlaceholdersSql(columns: readonly string[], placeholders: readonly string[]): SqlQuery | null {
  if (columns.length === 0 || placeholders.length === 0) return null;
  return joinSql([`UPDATE ${WORK} SET ${emptiedPlaceholders(columns, placeholders)}, _bad = TRUE FROM`, placeholderListSql(placeholders), `AS p WHERE ${anyPlaceholder(columns, placeholders)}`]);
}

/** Empties the placeholders of the given text columns (those placeholderCountsSql found some in). */
export function emptyPlaceholdersSql(columns: readonly string[], placeholders: readonly string[]): SqlQuery | null {
  if (columns.length === 0 || placeholders.length === 0) return null;
  return joinSql([`UPDATE ${WORK} SET ${emptiedPlaceholders(columns, placeholders)} FROM`, placeholderListSql(placeholders), `AS p WHERE ${anyPlaceholder(columns, placeholders)}`]);
}

/** SET clauses that empty the placeholders of the columns (`_ph` joined, placeholderListSql). */
const emptiedPlaceholders = (columns: readonly string[], placeholders: readonly string[]) =>
  columns.map((c) => `${quoteIdent(c)} = CASE WHEN ${inPlaceholderList(quoteIdent(c), placeholders)} THEN NULL ELSE ${quoteIdent(c)} END`).join(', ');

/** Whether any of the columns holds a placeholder; a balanced OR, as a chain nests one level per column. */
const anyPlaceholder = (columns: readonly string[], placeholders: readonly string[]): string => balancedOr(columns.map((c) => inPlaceholderList(quoteIdent(c), placeholders)));

function balancedOr(terms: readonly string[]): string {
  if (terms.length <= 1) return terms[0] ?? 'FALSE';
  const half = Math.ceil(terms.length / 2);
  return `(${balancedOr(terms.slice(0, half))} OR ${balancedOr(terms.slice(half))})`;
}

/** The required text columns (trimmed while reading): a placeholder there rejects the row. */
export function requiredTextColumns(plan: LoadPlan): string[] {
  return mappedColumns(plan)
    .filter((m) => m.column.type === 'VARCHAR' && m.column.required)
    .map((m) => m.column.name);
}

/** The optional text columns and the extras: stored as read, trimmed and emptied of placeholders afterwards. */
function textColumnsStoredAsRead(plan: LoadPlan): string[] {
  return [...mappedColumns(plan).filter(storedAsRead).map((m) => m.column.name), ...(plan.extras ?? []).map((e) => e.name)];
}

/**
 * Trims the optional text cells of the rows that have one starting or ending with a space
 * character (Unicode Zs, what trim removes), found by one match over the row's cells joined by
 * \x01 (a \x01 inside a cell can only make a row trimmed that needs no trimming).
 */
export function trimTextSql(plan: LoadPlan): SqlQuery | null {
  const columns = textColumnsStoredAsRead(plan).map(quoteIdent);
  if (columns.length === 0) return null;
  return {
    sql:
      `UPDATE ${WORK} SET ${columns.map((c) => `${c} = ${trimmed(c)}`).join(', ')} ` +
      `WHERE regexp_matches(concat_ws(chr(1), ${columns.join(', ')}), '(^|\\x01)\\p{Zs}|\\p{Zs}($|\\x01)')`,
    params: [],
  };
}

/** What the later steps depend on, in one pass over the working table. */
export interface ImportStats {
  /** Records read into the working table (those DuckDB set aside not counted). */
  readonly rows: number;
  /** Rows flagged as failing (a required value missing or wrong): rejected. */
  readonly bad: number;
  /** Rows with an optional cell that failed to convert: kept, the cell emptied and listed. */
  readonly soft: number;
  /** Rows with a line break inside a quoted cell. */
  readonly multiLine: number;
  /** Records longer than MAX_RECORD_BYTES: rejected. */
  readonly longRecords: number;
  /** Records DuckDB set aside because their shape was wrong (too few or too many fields). */
  readonly setAside: number;
  /** Whether an id occurs more than once (only for tables with a unique id). */
  readonly repeatedIds: boolean;
}

/**
 * What must be unique within an import, if the table has an id and it is mapped: `column`, the id's
 * name (where a repeat is reported), and `key`, SQL of the unique value (NULL: never a repeat). A
 * campaign's id repeats in a file of its cost per month: there the id with the month is unique.
 */
function uniqueIdColumn({ kind, mapping, constants = {} }: Pick<LoadPlan, 'kind' | 'mapping' | 'constants'>): { column: string; key: string } | null {
  const idColumn = CANONICAL[kind][0];
  if (!idColumn || mapping[idColumn.name] === undefined || constants[idColumn.name] !== undefined) return null;
  const id = quoteIdent(idColumn.name);
  if (kind === 'campaigns' && mapping.month !== undefined) return { column: idColumn.name, key: `CASE WHEN ${id} IS NOT NULL THEN ${id} || ' / ' || coalesce(strftime("month", '%Y-%m'), '') END` };
  return kind === 'leads' || kind === 'deals' || kind === 'campaigns' ? { column: idColumn.name, key: id } : null;
}

export function importStatsSql(plan: LoadPlan): SqlQuery {
  const id = uniqueIdColumn(plan);
  // NULL ids are never repeats (they are rejected as missing); count(DISTINCT) is much cheaper than GROUP BY … HAVING.
  const repeated = id ? `count(DISTINCT ${id.key}) < count(${id.key})` : 'FALSE';
  return {
    sql:
      `SELECT count(*)::BIGINT AS rows, count(*) FILTER (WHERE _bad)::BIGINT AS bad, count(*) FILTER (WHERE _soft)::BIGINT AS soft, ` +
      `count(*) FILTER (WHERE _nl > 0)::BIGINT AS multi_line, count(*) FILTER (WHERE _long)::BIGINT AS long_records, (SELECT count(DISTINCT line) FROM ${SHAPE_REJECTS})::BIGINT AS set_aside, ` +
      `${repeated} AS repeated_ids FROM ${WORK}`,
    params: [],
  };
}

/**
 * The line of each row, as SQL over the working table. Rows keep the file's record order (rowid):
 * when no record was set aside and no cell holds a line break, it is rowid + 2 (after the header),
 * computed where it is used and stored by the final update; otherwise numberLinesSql stores it first
 * (and rejectsTableSql needs it for the records set aside).
 */
export function lineSql(simple: boolean): string {
  return simple ? '(rowid + 2)::INTEGER' : '_line';
}

/**
 * Line of every row, and of every record DuckDB set aside (in LINES), when records were set aside
 * or cells hold line breaks. DuckDB numbers the records it sets aside by record, not by line
 * (header = 1): a record's line is 2 + its index among all records + the line breaks inside the
 * records before it, those set aside included (their text is in csv_line).
 */
export function numberLinesSql(): SqlQuery {
  const aside = `SELECT line - 2 AS k, line AS reported, trim(first(csv_line), chr(13) || chr(10)) AS text FROM ${SHAPE_REJECTS} GROUP BY line`;
  // An import row follows the records set aside before it: `pos` is the number of import rows before a set-aside record.
  const ranked = `SELECT reported, k - (row_number() OVER (ORDER BY k) - 1) AS pos, length(text) - length(replace(text, chr(10), '')) AS nl FROM (${aside})`;
  const records = `SELECT rowid AS r, NULL::BIGINT AS reported, rowid AS pos, 1 AS after, _nl AS nl FROM ${WORK} UNION ALL SELECT NULL, reported, pos, 0, nl FROM (${ranked})`;
  const order = 'ORDER BY pos, after, reported';
  return {
    sql:
      `CREATE OR REPLACE TEMP TABLE ${LINES} AS SELECT r, reported, (1 + row_number() OVER (${order}) + ` +
      `coalesce(sum(nl) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))::INTEGER AS line FROM (${records}); ` +
      `UPDATE ${WORK} SET _line = ${LINES}.line FROM ${LINES} WHERE ${LINES}.r = ${WORK}.rowid;`,
    params: [],
  };
}

/** Why a present cell (its trimmed text) of a typed column failed: more than "not a number" where the text tells more. */
function reasonSql(plan: LoadPlan, column: CanonicalColumn, text: string): SqlQuery {
  switch (column.type) {
    case 'VARCHAR':
      return { sql: '?', params: [REASONS.VARCHAR] };
    case 'DATE': {
      const expected = `${REASONS.DATE} (expected ${(plan.format.dateFormats[column.name] ?? [ISO]).join(' or ')})`;
      return dateReasonSql(convertedSql(column, text, plan.format), expected, rangeOf(plan));
    }
    case 'DOUBLE':
    case 'INTEGER':
      return numberReasonSql(text, plan.format.decimalSeparator, REASONS[column.type]);
  }
}

/**
 * Per mapped cell of a row: {column_name, value, reason}, the reason NULL where the cell is fine —
 * a required value missing (blank or a placeholder), or text that does not convert.
 */
function cellChecksSql(plan: LoadPlan, columns: (m: Mapped) => boolean): SqlQuery[] {
  return mappedColumns(plan)
    .filter(columns)
    .map(({ column, slot }) => {
      // Present: neither blank nor a placeholder (both stand for "not filled").
      const placeholder = placeholderSql(`_raw[${slot}]`, plan.placeholders ?? []);
      const present = { sql: `(nullif(trim(_raw[${slot}]), '') IS NOT NULL AND NOT ${placeholder.sql})`, params: placeholder.params };
      const missing = column.type === 'VARCHAR' ? { sql: `${quoteIdent(column.name)} IS NULL`, params: [] } : { sql: `NOT ${present.sql}`, params: present.params };
      return joinSql(
        [
          { sql: `{'column_name': ?, 'value': _raw[${slot}], 'reason': CASE WHEN`, params: [column.name] },
          column.required ? missing : 'FALSE',
          { sql: 'THEN ? WHEN', params: ['required value missing'] },
          present,
          `AND ${quoteIdent(column.name)} IS NULL THEN`,
          reasonSql(plan, column, `trim(_raw[${slot}])`),
          'END}',
        ],
        ' ',
      );
    });
}

/**
 * One reject row per failing cell of the flagged rows (a converted NULL where text was given, a
 * required value missing), per repeated id, and per record DuckDB set aside; only the parts the
 * stats call for are computed (null when there is nothing to reject). `line` is lineSql(…).
 */
export function rejectsTableSql(
  plan: LoadPlan,
  line: string,
  parts: { readonly flagged: boolean; readonly repeatedIds: boolean; readonly setAside: boolean; readonly longRecords?: boolean },
): SqlQuery | null {
  const checks = cellChecksSql(plan, () => true);
  const selects: SqlQuery[] = [];
  if (parts.flagged && checks.length) {
    selects.push(
      joinSql([
        `SELECT line, f.column_name AS column_name, f.value AS value, f.reason AS reason FROM (SELECT ${line} AS line, unnest(list_filter([`,
        joinSql(checks, ', '),
        `], x -> x.reason IS NOT NULL)) AS f FROM ${WORK} WHERE _bad AND NOT _long)`,
      ]),
    );
  }
  // One reject per long record, its value the start of its first cells: the record itself would fill the report.
  if (parts.longRecords) {
    selects.push({
      sql: `SELECT ${line} AS line, NULL::VARCHAR AS column_name, left(concat_ws(',', ${[1, 2, 3].map((i) => `left(_raw[${i}], 40)`).join(', ')}), 100) || '…' AS value, ? AS reason FROM ${WORK} WHERE _long`,
      params: [LONG_RECORD_REASON],
    });
  }
  const unique = uniqueIdColumn(plan);
  if (parts.repeatedIds && unique) {
    const key = unique.key;
    selects.push({
      sql:
        `SELECT line, ? AS column_name, value, 'duplicate of line ' || first_line AS reason FROM (SELECT ${line} AS line, ${quoteIdent(unique.column)} AS value, ` +
        `min(${line}) OVER (PARTITION BY ${key}) AS first_line FROM ${WORK} WHERE ${key} IN (SELECT ${key} FROM ${WORK} GROUP BY 1 HAVING count(*) > 1)) WHERE line <> first_line`,
      params: [unique.column],
    });
  }
  // DuckDB lists a short record once per missing column: one reject per record is enough. Its line is from numberLinesSql.
  if (parts.setAside) {
    selects.push({
      sql:
        `SELECT ${LINES}.line, NULL::VARCHAR AS column_name, value, reason FROM (SELECT line AS reported, trim(first(csv_line), chr(13) || chr(10)) AS value, ` +
        `first(${SHAPE_REASON}) AS reason FROM ${SHAPE_REJECTS} GROUP BY line) s JOIN ${LINES} USING (reported)`,
      params: [],
    });
  }
  if (selects.length === 0) return null;
  return joinSql([`CREATE OR REPLACE TEMP TABLE ${REJECTS} AS`, joinSql(selects, ' UNION ALL '), 'ORDER BY line, column_name']);
}

/**
 * A record's reason in our words, not DuckDB's ("MISSING COLUMNS: Expected Number of Columns: 6
 * Found: 3…"): "too few columns: 3 instead of 6". The UI translates these (useRejectReason).
 */
const expectedColumns = `regexp_extract(error_message, 'Expected Number of Columns: (\\d+)', 1)`;
// DuckDB stops counting a record's fields at the first one too many: only "more than" is known.
const SHAPE_REASON =
  `CASE error_type WHEN 'MISSING COLUMNS' THEN 'too few columns: ' || regexp_extract(error_message, 'Found: (\\d+)', 1) || ' instead of ' || ${expectedColumns} ` +
  `WHEN 'TOO MANY COLUMNS' THEN 'too many columns: more than ' || ${expectedColumns} ` +
  `WHEN 'INVALID ENCODING' THEN 'not valid UTF-8 text' WHEN 'UNQUOTED VALUE' THEN 'a quote inside an unquoted cell' ELSE 'not readable as a CSV record' END`;

/** The rows that will be loaded: not flagged and (when there are rejects) not on a rejected line. */
function keptRows(line: string, withRejects: boolean): string {
  return withRejects ? `NOT _bad AND ${line} NOT IN (SELECT line FROM ${REJECTS} WHERE line IS NOT NULL)` : 'NOT _bad';
}

/**
 * The optional cells of the rows that will be loaded that did not convert (a date column with a
 * word in it): emptied, not rejected, and each listed with its line (line, column_name, value, reason).
 */
export function clearedCellsSql(plan: LoadPlan, line: string, withRejects: boolean): SqlQuery | null {
  const checks = cellChecksSql(plan, (m) => !m.column.required && m.column.type !== 'VARCHAR');
  if (checks.length === 0) return null;
  return joinSql([
    `SELECT line, f.column_name AS column_name, f.value AS value, f.reason AS reason FROM (SELECT ${line} AS line, unnest(list_filter([`,
    joinSql(checks, ', '),
    `], x -> x.reason IS NOT NULL)) AS f FROM ${WORK} WHERE _soft AND ${keptRows(line, withRejects)}) ORDER BY line, column_name`,
  ]);
}

/** Distinct values and their counts of the vocabulary columns over the rows that will be loaded, most used first. */
export function vocabularyValuesSql(columns: readonly string[], line: string, withRejects: boolean): SqlQuery | null {
  if (columns.length === 0) return null;
  const where = keptRows(line, withRejects);
  const selects = columns.map(
    (c, i) => `SELECT ? AS column_name, ${i} AS ord, ${quoteIdent(c)} AS value, count(*)::BIGINT AS n FROM ${WORK} WHERE ${where} AND ${quoteIdent(c)} IS NOT NULL GROUP BY ${quoteIdent(c)}`,
  );
  return { sql: `SELECT column_name, value, n FROM (${selects.join(' UNION ALL ')}) ORDER BY ord, n DESC, value`, params: [...columns] };
}

/**
 * One update of the working table: stores the lines when they are rowid + 2 (all rows) and rewrites
 * raw vocabulary values onto canonical ones (only the values that change are listed).
 */
export function finalUpdateSql(storeLines: boolean, changes: ReadonlyMap<string, ReadonlyMap<string, string>>): SqlQuery | null {
  const sets: SqlQuery[] = [];
  const filters: SqlQuery[] = [];
  if (storeLines) sets.push({ sql: `_line = ${lineSql(true)}`, params: [] });
  for (const [column, values] of changes) {
    if (values.size === 0) continue;
    const id = quoteIdent(column);
    sets.push({ sql: `${id} = CASE ${id} ${[...values].map(() => 'WHEN ? THEN ?').join(' ')} ELSE ${id} END`, params: [...values].flat() });
    filters.push({ sql: `${id} IN (${[...values].map(() => '?').join(', ')})`, params: [...values.keys()] });
  }
  if (sets.length === 0) return null;
  return joinSql([`UPDATE ${WORK} SET`, joinSql(sets, ', '), ...(storeLines ? [] : ['WHERE', joinSql(filters, ' OR ')])]);
}

/**
 * Removes the rejected rows and the working columns: what is left is the validated import, which
 * replaces or updates the table of its kind next. Until then the previous table is untouched.
 */
export function pruneWorkSql(withRejects: boolean): SqlQuery {
  // Without rejects no row is flagged (a flagged row always has a reject), so nothing is deleted.
  const remove = withRejects ? `DELETE FROM ${WORK} WHERE _bad OR _line IN (SELECT line FROM ${REJECTS} WHERE line IS NOT NULL); ` : '';
  return { sql: remove + ['_bad', '_soft', '_raw', '_nl', '_long'].map((c) => `ALTER TABLE ${WORK} DROP COLUMN ${c};`).join(' '), params: [] };
}

/** Puts the validated import in place of the table of its kind. */
export function replaceTableSql(kind: TableKind): SqlQuery[] {
  return [
    { sql: `DROP TABLE IF EXISTS ${quoteIdent(kind)}`, params: [] },
    { sql: `ALTER TABLE ${WORK} RENAME TO ${quoteIdent(kind)}`, params: [] },
  ];
}

export function rejectsSql(): SqlQuery {
  return { sql: `SELECT line, column_name, value, reason FROM ${REJECTS} ORDER BY line, column_name`, params: [] };
}

/** Rows still flagged after the recheck: `bad` (rejected) and `soft` (cells emptied). */
export function flaggedCountSql(): SqlQuery {
  return { sql: `SELECT count(*) FILTER (WHERE _bad)::BIGINT AS bad, count(*) FILTER (WHERE _soft)::BIGINT AS soft FROM ${WORK}`, params: [] };
}

export function countSql(table: string): SqlQuery {
  return { sql: `SELECT count(*)::BIGINT AS n FROM ${quoteIdent(table)}`, params: [] };
}

/** Several tables' row counts in one query: column n0 for the first table, n1 for the second, … */
export function rowCountsSql(tables: readonly string[]): SqlQuery {
  return { sql: `SELECT ${tables.map((table, i) => `(SELECT count(*) FROM ${quoteIdent(table)})::BIGINT AS n${i}`).join(', ')}`, params: [] };
}
