import { CANONICAL, type CanonicalColumn, type TableKind } from '../domain/schema';
import { joinSql, quoteIdent, type SqlQuery, type SqlValue } from '../domain/sqlQuery';

/**
 * The validated import: the export is first read as text into a staging table (rows whose shape
 * is wrong are kept aside by DuckDB with their line), then every mapped cell is converted with
 * TRY_ functions; a row with a cell that does not convert, a missing required value or a repeated
 * id is rejected with its line, column and reason. Nothing is dropped without a row in _rejects.
 */
export const STAGE = '_stage';
export const SHAPE_REJECTS = '_shape_rejects';
export const REJECTS = '_rejects';

export interface ValueFormat {
  readonly decimalSeparator: '.' | ',';
  /** strptime format or 'excel-serial', per canonical DATE column; ISO when absent. */
  readonly dateFormats: Readonly<Record<string, string>>;
}

const ISO = '%Y-%m-%d';

export function stageCsvSql(fileRef: string, delimiter: string): SqlQuery {
  return {
    sql:
      `CREATE OR REPLACE TEMP TABLE ${STAGE} AS SELECT *, NULL::INTEGER AS _line FROM read_csv(?, header = true, all_varchar = true, ` +
      `delim = ?, quote = '"', escape = '"', store_rejects = true, rejects_table = '${SHAPE_REJECTS}', rejects_scan = '${SHAPE_REJECTS}_scan')`,
    params: [fileRef, delimiter],
  };
}

export function dropImportTablesSql(): SqlQuery {
  return { sql: [STAGE, SHAPE_REJECTS, `${SHAPE_REJECTS}_scan`, REJECTS].map((t) => `DROP TABLE IF EXISTS ${t};`).join(' '), params: [] };
}

/**
 * Line of every staged row. Staged rows keep the file's record order (rowid); records that
 * DuckDB set aside and line breaks inside quoted cells shift the lines of the rows after them.
 */
export function numberStagedLinesSql(columns: readonly string[], multiLine: boolean): SqlQuery {
  const newlines = columns.map((c) => `coalesce(length(${quoteIdent(c)}) - length(replace(${quoteIdent(c)}, chr(10), '')), 0)`).join(' + ');
  const extraLines = multiLine ? `coalesce(sum(${newlines}) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)` : '0';
  return {
    sql:
      `WITH skipped AS (SELECT line - 2 - (row_number() OVER (ORDER BY line) - 1) AS before_row FROM (SELECT DISTINCT line FROM ${SHAPE_REJECTS})), ` +
      `numbered AS (SELECT rowid AS r, (rowid + 2 + ${extraLines})::INTEGER AS base FROM ${STAGE}) ` +
      `UPDATE ${STAGE} SET _line = numbered.base + (SELECT count(*) FROM skipped WHERE skipped.before_row <= numbered.r) ` +
      `FROM numbered WHERE ${STAGE}.rowid = numbered.r`,
    params: [],
  };
}

export function hasMultiLineCellsSql(columns: readonly string[]): SqlQuery {
  const any = columns.map((c) => `contains(${quoteIdent(c)}, chr(10))`).join(' OR ');
  return { sql: `SELECT count(*)::BIGINT AS n FROM ${STAGE} WHERE ${any || 'FALSE'}`, params: [] };
}

/** The converted value of a raw text cell; NULL where the text does not convert. */
function typedSql(column: CanonicalColumn, header: string, format: ValueFormat): SqlQuery {
  const text = `nullif(trim(${quoteIdent(header)}), '')`;
  switch (column.type) {
    case 'VARCHAR':
      return { sql: text, params: [] };
    case 'DATE': {
      const dateFormat = format.dateFormats[column.name] ?? ISO;
      if (dateFormat === 'excel-serial') return { sql: `(DATE '1899-12-30' + floor(TRY_CAST(${text} AS DOUBLE))::INTEGER)`, params: [] };
      if (dateFormat === ISO) return { sql: `TRY_CAST(left(${text}, 10) AS DATE)`, params: [] };
      return { sql: `try_strptime(${text}, ?)::DATE`, params: [dateFormat] };
    }
    case 'DOUBLE':
    case 'INTEGER': {
      const params: SqlValue[] = format.decimalSeparator === ',' ? ['.', '', ',', '.'] : [',', '', '.', '.'];
      return { sql: `TRY_CAST(replace(replace(${text}, ?, ?), ?, ?) AS ${column.type})`, params };
    }
  }
}

const REASONS: Readonly<Record<CanonicalColumn['type'], string>> = {
  VARCHAR: 'not text',
  DATE: 'not a date',
  DOUBLE: 'not a number',
  INTEGER: 'not a whole number',
};

