import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { toRows } from '../src/db/arrowRows';
import { openNativeDb } from '../src/db/nativeNode';
import type { Db } from '../src/db/types';
import { TABLE_KINDS, type TableKind } from '../src/domain/schema';
import { ExportError } from '../src/services/exportError';
import { importCsv, type CsvImportInput, type CsvImportReport } from '../src/services/importCsv';
import { gatherSql, KEY_COLUMNS, keysInSeveralSourcesSql } from '../src/sql/bundle';
import { checkOutDir, generatorName, MANIFEST_FILE, SCHEMA_VERSION, sha256OfFile, writeAtomically, writeParquet, type Manifest, type SourceEntry, type TableEntry } from './bundle';
import { EtlCancelled, EtlError } from './errors';
import { readMappingFile, type MappingFile } from './mapping';
import { nodeInput, openFileCodec } from './nodeCodec';
import { rejectsCsv, rejectsFileName, reportMarkdown, type RunReport, type SharedKey } from './report';

/** What a folder contributes: the exports the browser's Import page accepts. */
export const INPUT_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx'];

export interface EtlOptions {
  /** Export files and folders (a folder means its files with an INPUT_EXTENSIONS ending, not its subfolders). */
  readonly inputs: readonly string[];
  readonly outDir: string;
  readonly mappingFile?: string;
  readonly onProgress?: (event: EtlProgress) => void;
  /** Aborting stops the run after the current step; nothing is written. */
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
  readonly threads?: number;
}

export type EtlProgress =
  | { readonly type: 'file-start'; readonly file: string; readonly index: number; readonly count: number }
  | { readonly type: 'file-done'; readonly file: string; readonly index: number; readonly count: number; readonly report: CsvImportReport; readonly ms: number }
  | { readonly type: 'writing'; readonly outDir: string };

export interface EtlResult {
  readonly outDir: string;
  readonly manifest: Manifest;
  readonly report: RunReport;
  readonly ms: number;
}

/** The export files named by the arguments, folders expanded (sorted by name), each once. */
export function collectInputFiles(inputs: readonly string[]): string[] {
  if (inputs.length === 0) throw new EtlError('no input files given: name export files or a folder with them');
  const files: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch {
      throw new EtlError(`${input}: no such file or folder`);
    }
    if (!stat.isDirectory()) {
      files.push(path.resolve(input));
      continue;
    }
    const found = readdirSync(input, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.') && INPUT_EXTENSIONS.includes(path.extname(e.name).toLowerCase()))
      .map((e) => e.name)
      .sort();
    if (found.length === 0) throw new EtlError(`${input}: the folder has no export files (${INPUT_EXTENSIONS.join(', ')})`);
    files.push(...found.map((name) => path.resolve(input, name)));
  }
  const unique = [...new Set(files)];
  // The file name is the export's identity (_source, mapping entries, rejects file): it must be unique.
  const byName = new Map<string, string>();
  for (const file of unique) {
    const other = byName.get(path.basename(file));
    if (other) throw new EtlError(`${path.basename(file)}: two exports have this name (${other} and ${file}); rename one`);
    byName.set(path.basename(file), file);
  }
  return unique;
}

/** The table that gathers every export of one kind (importCsv replaces the canonical table on each import). */
const gathered = (kind: TableKind) => `_etl_${kind}`;

