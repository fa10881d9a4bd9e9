import { qualityLinkOf } from '../src/domain/quality/settingsLink';
import { readQualityFile } from './qualityFile';
import { scanDuplicatesHere } from '../src/services/duplicateScan';
import { checkPhonesHere } from '../src/services/phoneCheck';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { toRows } from '../src/db/arrowRows';
import { openNativeDb } from '../src/db/nativeNode';
import type { Db } from '../src/db/types';
import { DEFAULT_QUALITY_SETTINGS } from '../src/domain/quality/rules';
import { localDay } from '../src/domain/today';
import { qualitySummary } from '../src/services/qualitySummary';
import { DEFAULT_PIPELINE } from '../src/domain/pipeline';
import { TABLE_KINDS, TABLE_KINDS_IN_WORDS, type TableKind } from '../src/domain/schema';
import { suggestLookupKey } from '../src/ingest/lookupKey';
import { ExportError } from '../src/services/exportError';
import { importCsv, type CsvImportInput, type CsvImportReport } from '../src/services/importCsv';
import { inspectImport } from '../src/services/inspectImport';
import { refreshLeadFacts } from '../src/services/leadFacts';
import { leadFigures } from '../src/services/leadFigures';
import { computePreparedFigures } from '../src/services/preparedFigures';
import { importLookup, type LookupReport } from '../src/services/lookups';
import { gatherSql, keysInSeveralSourcesSql, renameTableSql } from '../src/sql/bundle';
import { KEY_COLUMNS } from '../src/sql/importMerge';
import { newColumns, tableColumns } from '../src/services/tableInfo';
import {
  checkOutDir,
  generatorName,
  FIGURES_FILE,
  MANIFEST_FILE,
  SCHEMA_VERSION,
  sha256OfFile,
  writeAtomically,
  writeFigures,
  writeTable,
  type LookupEntry,
  type Manifest,
  type SourceEntry,
  type TableEntry,
} from './bundle';
import { EtlCancelled, EtlError } from './errors';
import { readMappingFile, type MappingFile } from './mapping';
import { nodeInput, openFileCodec } from './nodeCodec';
import { mappingHint, missingByTable } from './unrecognised';
import { rejectsCsv, rejectsFileName, reportMarkdown, type RunReport, type SharedKey } from './report';

/** What a folder contributes: the exports the browser's Import page accepts. */
export const INPUT_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx'];

export interface EtlOptions {
  /** Export files and folders (a folder means its files with an INPUT_EXTENSIONS ending, not its subfolders). */
  readonly inputs: readonly string[];
  readonly outDir: string;
  readonly mappingFile?: string;
  /** The team's data-quality rules (src/domain/quality/settingsFile.ts): the report and the bundle's dashboard score by them. */
  readonly qualityFile?: string;
  readonly onProgress?: (event: EtlProgress) => void;
  /** Aborting stops the run after the current step; nothing is written. */
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
  readonly threads?: number;
  /** Load exports that would reject more than 20 % of their rows or load none (otherwise the run stops with exit 1). */
  readonly allowRejects?: boolean;
  /** The largest Arrow copy written beside a table's Parquet (default ARROW_COPY_MAX_BYTES; 0: none). */
  readonly arrowCopyMaxBytes?: number;
}

