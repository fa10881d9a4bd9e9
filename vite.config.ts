import react from '@vitejs/plugin-react';
import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
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

export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta(), contentSecurityPolicyHeader()],
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
