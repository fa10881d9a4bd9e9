import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { cacheControlFor, chooseEncoding, CONTENT_TYPES, SUFFIX, type Encoding } from './assetHeaders.js';

export interface BuiltFile {
  /** The file on disk that answers the request: the asset, or its pre-compressed copy. */
  readonly file: string;
  readonly encoding: Encoding | null;
  readonly headers: Record<string, string | number>;
}

/**
 * What answers a GET of `pathname` from the built folder `root`: the file (or a folder's index.html)
 * with its type, caching and, where a `.br`/`.gz` copy was written at build and the browser accepts
 * it, that copy with its Content-Encoding. Null when there is no such file. Vary is always set on
 * a file that has a copy, so a cache never hands the brotli body to a browser that asked for none.
 */
export function resolveBuiltFile(root: string, pathname: string, acceptEncoding: string | undefined): BuiltFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const base = path.resolve(root);
  let file = path.join(base, decoded);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  const available = new Set((Object.keys(SUFFIX) as Encoding[]).filter((e) => existsSync(file + SUFFIX[e])));
  const encoding = chooseEncoding(acceptEncoding, available);
  const served = encoding ? file + SUFFIX[encoding] : file;
  const { size, mtimeMs } = statSync(served);
  const headers: Record<string, string | number> = {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': cacheControlFor(path.posix.join('/', decoded)),
    // The copy sent, by size and time: a revalidated no-cache file (a bundle's) is not sent again unchanged.
    ETag: `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`,
  };
  if (available.size > 0) headers.Vary = 'Accept-Encoding';
  if (encoding) headers['Content-Encoding'] = encoding;
  return { file: served, encoding, headers };
}

/** Whether the browser's copy (its If-None-Match) is the file that would be sent. */
export function notModified(request: IncomingMessage, found: BuiltFile): boolean {
  const known = request.headers['if-none-match'];
  return known !== undefined && known.split(',').some((tag) => tag.trim() === found.headers.ETag);
}

/** A 304's headers: what identifies and keeps the copy, no body's. */
export function notModifiedHeaders(found: BuiltFile): Record<string, string | number> {
  const { ETag, 'Cache-Control': cacheControl, Vary } = found.headers;
  return { ETag: ETag!, 'Cache-Control': cacheControl!, ...(Vary ? { Vary } : {}) };
}

type Next = () => void;

/**
 * Connect middleware for the preview server: answers with a pre-compressed copy where there is one
 * (Vite's own static files do not look for them), and for every other file only sets its
 * Cache-Control before Vite serves it. `extraHeaders` adds the headers of the server (CSP, COOP/COEP).
 */
export function precompressedAssets(root: string, extraHeaders: (pathname: string) => Record<string, string> = () => ({})) {
  return (request: IncomingMessage, response: ServerResponse, next: Next): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const found = resolveBuiltFile(root, pathname, request.headers['accept-encoding']);
    if (!found?.encoding) {
      if (found) response.setHeader('Cache-Control', found.headers['Cache-Control']!);
      if (found?.headers.Vary) response.setHeader('Vary', 'Accept-Encoding');
      return next();
    }
    if (notModified(request, found)) return void response.writeHead(304, notModifiedHeaders(found)).end();
    response.writeHead(200, { ...extraHeaders(pathname), ...found.headers });
    if (request.method === 'HEAD') return void response.end();
    createReadStream(found.file).pipe(response);
  };
}
