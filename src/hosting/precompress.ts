import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { COMPRESSIBLE } from './assetHeaders.js';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Smaller files gain little and cost a request's headers either way. */
const MIN_BYTES = 1024;
/** A copy not at least this much smaller is not worth a second file. */
const MAX_RATIO = 0.9;
/**
 * Brotli's best quality (11) takes minutes for the engine's 34 MB wasm files; quality 5 takes ~10 s
 * each and is still ~20 % smaller than gzip -9 (measured on duckdb-eh.wasm: 6.2 MB vs 7.7 MB).
 * Quality 9 up to 20 MB: the sample's 2.9 MB of leads as Arrow shrink to 0.76 MB (quality 5: 0.80 MB).
 */
const brotliQuality = (bytes: number) => (bytes > 20_000_000 ? 5 : bytes > 500_000 ? 9 : 11);

export interface Compressed {
  readonly file: string;
  readonly bytes: number;
  readonly br: number | null;
  readonly gz: number | null;
}

/** Writes `name.br` and `name.gz` beside every compressible file under `root`, where they are smaller. */
export async function precompressFolder(root: string): Promise<Compressed[]> {
  return precompressFiles(root, (await readdir(root, { recursive: true })).map(String).filter((name) => COMPRESSIBLE.has(path.extname(name))));
}

/** The same for the named files (relative to `root`). */
export async function precompressFiles(root: string, names: readonly string[]): Promise<Compressed[]> {
  return Promise.all(
    names.map(async (name): Promise<Compressed> => {
      const file = path.join(root, name);
      if (!(await stat(file)).isFile()) return { file: name, bytes: 0, br: null, gz: null };
      const bytes = await readFile(file);
      if (bytes.length < MIN_BYTES) return { file: name, bytes: bytes.length, br: null, gz: null };
      const [br, gz] = await Promise.all([
        brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality(bytes.length), [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
        gzipAsync(bytes, { level: 9 }),
      ]);
      const keep = async (copy: Buffer, suffix: string) => {
        if (copy.length > bytes.length * MAX_RATIO) return null;
        await writeFile(file + suffix, copy);
        return copy.length;
      };
      return { file: name, bytes: bytes.length, br: await keep(br, '.br'), gz: await keep(gz, '.gz') };
    }),
  );
}
