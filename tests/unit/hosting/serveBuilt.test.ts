import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControlFor, chooseEncoding } from '../../../src/hosting/assetHeaders';
import { precompressFiles, precompressFolder } from '../../../src/hosting/precompress';
import { precompressedAssets } from '../../../src/hosting/serveBuilt';

/** A built folder as Vite writes it: hashed assets, index.html, the sample bundle from public/. */
const ASSET = '/assets/index-D2Z7nAC1.js';
const WASM = '/assets/duckdb-eh-9ubY-jlA.wasm';
const SMALL = '/assets/ComingPage-C8k1oQID.js';
const HTML = '/index.html';
const PARQUET = '/sample/leads.parquet';
const MANIFEST = '/sample/manifest.json';

// Repetitive text shrinks; random bytes (like a compressed Parquet file) do not.
const text = (n: number) => Array.from({ length: n }, (_, i) => `const figure${i % 97} = ${i % 13};\n`).join('');
const random = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(Math.random() * 256)));

let root: string;
let server: Server;
let port: number;
const files: Record<string, Buffer> = {};

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'leadloop-hosting-'));
  const contents: Record<string, Buffer> = {
    [ASSET]: Buffer.from(text(4000)),
    [WASM]: Buffer.concat([Buffer.from('\0asm'), Buffer.from(text(20_000))]),
    [SMALL]: Buffer.from('export const x = 1;'),
    [HTML]: Buffer.from(`<!doctype html><html><head><title>Leadloop</title></head><body>${text(200)}</body></html>`),
    [PARQUET]: random(50_000),
    [MANIFEST]: Buffer.from(JSON.stringify({ tables: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`t${i}`, { rows: i }])) })),
  };
  for (const [name, bytes] of Object.entries(contents)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), bytes);
    files[name] = bytes;
  }
  await precompressFolder(root);
  const middleware = precompressedAssets(root, () => ({ 'Cross-Origin-Embedder-Policy': 'require-corp' }));
  // What Vite's own static middleware would do after ours: the file as it is.
  server = createServer((req, res) =>
    middleware(req, res, () => {
      const file = path.join(root, new URL(req.url ?? '/', 'http://x').pathname);
      if (!existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { 'X-Served-By': 'next' }).end(readFileSync(file));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

/** A raw GET (no client-side decompression): the bytes as they crossed the wire. */
function get(pathname: string, acceptEncoding?: string, method = 'GET', extra: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...(acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding }), ...extra };
    const req = request({ host: '127.0.0.1', port, path: pathname, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('precompressFolder', () => {
  it('writes .br and .gz copies that decompress to the file, for compressible files only', () => {
    for (const name of [ASSET, WASM, HTML, MANIFEST]) {
      const file = path.join(root, name);
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(files[name]!), `${name}.br`).toBe(true);
      expect(gunzipSync(readFileSync(`${file}.gz`)).equals(files[name]!), `${name}.gz`).toBe(true);
      expect(readFileSync(`${file}.br`).length).toBeLessThan(files[name]!.length);
    }
    // Too small to gain anything; compressed already.
    for (const name of [SMALL, PARQUET]) {
      expect(existsSync(path.join(root, `${name}.br`)), name).toBe(false);
      expect(existsSync(path.join(root, `${name}.gz`)), name).toBe(false);
    }
  });
});

describe('precompressedAssets (the preview server and the e2e server)', () => {
  it('sends the brotli copy to a browser that accepts br, with its type, encoding and Vary', async () => {
    const response = await get(ASSET, 'gzip, deflate, br, zstd');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(brotliDecompressSync(response.body).equals(files[ASSET]!)).toBe(true);
  });

  it('sends gzip when br is not accepted, and the file as it is when neither is', async () => {
    const gz = await get(WASM, 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toBe('application/wasm');
    expect(gunzipSync(gz.body).equals(files[WASM]!)).toBe(true);
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get(WASM, accept);
      expect(plain.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(plain.headers['x-served-by']).toBe('next');
      // A cache between must not give this body to a browser that accepts br, nor the reverse.
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body.equals(files[WASM]!)).toBe(true);
    }
  });

  it('caches hashed assets for a year as immutable, and has everything else revalidated', async () => {
    for (const name of [ASSET, WASM, SMALL]) expect((await get(name, 'br')).headers['cache-control'], name).toBe('public, max-age=31536000, immutable');
    for (const name of [HTML, '/', PARQUET, MANIFEST]) expect((await get(name, 'br')).headers['cache-control'], name).toBe('no-cache');
  });

  it('answers the revalidation of an unchanged copy with 304 and no body, and sends a changed one', async () => {
    const name = 'sample/figures.json';
    writeFileSync(path.join(root, name), text(300));
    await precompressFiles(root, [name]);
    const first = await get(`/${name}`, 'br');
    const tag = String(first.headers.etag);
    expect(tag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await get(`/${name}`, 'br', 'GET', { 'If-None-Match': tag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers).toMatchObject({ etag: tag, 'cache-control': 'no-cache', vary: 'Accept-Encoding' });
    // The gzip copy is another body: its own tag.
    expect((await get(`/${name}`, 'gzip', 'GET', { 'If-None-Match': tag })).status).toBe(200);
    // A new bundle written over it: sent again.
    writeFileSync(path.join(root, name), text(400));
    await precompressFiles(root, [name]);
    const changed = await get(`/${name}`, 'br', 'GET', { 'If-None-Match': tag });
    expect(changed.status).toBe(200);
    expect(brotliDecompressSync(changed.body).toString()).toBe(text(400));
  });

  it('answers HEAD without a body and leaves unknown paths and other methods to the next handler', async () => {
    const head = await get(ASSET, 'br', 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
    expect((await get('/assets/missing-AAAAAAAA.js', 'br')).status).toBe(404);
    expect((await get('/../../etc/passwd', 'br')).headers['content-encoding']).toBeUndefined();
  });
});

describe('asset headers', () => {
  it('treats only hash-named files under /assets as immutable', () => {
    expect(cacheControlFor('/assets/echarts-Co03-ug7.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/assets/duckdb-browser-coi.pthread.worker-BSvKBYxk.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/assets/logo.svg')).toBe('no-cache');
    expect(cacheControlFor('/sample/leads-AAAAAAAA.parquet')).toBe('no-cache');
    expect(cacheControlFor('/index.html')).toBe('no-cache');
    expect(cacheControlFor('/')).toBe('no-cache');
  });

  it('prefers br to gzip among the accepted encodings the file has', () => {
    const both = new Set(['br', 'gzip'] as const);
    expect(chooseEncoding('gzip, br', both)).toBe('br');
    expect(chooseEncoding('gzip', both)).toBe('gzip');
    expect(chooseEncoding('br', new Set(['gzip'] as const))).toBeNull();
    expect(chooseEncoding('br;q=0, gzip;q=0.5', both)).toBe('gzip');
    expect(chooseEncoding('*', both)).toBe('br');
    expect(chooseEncoding(undefined, both)).toBeNull();
  });
});
