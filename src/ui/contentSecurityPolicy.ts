/**
 * "Nothing leaves the browser" (DESIGN.md), enforced by the browser rather than promised: the app
 * may load code, workers, WebAssembly, data and images from its own origin only, and may send
 * nothing anywhere else. One definition, used by the build's meta tag (vite.config.ts), the preview
 * server's header and the e2e tests' static server.
 */
const DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  // duckdb-wasm and parquet-wasm compile WebAssembly: that needs 'wasm-unsafe-eval', not 'unsafe-eval'.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // Every worker (duckdb-wasm's, its threads', the codec, Parquet and workbook workers) is a bundled file.
  'worker-src': ["'self'"],
  // The sample bundle, the engines' .wasm files and dropped files (File objects need no fetch).
  'connect-src': ["'self'"],
  'img-src': ["'self'"],
  // ECharts writes its tooltips as HTML with style attributes; styles cannot send data anywhere
  // while img-src, font-src and connect-src stay on 'self'.
  'style-src': ["'self'", "'unsafe-inline'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/** Directives a browser ignores (with a console error) in a meta tag: only the header carries them. */
const HEADER_ONLY: Readonly<Record<string, readonly string[]>> = {
  'frame-ancestors': ["'none'"],
};

const serialise = (directives: Readonly<Record<string, readonly string[]>>) =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

/** The policy for a Content-Security-Policy response header. */
export const CSP_HEADER = serialise({ ...DIRECTIVES, ...HEADER_ONLY });

/**
 * duckdb-wasm's Emscripten workers eval their EM_ASM snippets when they start (measured: the
 * engine fails to open without it). A worker's policy is the one its own script arrives with, so
 * only these files get 'unsafe-eval'; they still may connect nowhere but the app's origin.
 */
const DUCKDB_WORKER = /\/duckdb-browser-[a-z]+(\.pthread)?\.worker[^/]*\.js$/;
const DUCKDB_WORKER_HEADER = serialise({ ...DIRECTIVES, 'script-src': ["'self'", "'unsafe-eval'"], ...HEADER_ONLY });

/** The header for a response of the app, by its path: the strict policy, or the duckdb workers' one. */
export function cspHeaderFor(pathname: string): string {
  return DUCKDB_WORKER.test(pathname) ? DUCKDB_WORKER_HEADER : CSP_HEADER;
}

/** The same policy for `<meta http-equiv="Content-Security-Policy">`, for hosts that send no header. */
export const CSP_META = serialise(DIRECTIVES);
