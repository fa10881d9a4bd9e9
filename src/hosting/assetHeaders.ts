/**
 * How the built app is best served, for every server of it: the preview server (`npm start`,
 * vite.config.ts), the e2e tests' static server, and the README's advice to a host. Pure: paths and
 * request headers in, response headers out.
 */

/** Files Vite names by their content's hash: a changed file gets a new name, so a copy never goes stale. */
const HASHED_ASSET = /^\/assets\/[^/]+-[\w-]{8,}\.[a-z0-9]+$/i;

/** Kept a year and never revalidated: the browser reuses the file, and its compiled wasm, on the next visit. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Asked again on every visit (a 304 when unchanged): index.html names the current assets, the sample bundle is rebuilt in place. */
export const REVALIDATE = 'no-cache';

export function cacheControlFor(pathname: string): string {
  return HASHED_ASSET.test(pathname) ? IMMUTABLE : REVALIDATE;
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.parquet': 'application/octet-stream',
};

/** Text and WebAssembly shrink well; Parquet and images are compressed already. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.md', '.csv', '.arrow']);

export type Encoding = 'br' | 'gzip';
/** The file name suffix of each encoding's pre-compressed copy. */
export const SUFFIX: Readonly<Record<Encoding, string>> = { br: '.br', gzip: '.gz' };

/**
 * The encoding to send, of those the file has a copy in: brotli (smaller) before gzip, each only
 * if the request accepts it (not with q=0). Null: send the file as it is.
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: ReadonlySet<Encoding>): Encoding | null {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p)))
      .map(([name]) => name),
  );
  for (const encoding of ['br', 'gzip'] as const) if (available.has(encoding) && (accepted.has(encoding) || accepted.has('*'))) return encoding;
  return null;
}
