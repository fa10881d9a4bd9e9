import react from '@vitejs/plugin-react';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { ENGINE_WASM_FILE, ENGINE_WORKER_FILE, shippedEngineWasm, shippedEngineWorker } from './src/hosting/engineFiles.js';
import { precompressFolder } from './src/hosting/precompress.js';
import { precompressedAssets } from './src/hosting/serveBuilt.js';
import { CSP_META, cspHeaderFor } from './src/ui/contentSecurityPolicy.js';

/**
 * Cross-origin isolation lets the app pick duckdb-wasm's threaded bundle; the app also works
 * without these headers (it falls back to the single-threaded bundle).
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The CSP meta tag goes into the built index.html only: the dev server's React refresh preamble is an
 * inline script, which the policy forbids (dev keeps working, the build is what users get).
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'leadloop-csp-meta',
    apply: 'build',
    // Prepended: a meta policy covers only what the document loads after it.
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' }],
  };
}

/**
 * The preview server sends the policy as a header, chosen per path (preview.headers cannot): the
 * duckdb-wasm workers need eval, nothing else does.
 */
function contentSecurityPolicyHeader(): Plugin {
  return {
    name: 'leadloop-csp-header',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        response.setHeader('Content-Security-Policy', cspHeaderFor(new URL(request.url ?? '/', 'http://localhost').pathname));
        next();
      });
    },
  };
}

/**
 * `.br` and `.gz` copies beside every compressible file of the build (the engine's wasm shrinks from
 * 34 MB to ~6 MB): written once at build, so no server compresses per request.
 */
function precompressedBuild(): Plugin {
  let outDir = 'dist';
  let write = true;
  return {
    name: 'leadloop-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      write = config.build.write;
    },
    async closeBundle() {
      if (!write) return;
      const started = Date.now();
      const files = await precompressFolder(outDir);
      const written = files.filter((f) => f.br !== null || f.gz !== null).length;
      this.info?.(`pre-compressed ${written} files (.br, .gz) in ${Math.round((Date.now() - started) / 1000)} s`);
    },
  };
}

/**
 * duckdb-wasm's workers and engines as the build ships them (src/hosting/engineFiles.ts): the workers
 * compile the engine from fetch()'s own response, which Chromium keeps compiled between visits; the
 * engines keep only the exports something reads.
 * Build only: the dev server serves the package's files as they are.
 */
function shippedEngineFiles(): Plugin {
  return {
    name: 'leadloop-shipped-engine-files',
    apply: 'build',
    // Before Vite's asset plugin: the files are emitted changed, so their hashed names are those of what is served.
    enforce: 'pre',
    async load(id) {
      const [file, query] = id.split('?');
      if (query !== 'url' || !file) return null;
      let source: string | Uint8Array;
      if (ENGINE_WORKER_FILE.test(file)) source = await shippedEngineWorker(file);
      else if (ENGINE_WASM_FILE.test(file)) {
        const engine = await shippedEngineWasm(file);
        this.info(`${path.basename(file)}: ${engine.kept} of ${engine.of} exports kept`);
        source = engine.wasm;
      } else return null;
      const reference = this.emitFile({ type: 'asset', name: path.basename(file), source });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}

/**
 * The preview server (npm start) serves those copies with Content-Encoding and Vary, and hashed
 * assets with a year's immutable caching; index.html and the sample bundle are revalidated.
 */
function precompressedPreview(): Plugin {
  return {
    name: 'leadloop-precompressed-preview',
    configurePreviewServer(server) {
      const root = path.resolve(server.config.root, server.config.build.outDir);
      const headers = server.config.preview.headers ?? {};
      const extra = () => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
      server.middlewares.use(precompressedAssets(root, extra));
    },
  };
}


export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta(), contentSecurityPolicyHeader(), shippedEngineFiles(), precompressedBuild(), precompressedPreview()],
  define: {
    // A published dashboard is the ETL's bundle in public/data/, known at build time, so the app
    // opens it without probing for a file that usually is not there.
    __PUBLISHED_BUNDLE__: JSON.stringify(existsSync('public/data/manifest.json')),
  },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // The engine's .wasm files are large; they are served as files, never inlined.
    assetsInlineLimit: 0,
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