/** One reject row per failing cell: converted NULL where text was given, or a required value missing. */
export function cellRejectsSql(kind: TableKind, mapping: Readonly<Record<string, string>>, format: ValueFormat): SqlQuery {
  const parts: SqlQuery[] = [];
  for (const column of CANONICAL[kind]) {
    const header = mapping[column.name];
    if (header === undefined) continue;
    const raw = quoteIdent(header);
    const typed = typedSql(column, header, format);
    const expected = column.type === 'DATE' ? ` (expected ${format.dateFormats[column.name] ?? ISO})` : '';
    parts.push(
      joinSql([
        { sql: `SELECT _line AS line, ? AS column_name, ${raw} AS value, CASE WHEN nullif(trim(${raw}), '') IS NULL THEN ? ELSE ? END AS reason FROM ${STAGE} WHERE`, params: [column.name, 'required value missing', REASONS[column.type] + expected] },
        column.required ? `nullif(trim(${raw}), '') IS NULL OR` : '',
        { sql: `(nullif(trim(${raw}), '') IS NOT NULL AND (`, params: [] },
        typed,
        ') IS NULL)',
      ]),
    );
  }
  const idColumn = CANONICAL[kind][0];
  const idHeader = idColumn ? mapping[idColumn.name] : undefined;
  if (idColumn && idHeader !== undefined && (kind === 'leads' || kind === 'deals' || kind === 'campaigns')) {
    const id = `nullif(trim(${quoteIdent(idHeader)}), '')`;
    parts.push({
      sql:
        `SELECT line, ? AS column_name, value, 'duplicate of line ' || first_line AS reason FROM (SELECT _line AS line, ${id} AS value, ` +
        `first_value(_line) OVER (PARTITION BY ${id} ORDER BY _line) AS first_line FROM ${STAGE} WHERE ${id} IS NOT NULL) WHERE line <> first_line`,
      params: [idColumn.name],
    });
  }
  // DuckDB lists a short record once per missing column: one reject per record is enough.
  const shape = {
    sql: `SELECT line::INTEGER AS line, NULL::VARCHAR AS column_name, first(csv_line) AS value, first(error_type || ': ' || error_message) AS reason FROM ${SHAPE_REJECTS} GROUP BY line`,
    params: [],
  };
  return joinSql([`CREATE OR REPLACE TEMP TABLE ${REJECTS} AS`, joinSql([shape, ...parts], ' UNION ALL '), 'ORDER BY line, column_name']);
}

/** The canonical table from the staged rows that have no reject. */
export function insertAcceptedSql(kind: TableKind, mapping: Readonly<Record<string, string>>, format: ValueFormat, sourceName: string): SqlQuery {
  const columns = CANONICAL[kind].map((column) => {
    const header = mapping[column.name];
    const as = ` AS ${quoteIdent(column.name)}`;
    if (header === undefined) return { sql: `NULL::${column.type}${as}`, params: [] };
    return joinSql([typedSql(column, header, format), as], '');
  });
  return joinSql([
    `CREATE OR REPLACE TABLE ${quoteIdent(kind)} AS SELECT`,
    joinSql(columns, ', '),
    { sql: `, ?::VARCHAR AS _source, _line FROM ${STAGE} WHERE _line NOT IN (SELECT line FROM ${REJECTS} WHERE line IS NOT NULL) ORDER BY _line`, params: [sourceName] },
  ]);
}

export function rejectsSql(): SqlQuery {
  return { sql: `SELECT line, column_name, value, reason FROM ${REJECTS} ORDER BY line, column_name`, params: [] };
}

/** Rewrites raw values onto canonical ones; only the values that change are listed. */
export function remapValuesSql(kind: TableKind, column: string, changes: ReadonlyMap<string, string>): SqlQuery | null {
  if (changes.size === 0) return null;
  const id = quoteIdent(column);
  const cases = [...changes].map(() => 'WHEN ? THEN ?').join(' ');
  return {
    sql: `UPDATE ${quoteIdent(kind)} SET ${id} = CASE ${id} ${cases} ELSE ${id} END WHERE ${id} IN (${[...changes].map(() => '?').join(', ')})`,
    params: [...[...changes].flat(), ...changes.keys()],
  };
}

/** Records DuckDB set aside because their shape was wrong (too few or too many fields). */
export function shapeRejectedRecordsSql(): SqlQuery {
  return { sql: `SELECT count(DISTINCT line)::BIGINT AS n FROM ${SHAPE_REJECTS}`, params: [] };
}

export function countSql(table: string): SqlQuery {
  return { sql: `SELECT count(*)::BIGINT AS n FROM ${quoteIdent(table)}`, params: [] };
}

/** Header names of the staged export (without the _line column the stage adds). */
export function stagedHeadersSql(): SqlQuery {
  return { sql: `SELECT * FROM ${STAGE} LIMIT 0`, params: [] };
}
