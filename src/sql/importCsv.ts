import { CANONICAL, type CanonicalColumn, type TableKind } from '../domain/schema';
import { joinSql, quoteIdent, type SqlQuery, type SqlValue } from '../domain/sqlQuery';
import type { ValueFormat } from '../domain/valueFormat';

/**
 * The validated import, in one pass over the file: read_csv reads every cell as text (records of
 * the wrong shape are set aside by DuckDB with their line), each mapped cell is converted with a
 * TRY_ function, and a row where a conversion failed or a required value is missing is flagged and
 * keeps its raw text. Only flagged rows are examined cell by cell; repeated ids are found on the
 * converted table. The rejected rows are deleted and the working table becomes the canonical one,
 * so a 5M-row export never exists twice in memory. Nothing is dropped without a row in _rejects.
 */
export const WORK = '_import';
export const SHAPE_REJECTS = '_shape_rejects';
export const REJECTS = '_rejects';
const SAMPLE_REJECTS = '_sample_rejects';

export type { ValueFormat };

const ISO = '%Y-%m-%d';

function readCsv(fileRef: string, delimiter: string, rejectsTable: string): SqlQuery {
  return {
    sql:
      `read_csv(?, header = true, all_varchar = true, delim = ?, quote = '"', escape = '"', ` +
      `store_rejects = true, rejects_table = '${rejectsTable}', rejects_scan = '${rejectsTable}_scan')`,
    params: [fileRef, delimiter],
  };
}

/** The first rows as text: headers for the mapping, values for format detection. */
export function sampleCsvSql(fileRef: string, delimiter: string, rows = 1000): SqlQuery {
  return joinSql(['SELECT * FROM', readCsv(fileRef, delimiter, SAMPLE_REJECTS), `LIMIT ${rows}`]);
}

/** Drops the import's working tables to free their memory. */
export function dropImportTablesSql(): SqlQuery {
  const names = [WORK, SHAPE_REJECTS, `${SHAPE_REJECTS}_scan`, REJECTS, SAMPLE_REJECTS, `${SAMPLE_REJECTS}_scan`];
  return { sql: names.map((t) => `DROP TABLE IF EXISTS ${t};`).join(' '), params: [] };
}

