import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readParquet } from 'parquet-wasm/node';
import { toRows } from '../src/db/arrowRows';
import type { Db } from '../src/db/types';
import { BUNDLE_SCHEMA_VERSION, PARQUET_BATCH_ROWS, type BundleFiguresRef, type BundleLookup, type BundleManifest, type BundleSource, type BundleTable, type BundleFile } from '../src/domain/bundleManifest';
import type { PreparedFigures } from '../src/domain/preparedFigures';
import type { TableKind } from '../src/domain/schema';
import type { TextEncoding } from '../src/ingest/encoding';
import type { ColumnMapping } from '../src/ingest/headerMapping';
import { columnsSql, copyToParquetSql } from '../src/sql/bundle';
import { countSql } from '../src/sql/importCsv';
import { precompressFiles } from '../src/hosting/precompress';
import { EtlError } from './errors';
import { withTextDictionaries } from './textDictionaries';

/** What a bundle is: Parquet per table, manifest.json, report.json, report.md and a rejects CSV per export with rejects. */
export const MANIFEST_FILE = 'manifest.json';
/** The default view's figures, named by the manifest (its SHA-256 too: a changed file is not painted). */
export const FIGURES_FILE = 'figures.json';
/** The manifest's layout is the app's reader's (src/domain/bundleManifest.ts), with what the ETL adds. */
export const SCHEMA_VERSION = BUNDLE_SCHEMA_VERSION;

export interface ColumnEntry {
  readonly name: string;
  /** DuckDB type: VARCHAR, DATE, DOUBLE, INTEGER. */
  readonly type: string;
}

export interface TableEntry extends BundleTable {
  readonly columns: readonly ColumnEntry[];
  /** The exports gathered into this table, in load order. */
  readonly sources: readonly string[];
}

export interface SourceEntry extends BundleSource {
  readonly bytes: number;
  readonly sha256: string;
  readonly encoding: TextEncoding;
  readonly delimiter: string;
  readonly mapping: ColumnMapping;
}

/** A lookup table in the bundle (BundleLookup with its columns). */
export interface LookupEntry extends TableEntry, BundleLookup {}

export interface Manifest extends BundleManifest {
  readonly generator: string;
  readonly tables: Partial<Record<TableKind, TableEntry>>;
  readonly lookups?: readonly LookupEntry[];
  readonly sources: readonly SourceEntry[];
}

/** "leadloop etl 0.1.0": the version of the package that wrote the bundle. */
export function generatorName(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return `leadloop etl ${pkg.version}`;
}

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * The largest Arrow copy written beside a table's Parquet (BundleTable.arrow). Below it the app's
 * start gains more by skipping its Parquet reader (~0.4 s on a warm visit, its 1.5 MB download on a
 * first one) than the copy costs to download: brotli-compressed, the sample's leads are 0.76 MB as
 * Arrow, as large as their Parquet. Above it the Parquet alone is written: a million leads are
 * ~300 MB as Arrow, and their download would outweigh everything.
 */
export const ARROW_COPY_MAX_BYTES = 16 * 1024 * 1024;

/** Writes one table as Parquet (and a small one also as Arrow) and describes it for the manifest. */
export async function writeTable(db: Db, table: string, file: string, sources: readonly string[], arrowCopyMaxBytes = ARROW_COPY_MAX_BYTES): Promise<TableEntry> {
  await db.query(copyToParquetSql(table, file));
  const rows = Number(toRows(await db.query(countSql(table)))[0]?.n ?? 0);
  const columns = toRows(await db.query(columnsSql(table))).map((c) => ({ name: String(c.name), type: String(c.type) }));
  const arrow = await writeArrowCopy(file, arrowCopyMaxBytes);
  return { file: path.basename(file), rows, bytes: statSync(file).size, sha256: await sha256OfFile(file), ...(arrow ? { arrow } : {}), columns, sources };
}

/**
 * The Parquet file read as the app would read it (parquet-wasm's reader, its batch size), its
 * repetitive texts dictionary-encoded (the same rows and types in the engine, in less than half
 * the bytes: see textDictionaries.ts), written beside it as `<table>.arrow` with `.br`/`.gz` copies
 * for hosts that serve those; null when larger than `maxBytes`. A Parquet file already larger is not
 * converted: the stream is uncompressed.
 */
async function writeArrowCopy(parquetFile: string, maxBytes: number): Promise<BundleFile | null> {
  if (statSync(parquetFile).size > maxBytes) return null;
  const stream = withTextDictionaries(readParquet(readFileSync(parquetFile), { batchSize: PARQUET_BATCH_ROWS }).intoIPCStream());
  if (stream.length > maxBytes) return null;
  const file = parquetFile.replace(/\.parquet$/, '.arrow');
  writeFileSync(file, stream);
  await precompressFiles(path.dirname(file), [path.basename(file)]);
  return { file: path.basename(file), bytes: stream.length, sha256: await sha256OfFile(file) };
}

/** Writes the default view's figures and describes them for the manifest. */
export async function writeFigures(figures: PreparedFigures, file: string): Promise<BundleFiguresRef> {
  writeFileSync(file, `${JSON.stringify(figures)}\n`);
  return { file: path.basename(file), sha256: await sha256OfFile(file) };
}

function isBundle(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
    return typeof manifest.generator === 'string' && manifest.generator.startsWith('leadloop etl');
  } catch {
    return false;
  }
}

/**
 * The output folder is replaced as a whole, so it must be new, empty, or an earlier bundle: a folder
 * with anything else in it is refused rather than deleted.
 */
export function checkOutDir(outDir: string): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) throw new EtlError(`${outDir}: --out exists and is not a folder`);
  if (readdirSync(outDir).length > 0 && !isBundle(outDir)) {
    throw new EtlError(`${outDir}: --out is a folder with other files in it; give a new or empty folder or an earlier bundle (it is replaced as a whole)`);
  }
}

/**
 * Builds the bundle in a hidden folder beside --out and renames it into place only when complete,
 * so an interrupted or failed run leaves either the previous bundle or none, never half of one.
 */
export async function writeAtomically<T>(outDir: string, write: (dir: string) => Promise<T>): Promise<T> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  mkdirSync(parent, { recursive: true });
  const suffix = randomBytes(4).toString('hex');
  const staging = path.join(parent, `.${base}.partial-${suffix}`);
  mkdirSync(staging);
  try {
    const result = await write(staging);
    checkOutDir(target);
    if (!existsSync(target)) {
      renameSync(staging, target);
    } else {
      const previous = path.join(parent, `.${base}.previous-${suffix}`);
      renameSync(target, previous);
      try {
        renameSync(staging, target);
      } catch (error) {
        renameSync(previous, target);
        throw error;
      }
      rmSync(previous, { recursive: true, force: true });
    }
    return result;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
