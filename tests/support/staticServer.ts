import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { notModified, notModifiedHeaders, resolveBuiltFile } from '../../src/hosting/serveBuilt';
import { cspHeaderFor } from '../../src/ui/contentSecurityPolicy';

/** Where the browser posts the policy's violation reports (the test server's addition to the policy). */
const CSP_REPORT_PATH = '/__csp-report';

export interface ServedFile {
  readonly path: string;
  readonly encoding: string | null;
  readonly cacheControl: string;
  /** 304 where the browser's copy was current (its If-None-Match), 200 otherwise. */
  readonly status: 200 | 304;
}

export interface StaticServer {
  readonly origin: string;
  /** Every path asked for, in order: a server the page must not reach checks that it was not. */
  readonly requests: readonly string[];
  /** Every file served: its path, the encoding it was sent in (null: as it is) and its Cache-Control. */
  readonly responses: ServedFile[];
  /**
   * The Content-Security-Policy violations the browser reported, from the page and from its workers
   * (whose console a page listener does not see), as "directive blocked-uri (source)".
   */
  readonly cspViolations: string[];
  close(): Promise<void>;
}

/**
 * Serves a built folder on 127.0.0.1 as README asks a host to (and `npm start` does): the CSP header,
 * hashed assets cached as immutable, the build's `.br`/`.gz` copies where the browser accepts them. `isolated` adds the COOP/COEP
 * headers that enable duckdb-wasm's threaded bundle; without them the app must still work.
 */
export async function serveStatic(
  root: string,
  {
    isolated = true,
    holdBack,
  }: {
    isolated?: boolean;
    /** Delays the answer to a path until the promise it returns settles (a test holding back the engine's wasm); undefined: no delay. */
    holdBack?: (pathname: string) => Promise<void> | undefined;
  } = {},
): Promise<StaticServer> {
  if (!existsSync(path.join(root, 'index.html'))) throw new Error(`${root}/index.html not found: build first (npx vite build)`);
  const requests: string[] = [];
  const responses: ServedFile[] = [];
  const cspViolations: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    if (request.method === 'POST' && url.pathname === CSP_REPORT_PATH) return void collectReport(request, response, cspViolations);
    // As the preview server (npm start) serves it: pre-compressed copies, immutable hashed assets.
    const found = resolveBuiltFile(root, url.pathname, request.headers['accept-encoding']);
    if (!found) {
      // A 404 shows in the browser's console without its URL; name it here so a failure says which.
      console.warn(`static server: 404 ${url.pathname}`);
      return void response.writeHead(404).end('not found');
    }
    const unchanged = notModified(request, found);
    responses.push({ path: url.pathname, encoding: found.encoding, cacheControl: String(found.headers['Cache-Control']), status: unchanged ? 304 : 200 });
    const headers: Record<string, string | number> = {
      ...found.headers,
      // The app's policy, as a host following README would send it, plus a report endpoint.
      'Content-Security-Policy': `${cspHeaderFor(url.pathname)}; report-uri ${CSP_REPORT_PATH}`,
    };
    if (isolated) {
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
    }
    const send = () => {
      if (unchanged) return void response.writeHead(304, notModifiedHeaders(found)).end();
      response.writeHead(200, headers);
      createReadStream(found.file).pipe(response);
    };
    const held = holdBack?.(url.pathname);
    if (held) void held.then(send, send);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    responses,
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