/** The converted value of a raw text cell; NULL where the text does not convert. */
function typedSql(column: CanonicalColumn, header: string, format: ValueFormat): SqlQuery {
  const text = `nullif(trim(${quoteIdent(header)}), '')`;
  switch (column.type) {
    case 'VARCHAR':
      return { sql: text, params: [] };
    case 'DATE': {
      const formats = format.dateFormats[column.name] ?? [ISO];
      const parsers: SqlQuery[] = [];
      const strptime = formats.filter((f) => f !== 'excel-serial');
      // ISO alone casts directly: measured ~10 % faster than strptime on a 1M-row load.
      if (strptime.length === 1 && strptime[0] === ISO) parsers.push({ sql: `TRY_CAST(left(${text}, 10) AS DATE)`, params: [] });
      else if (strptime.length) parsers.push({ sql: `try_strptime(${text}, [${strptime.map(() => '?').join(', ')}])::DATE`, params: strptime });
      if (formats.includes('excel-serial')) parsers.push({ sql: `(DATE '1899-12-30' + floor(TRY_CAST(${text} AS DOUBLE))::INTEGER)`, params: [] });
      return parsers.length === 1 ? (parsers[0] as SqlQuery) : joinSql(['coalesce(', joinSql(parsers, ', '), ')']);
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

/** Line breaks inside one raw cell (quoted multi-line values shift the lines of later records). */
const newlinesIn = (header: string) =>
  `CASE WHEN contains(${quoteIdent(header)}, chr(10)) THEN length(${quoteIdent(header)}) - length(replace(${quoteIdent(header)}, chr(10), '')) ELSE 0 END`;

/** The mapped columns in canonical order, with their position in the _raw list (1-based). */
function mappedColumns(kind: TableKind, mapping: Readonly<Record<string, string>>) {
  return CANONICAL[kind]
    .filter((c) => mapping[c.name] !== undefined)
    .map((column, i) => ({ column, header: mapping[column.name] as string, slot: i + 1 }));
}

/** Reads, converts and flags the whole file into the working table (see the module comment). */
export function loadCsvSql(
  kind: TableKind,
  headers: readonly string[],
  mapping: Readonly<Record<string, string>>,
  format: ValueFormat,
  fileRef: string,
  delimiter: string,
  sourceName: string,
): SqlQuery {
  const mapped = mappedColumns(kind, mapping);
  const inner: SqlQuery[] = CANONICAL[kind].map((column) => {
    const header = mapping[column.name];
    const name = quoteIdent(column.name);
    return header === undefined ? { sql: `NULL::${column.type} AS ${name}`, params: [] } : joinSql([typedSql(column, header, format), ` AS ${name}`], '');
  });
  for (const { header, slot } of mapped) inner.push({ sql: `${quoteIdent(header)} AS _raw_${slot}`, params: [] });
  inner.push({ sql: `(${headers.map(newlinesIn).join(' + ') || '0'})::INTEGER AS _nl`, params: [] });
  const failures = mapped.map(({ column, slot }) =>
    column.required ? `${quoteIdent(column.name)} IS NULL` : `(nullif(trim(_raw_${slot}), '') IS NOT NULL AND ${quoteIdent(column.name)} IS NULL)`,
  );
  const names = CANONICAL[kind].map((c) => quoteIdent(c.name)).join(', ');
  const raws = mapped.map(({ slot }) => `_raw_${slot}`).join(', ');
  return joinSql([
    { sql: `CREATE OR REPLACE TABLE ${WORK} AS SELECT ${names}, ?::VARCHAR AS _source, NULL::INTEGER AS _line, _nl, _bad, CASE WHEN _bad THEN [${raws}] END AS _raw FROM (SELECT *, ${failures.join(' OR ') || 'FALSE'} AS _bad FROM (SELECT`, params: [sourceName] },
    joinSql(inner, ', '),
    'FROM',
    readCsv(fileRef, delimiter, SHAPE_REJECTS),
    '))',
  ]);
}

export function multiLineRecordsSql(): SqlQuery {
  return { sql: `SELECT count(*)::BIGINT AS n FROM ${WORK} WHERE _nl > 0`, params: [] };
}

/**
 * Line of every row. Rows keep the file's record order (rowid); records that DuckDB set aside and
 * line breaks inside quoted cells shift the lines of the rows after them.
 */
export function numberLinesSql(multiLine: boolean, recordsSetAside: boolean): SqlQuery {
  if (!multiLine && !recordsSetAside) return { sql: `UPDATE ${WORK} SET _line = (rowid + 2)::INTEGER`, params: [] };
  const extraLines = multiLine ? 'coalesce(sum(_nl) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)' : '0';
  return {
    sql:
      `WITH skipped AS (SELECT line - 2 - (row_number() OVER (ORDER BY line) - 1) AS before_row FROM (SELECT DISTINCT line FROM ${SHAPE_REJECTS})), ` +
      `numbered AS (SELECT rowid AS r, (rowid + 2 + ${extraLines})::INTEGER AS base FROM ${WORK}) ` +
      `UPDATE ${WORK} SET _line = numbered.base + (SELECT count(*) FROM skipped WHERE skipped.before_row <= numbered.r) ` +
      `FROM numbered WHERE ${WORK}.rowid = numbered.r`,
    params: [],
  };
}

/**
 * One reject row per failing cell of the flagged rows (a converted NULL where text was given, a
 * required value missing), per repeated id, and per record DuckDB set aside.
 */
export function rejectsTableSql(kind: TableKind, mapping: Readonly<Record<string, string>>, format: ValueFormat): SqlQuery {
  const checks = mappedColumns(kind, mapping).map(({ column, slot }) => {
    const present = `nullif(trim(_raw[${slot}]), '') IS NOT NULL`;
    const expected = column.type === 'DATE' ? ` (expected ${(format.dateFormats[column.name] ?? [ISO]).join(' or ')})` : '';
    return {
      sql:
        `{'column_name': ?, 'value': _raw[${slot}], 'reason': CASE WHEN ${column.required ? `NOT ${present}` : 'FALSE'} THEN ? ` +
        `WHEN ${present} AND ${quoteIdent(column.name)} IS NULL THEN ? END}`,
      params: [column.name, 'required value missing', REASONS[column.type] + expected],
    };
  });
  const parts: SqlQuery[] = [];
  if (checks.length) {
    parts.push(
      joinSql([
        'SELECT line, f.column_name, f.value, f.reason FROM (SELECT _line AS line, unnest(list_filter([',
        joinSql(checks, ', '),
        `], x -> x.reason IS NOT NULL)) AS f FROM ${WORK} WHERE _bad)`,
      ]),
    );
  }
  const idColumn = CANONICAL[kind][0];
  if (idColumn && mapping[idColumn.name] !== undefined && (kind === 'leads' || kind === 'deals' || kind === 'campaigns')) {
    const id = quoteIdent(idColumn.name);
    parts.push({
      sql:
        `SELECT line, ? AS column_name, value, 'duplicate of line ' || first_line AS reason FROM (SELECT _line AS line, ${id} AS value, ` +
        `min(_line) OVER (PARTITION BY ${id}) AS first_line FROM ${WORK} WHERE ${id} IN (SELECT ${id} FROM ${WORK} GROUP BY 1 HAVING count(*) > 1)) WHERE line <> first_line`,
      params: [idColumn.name],
    });
  }
  // DuckDB lists a short record once per missing column: one reject per record is enough.
  parts.push({
    sql: `SELECT line::INTEGER AS line, NULL::VARCHAR AS column_name, trim(first(csv_line), chr(13) || chr(10)) AS value, first(error_type || ': ' || error_message) AS reason FROM ${SHAPE_REJECTS} GROUP BY line`,
    params: [],
  });
  return joinSql([`CREATE OR REPLACE TEMP TABLE ${REJECTS} AS`, joinSql(parts, ' UNION ALL '), 'ORDER BY line, column_name']);
}

/** Removes the rejected rows and the working columns: what is left is the validated import. */
export function pruneWorkSql(): SqlQuery {
  return {
    sql:
      `DELETE FROM ${WORK} WHERE _bad OR _line IN (SELECT line FROM ${REJECTS} WHERE line IS NOT NULL); ` +
      `ALTER TABLE ${WORK} DROP COLUMN _bad; ALTER TABLE ${WORK} DROP COLUMN _raw; ALTER TABLE ${WORK} DROP COLUMN _nl;`,
    params: [],
  };
}

/** Puts the validated import in place of the table of its kind; until now the old one was untouched. */
export function replaceTableSql(kind: TableKind): SqlQuery {
  return { sql: `DROP TABLE IF EXISTS ${quoteIdent(kind)}; ALTER TABLE ${WORK} RENAME TO ${quoteIdent(kind)};`, params: [] };
}

export function rejectsSql(): SqlQuery {
  return { sql: `SELECT line, column_name, value, reason FROM ${REJECTS} ORDER BY line, column_name`, params: [] };
}

/** Records DuckDB set aside because their shape was wrong (too few or too many fields). */
export function shapeRejectedRecordsSql(): SqlQuery {
  return { sql: `SELECT count(DISTINCT line)::BIGINT AS n FROM ${SHAPE_REJECTS}`, params: [] };
}

export function countSql(table: string): SqlQuery {
  return { sql: `SELECT count(*)::BIGINT AS n FROM ${quoteIdent(table)}`, params: [] };
}
