import path from 'node:path';
import { openNativeDb } from '../../../src/db/nativeNode';
import { openWasmNodeDb } from '../../../src/db/wasmNode';
import type { Db } from '../../../src/db/types';
import type { TableKind } from '../../../src/domain/schema';
import { loadCsvExport } from '../../../src/services/loadExport';
import { ENGLISH_CSV } from '../../../src/sql/load';

export const ENGINES: readonly { name: string; open: () => Promise<Db> }[] = [
  { name: 'duckdb-wasm (the browser build)', open: openWasmNodeDb },
  { name: 'native duckdb (the ETL)', open: () => openNativeDb({ threads: 2 }) },
];

export const REPO = path.resolve(import.meta.dirname, '../../..');

/** Loads English-style CSV exports, given as kind → path relative to the repo. */
export async function loadEnglish(db: Db, files: Partial<Record<TableKind, string>>): Promise<void> {
  for (const [kind, file] of Object.entries(files) as [TableKind, string][]) {
    await loadCsvExport(db, kind, path.basename(file), { kind: 'path', path: path.join(REPO, file) }, ENGLISH_CSV);
  }
}
