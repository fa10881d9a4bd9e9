import path from 'node:path';
import { openNativeDb } from '../../../src/db/nativeNode';
import { openCutWasmNodeDb } from '../../support/nodeEngine';
import type { Db } from '../../../src/db/types';
import type { TableKind } from '../../../src/domain/schema';
import { nodeCodec, nodeInput } from '../../../etl/nodeCodec';
import { importCsv } from '../../../src/services/importCsv';

export const ENGINES: readonly { name: string; open: () => Promise<Db> }[] = [
  { name: 'duckdb-wasm (the browser build)', open: openCutWasmNodeDb },
  { name: 'native duckdb (the ETL)', open: () => openNativeDb({ threads: 2 }) },
];

export const REPO = path.resolve(import.meta.dirname, '../../..');

/** Imports CSV exports, given as kind → path relative to the repo. */
export async function loadEnglish(db: Db, files: Partial<Record<TableKind, string>>): Promise<void> {
  for (const [kind, file] of Object.entries(files) as [TableKind, string][]) {
    await importCsv(db, nodeInput(path.join(REPO, file), kind), nodeCodec);
  }
}
