import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { cspHeaderFor } from '../../src/ui/contentSecurityPolicy';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.parquet': 'application/octet-stream',
};

/** Where the browser posts the policy's violation reports (the test server's addition to the policy). */
const CSP_REPORT_PATH = '/__csp-report';

export interface StaticServer {
  readonly origin: string;
  /** Every path asked for, in order: a server the page must not reach checks that it was not. */
  readonly requests: readonly string[];
  /**
   * The Content-Security-Policy violations the browser reported, from the page and from its workers
   * (whose console a page listener does not see), as "directive blocked-uri (source)".
   */
  readonly cspViolations: string[];
  close(): Promise<void>;
}

/**
 * Serves a built folder on 127.0.0.1, like any static host would. `isolated` adds the COOP/COEP
 * headers that enable duckdb-wasm's threaded bundle; without them the app must still work.
 */
export async function serveStatic(root: string, { isolated = true } = {}): Promise<StaticServer> {
  if (!existsSync(path.join(root, 'index.html'))) throw new Error(`${root}/index.html not found: build first (npx vite build)`);
  const requests: string[] = [];
  const cspViolations: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    if (request.method === 'POST' && url.pathname === CSP_REPORT_PATH) return void collectReport(request, response, cspViolations);
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      // A 404 shows in the browser's console without its URL; name it here so a failure says which.
      console.warn(`static server: 404 ${url.pathname}`);
      return void response.writeHead(404).end('not found');
    }
    const headers: Record<string, string | number> = {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': 'no-store',
      // The app's policy, as a host following README would send it, plus a report endpoint.
      'Content-Security-Policy': `${cspHeaderFor(url.pathname)}; report-uri ${CSP_REPORT_PATH}`,
    };
    if (isolated) {
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
    }
    response.writeHead(200, headers);
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    cspViolations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Reads one `application/csp-report` body (the report-uri format) into a short line. */
function collectReport(request: IncomingMessage, response: ServerResponse, into: string[]): void {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    try {
      const report = (JSON.parse(body) as { 'csp-report'?: Record<string, unknown> })['csp-report'] ?? {};
      into.push(`${String(report['effective-directive'] ?? report['violated-directive'])} ${String(report['blocked-uri'])} (${String(report['source-file'] ?? report['document-uri'])})`);
    } catch {
      into.push(`unreadable report: ${body.slice(0, 200)}`);
    }
    response.writeHead(204).end();
  });
}