function inputOf(file: string, mapping: MappingFile): CsvImportInput {
  const entry = mapping[path.basename(file)];
  let input: CsvImportInput;
  try {
    input = nodeInput(file, entry?.kind);
  } catch (error) {
    throw new ExportError(path.basename(file), `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return entry?.columns ? { ...input, mapping: entry.columns } : input;
}

/** Keys of a kind found in more than one of its exports; rows in export order, then line. */
async function sharedKeysOf(db: Db, kind: TableKind, exports: readonly string[]): Promise<SharedKey[]> {
  const byKey = new Map<string, { file: string; line: number }[]>();
  for (const row of toRows(await db.query(keysInSeveralSourcesSql(gathered(kind), kind)))) {
    const key = String(row.key);
    const rows = byKey.get(key) ?? [];
    rows.push({ file: String(row.source), line: Number(row.line) });
    byKey.set(key, rows);
  }
  const order = (row: { file: string; line: number }) => exports.indexOf(row.file);
  return [...byKey].map(([key, rows]) => ({ kind, columns: KEY_COLUMNS[kind], key, rows: rows.sort((a, b) => order(a) - order(b) || a.line - b.line) }));
}

/**
 * The ETL use case: imports every export with the browser's import service on native DuckDB,
 * gathers exports of the same kind into one table (appended, shared ids reported), and writes the
 * bundle atomically. Unusable input throws (EtlError, ExportError naming the file); rejected rows
 * never do — they are in the report.
 */
export async function runEtl(options: EtlOptions): Promise<EtlResult> {
  const started = performance.now();
  const { outDir, signal, onProgress } = options;
  const checkCancelled = () => {
    if (signal?.aborted) throw new EtlCancelled();
  };
  const files = collectInputFiles(options.inputs);
  const mapping = options.mappingFile ? readMappingFile(options.mappingFile) : {};
  checkOutDir(outDir);
  const names = files.map((f) => path.basename(f));
  const unusedMappings = Object.keys(mapping).filter((name) => !names.includes(name));

  const db = await openNativeDb({ threads: options.threads ?? 2 });
  const codec = openFileCodec();
  try {
    const reports: CsvImportReport[] = [];
    const sources: SourceEntry[] = [];
    const loaded = new Map<TableKind, string[]>();
    for (const [index, file] of files.entries()) {
      checkCancelled();
      const name = path.basename(file);
      onProgress?.({ type: 'file-start', file: name, index, count: files.length });
      const fileStarted = performance.now();
      const report = await importCsv(db, inputOf(file, mapping), codec).finally(() => codec.release());
      const previous = loaded.get(report.kind);
      await db.query(gatherSql(report.kind, gathered(report.kind), previous === undefined));
      loaded.set(report.kind, [...(previous ?? []), name]);
      reports.push(report);
      const { kind, encoding, delimiter, rowsRead, rowsLoaded, rowsRejected } = report;
      sources.push({ file: name, bytes: statSync(file).size, sha256: await sha256OfFile(file), kind, encoding, delimiter, rowsRead, rowsLoaded, rowsRejected, mapping: report.mapping });
      onProgress?.({ type: 'file-done', file: name, index, count: files.length, report, ms: performance.now() - fileStarted });
    }

    const sharedKeys: SharedKey[] = [];
    for (const [kind, exports] of loaded) if (exports.length > 1) sharedKeys.push(...(await sharedKeysOf(db, kind, exports)));
    const createdAt = (options.now?.() ?? new Date()).toISOString();
    const generator = generatorName();
    const report: RunReport = { schemaVersion: SCHEMA_VERSION, createdAt, generator, files: reports, sharedKeys, unusedMappings };

    checkCancelled();
    onProgress?.({ type: 'writing', outDir });
    const manifest = await writeAtomically(outDir, async (dir) => {
      const tables: Partial<Record<TableKind, TableEntry>> = {};
      for (const kind of TABLE_KINDS) {
        const exports = loaded.get(kind);
        if (!exports) continue;
        checkCancelled();
        tables[kind] = await writeParquet(db, gathered(kind), path.join(dir, `${kind}.parquet`), exports);
      }
      for (const file of reports) if (file.rejects.length) writeFileSync(path.join(dir, rejectsFileName(file.fileName)), rejectsCsv(file));
      writeFileSync(path.join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(path.join(dir, 'report.md'), reportMarkdown(report));
      const result: Manifest = { schemaVersion: SCHEMA_VERSION, createdAt, generator, tables, sources };
      checkCancelled();
      writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(result, null, 2)}\n`);
      return result;
    });
    return { outDir: path.resolve(outDir), manifest, report, ms: performance.now() - started };
  } finally {
    codec.close();
    await db.close();
  }
}
