import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';

export interface BuiltPage {
  readonly outDir: string;
  /** Every emitted file, relative to outDir. */
  readonly files: string[];
}

/**
 * Builds a bench page (index.html + its modules) with Vite into a temp folder, independently of
 * the app's vite.config.ts. `?url` imports (duckdb-wasm's .wasm and worker files) become files.
 */
export async function buildPage(root: string): Promise<BuiltPage> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'leadloop-bench-page-'));
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, chunkSizeWarningLimit: 10_000 },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  });
  const files = (readdirSync(outDir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/'));
  return { outDir, files };
}

/** Throws unless the build holds a file matching every pattern (e.g. the engine's wasm and workers). */
export function assertEmitted(page: BuiltPage, patterns: readonly RegExp[]): void {
  const missing = patterns.filter((p) => !page.files.some((f) => p.test(f)));
  if (missing.length > 0) throw new Error(`bench page build lacks ${missing.join(', ')}; emitted: ${page.files.join(', ')}`);
}
