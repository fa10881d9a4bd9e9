import { toRows } from '../db/arrowRows';
import type { Db, FileSource } from '../db/types';
import { VOCABULARY_COLUMNS, type TableKind } from '../domain/schema';
import { canonicalValue } from '../domain/vocabulary';
import { missingRequired, suggestMapping } from '../ingest/headerMapping';
import {
  createTableFromCsvSql,
  csvHeadersSql,
  distinctValuesSql,
  numberLinesSql,
  remapValuesSql,
  rowCountSql,
  type CsvFormat,
} from '../sql/load';

/**
 * Application services: the use cases that combine ingest, sql and db. Both shells (the browser
 * app and the Node ETL) call these, so an export loads the same way everywhere.
 */
export interface LoadedTable {
  readonly kind: TableKind;
  readonly source: string;
  readonly rows: number;
}

export class ExportError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** Loads one CSV export into its canonical table, replacing what was there. */
export async function loadCsvExport(
  db: Db,
  kind: TableKind,
  fileName: string,
  source: FileSource,
  format: CsvFormat,
): Promise<LoadedTable> {
  const fileRef = await db.registerFile(`${kind}-${fileName}`, source);
  try {
    const headers = (await db.query(csvHeadersSql(fileRef, format))).schema.fields.map((f) => f.name);
    // DuckDB names the columns of a file without a header row column0, column1, …
    if (headers.every((h) => /^column\d+$/.test(h))) throw new ExportError(fileName, 'the file is empty or has no header row');
    const mapping = suggestMapping(kind, headers);
    const missing = missingRequired(kind, mapping);
    if (missing.length > 0) {
      throw new ExportError(fileName, `no column found for ${missing.join(', ')} (headers: ${headers.join(', ')})`);
    }
    await db.query(createTableFromCsvSql(kind, fileRef, fileName, mapping, format));
    await db.query(numberLinesSql(kind));
    await canonicaliseValues(db, kind);
    const rows = Number(toRows(await db.query(rowCountSql(kind)))[0]?.n ?? 0);
    return { kind, source: fileName, rows };
  } catch (error) {
    // Whatever went wrong, the user learns which file it was.
    if (error instanceof ExportError) throw error;
    throw new ExportError(fileName, error instanceof Error ? error.message : String(error));
  } finally {
    await db.unregisterFile(`${kind}-${fileName}`);
  }
}

/** Maps medium, stage, channel and outcome values onto their vocabularies; unknown values stay. */
async function canonicaliseValues(db: Db, kind: TableKind): Promise<void> {
  for (const [column, vocabulary] of Object.entries(VOCABULARY_COLUMNS[kind])) {
    const values = toRows(await db.query(distinctValuesSql(kind, column))).map((r) => String(r.value));
    const changes = new Map<string, string>();
    for (const raw of values) {
      const canonical = canonicalValue(vocabulary, raw);
      if (canonical !== null && canonical !== raw) changes.set(raw, canonical);
    }
    const update = remapValuesSql(kind, column, changes);
    if (update) await db.query(update);
  }
}