export type EtlProgress =
  | { readonly type: 'file-start'; readonly file: string; readonly index: number; readonly count: number }
  | { readonly type: 'file-done'; readonly file: string; readonly index: number; readonly count: number; readonly report: CsvImportReport; readonly ms: number }
  | { readonly type: 'lookup-done'; readonly file: string; readonly index: number; readonly count: number; readonly report: LookupReport; readonly ms: number }
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
    input = nodeInput(file, entry?.kind === 'lookup' ? undefined : entry?.kind);
  } catch (error) {
    throw new ExportError(path.basename(file), `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return {
    ...input,
    ...(entry?.columns ? { mapping: entry.columns } : {}),
    ...(entry?.constants ? { constants: entry.constants } : {}),
    ...(entry?.placeholders ? { placeholders: entry.placeholders } : {}),
    ...(entry?.currency ? { currency: entry.currency } : {}),
    ...(entry?.dateRange ? { dateRange: entry.dateRange } : {}),
  };
}

/** Whether an export is a lookup: said so by the mapping file, or not recognised as any table by its headers. */
async function isLookup(file: string, mapping: MappingFile, codec: ReturnType<typeof openFileCodec>): Promise<boolean> {
  const entry = mapping[path.basename(file)];
  if (entry?.kind) return entry.kind === 'lookup';
  return (await inspectImport(inputOf(file, mapping), codec)).detectedKind === null;
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
  const qualitySettings = options.qualityFile ? readQualityFile(options.qualityFile) : DEFAULT_QUALITY_SETTINGS;
  checkOutDir(outDir);
  const names = files.map((f) => path.basename(f));
  const unusedMappings = Object.keys(mapping).filter((name) => !names.includes(name));

  const db = await openNativeDb({ threads: options.threads ?? 2 });
  const codec = openFileCodec();
  try {
    const reports: CsvImportReport[] = [];
    const sources: SourceEntry[] = [];
    const loaded = new Map<TableKind, string[]>();
    const lookupFiles: string[] = [];
    for (const file of files) if (await isLookup(file, mapping, codec)) lookupFiles.push(file);
    const tableFiles = files.filter((f) => !lookupFiles.includes(f));
    const count = files.length;
    for (const [index, file] of tableFiles.entries()) {
      checkCancelled();
      const name = path.basename(file);
      onProgress?.({ type: 'file-start', file: name, index, count });
      const fileStarted = performance.now();
      const importOptions = {
        ...(mapping[name]?.values ? { values: mapping[name].values } : {}),
        // A risky export stops the run unless --allow-rejects: nothing is written.
        confirmRisks: async () => options.allowRejects === true,
      };
      const report = await importCsv(db, inputOf(file, mapping), codec, importOptions)
        .catch((error: unknown) => {
          // The import names the missing columns; the ETL says how its mapping file supplies them.
          const missing = error instanceof ExportError ? /: no column found for ([a-z_]+)/.exec(error.message) : null;
          if (missing) {
            const kind = mapping[name]?.kind;
            const hint = mappingHint(name, kind && kind !== 'lookup' ? kind : 'leads', missing[1]!, '<its header in the file>');
            throw new ExportError(name, `${(error as ExportError).message.slice(name.length + 2)}; ${hint}`);
          }
          if (error instanceof ExportError && !options.allowRejects && error.message.includes('not imported, nothing was replaced')) {
            throw new ExportError(name, `${error.message.replace(/^.*?not imported, nothing was replaced: /, '')}; nothing was written (run with --allow-rejects to load it anyway)`);
          }
          throw error;
        })
        .finally(() => codec.release());
      const previous = loaded.get(report.kind);
      for (const query of gatherSql(report.kind, gathered(report.kind), previous === undefined, previous ? await newColumns(db, report.kind, gathered(report.kind)) : [])) await db.query(query);
      loaded.set(report.kind, [...(previous ?? []), name]);
      reports.push(report);
      const { kind, encoding, delimiter, rowsRead, rowsLoaded, rowsRejected } = report;
      sources.push({ file: name, bytes: statSync(file).size, sha256: await sha256OfFile(file), kind, encoding, delimiter, rowsRead, rowsLoaded, rowsRejected, mapping: report.mapping });
      onProgress?.({ type: 'file-done', file: name, index, count, report, ms: performance.now() - fileStarted });
    }

    const sharedKeys: SharedKey[] = [];
    for (const [kind, exports] of loaded) if (exports.length > 1) sharedKeys.push(...(await sharedKeysOf(db, kind, exports)));
    // The gathered tables take their kinds' names again: the derivation, lookups and figures read those.
    for (const kind of loaded.keys()) await db.query(renameTableSql(gathered(kind), kind));
    await refreshLeadFacts(db);

    const lookups: LookupReport[] = [];
    for (const [i, file] of lookupFiles.entries()) {
      checkCancelled();
      const name = path.basename(file);
      const index = tableFiles.length + i;
      onProgress?.({ type: 'file-start', file: name, index, count });
      const fileStarted = performance.now();
      const key = await lookupKeyOf(db, file, mapping, codec, reports);
      const report = await importLookup(db, inputOf(file, mapping), codec, key).finally(() => codec.release());
      lookups.push(report);
      onProgress?.({ type: 'lookup-done', file: name, index, count, report, ms: performance.now() - fileStarted });
    }
    const figures = loaded.has('leads') ? await leadFigures(db, DEFAULT_PIPELINE) : null;
    // The default view's figures, by the pages' own queries: what the app paints before its engine is ready.
    const prepared = loaded.has('leads') ? await computePreparedFigures(db, DEFAULT_PIPELINE) : null;
    const now = options.now?.() ?? new Date();
    const createdAt = now.toISOString();
    // "0 rejected" is never the whole story: the loaded leads' quality, by the Data quality page's own scoring.
    const quality = loaded.has('leads') ? await qualitySummary(db, { pipeline: DEFAULT_PIPELINE, settings: qualitySettings, asOf: localDay(now), checkPhones: checkPhonesHere, scanDuplicates: scanDuplicatesHere }) : null;
    const generator = generatorName();
    const link = qualityLinkOf(qualitySettings);
    const qualityLink = Object.keys(link).length ? link : null;
    const report: RunReport = { schemaVersion: SCHEMA_VERSION, createdAt, generator, files: reports, lookups, sharedKeys, unusedMappings, figures, quality };

    checkCancelled();
    onProgress?.({ type: 'writing', outDir });
    const manifest = await writeAtomically(outDir, async (dir) => {
      const tables: Partial<Record<TableKind, TableEntry>> = {};
      for (const kind of TABLE_KINDS) {
        const exports = loaded.get(kind);
        if (!exports) continue;
        checkCancelled();
        tables[kind] = await writeTable(db, kind, path.join(dir, `${kind}.parquet`), exports, options.arrowCopyMaxBytes);
      }
      const lookupEntries: LookupEntry[] = [];
      for (const lookup of lookups) {
        checkCancelled();
        const entry = await writeTable(db, lookup.table, path.join(dir, `${lookup.table}.parquet`), [lookup.fileName], options.arrowCopyMaxBytes);
        lookupEntries.push({ ...entry, table: lookup.table, leadColumn: lookup.leadColumn, key: lookup.column });
      }
      for (const file of reports) if (file.rejects.length) writeFileSync(path.join(dir, rejectsFileName(file.fileName)), rejectsCsv(file));
      writeFileSync(path.join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(path.join(dir, 'report.md'), reportMarkdown(report));
      const figuresRef = prepared ? await writeFigures(prepared, path.join(dir, FIGURES_FILE)) : null;
      const result: Manifest = { schemaVersion: SCHEMA_VERSION, createdAt, generator, tables, ...(lookupEntries.length ? { lookups: lookupEntries } : {}), sources, ...(figuresRef ? { figures: figuresRef } : {}), ...(qualityLink ? { quality: qualityLink } : {}) };
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

/**
 * The key of a lookup: the mapping file's, else the lookup header that matches a lead column
 * (by name, by the header a leads export read that column from, or as a known synonym).
 */
async function lookupKeyOf(db: Db, file: string, mapping: MappingFile, codec: ReturnType<typeof openFileCodec>, reports: readonly CsvImportReport[]) {
  const name = path.basename(file);
  const given = mapping[name]?.key;
  if (given) {
    const [leadColumn, column] = Object.entries(given)[0]!;
    return { leadColumn, column };
  }
  const { headers } = await inspectImport(inputOf(file, mapping), codec);
  const unrecognised = `not recognised as ${TABLE_KINDS_IN_WORDS}: no column found for ${missingByTable(headers)}`;
  if (!reports.some((r) => r.kind === 'leads')) throw new ExportError(name, `${unrecognised}, and there are no leads to use it as a lookup of; ${mappingHint(name, 'leads', 'lead_id', headers[0] ?? 'ID')}`);
  const leadColumns = (await tableColumns(db, 'leads')).map((c) => c.name);
  const key = suggestLookupKey(headers, leadColumns, reports.filter((r) => r.kind === 'leads').map((r) => r.mapping));
  if (!key) {
    throw new ExportError(
      name,
      `${unrecognised}, and none of its columns (${headers.join(', ')}) matches a lead column to use it as a lookup (or give a lookup's "key"); ${mappingHint(name, 'leads', 'lead_id', headers[0] ?? 'ID')}`,
    );
  }
  return key;
}
