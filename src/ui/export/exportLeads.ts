import { toRows, type Row } from '../../db/arrowRows';
import type { Db } from '../../db/types';
import { explorerPageSql, type ExplorerFilterOptions, type ExplorerSort } from '../../sql/explorer';
import type { ExportSink } from './exportSink';

export interface LeadsExportQuery extends ExplorerFilterOptions {
  readonly columns: readonly string[];
  readonly sort: readonly ExplorerSort[];
}

export interface ExportOptions {
  readonly signal?: AbortSignal;
  /** Rows written so far. */
  readonly onProgress?: (rows: number) => void;
  readonly chunkSize?: number;
}

export const EXPORT_CHUNK_ROWS = 50_000;

/** Lets the page paint (the progress bar) and handle input between two chunks. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The listed leads in chunks, in the explorer's order, straight from the Db: the coordinator would
 * cache every chunk of a big export. The order is total (see explorerOrderBy), so LIMIT/OFFSET
 * chunks neither overlap nor skip.
 */
export async function* leadChunks(db: Db, query: LeadsExportQuery, chunkSize = EXPORT_CHUNK_ROWS, signal?: AbortSignal): AsyncGenerator<Row[]> {
  for (let offset = 0; ; offset += chunkSize) {
    signal?.throwIfAborted();
    const rows = toRows(await db.query(explorerPageSql({ ...query, limit: chunkSize, offset })));
    signal?.throwIfAborted();
    yield rows;
    if (rows.length < chunkSize) return;
    await nextTask();
  }
}

/** Writes every listed lead into the sink, chunk by chunk, and returns the file. */
export async function exportLeads(db: Db, query: LeadsExportQuery, sink: ExportSink, options: ExportOptions = {}): Promise<Blob> {
  try {
    let written = 0;
    for await (const rows of leadChunks(db, query, options.chunkSize, options.signal)) {
      sink.add(rows);
      written += rows.length;
      options.onProgress?.(written);
    }
    const file = await sink.finish();
    options.signal?.throwIfAborted();
    return file;
  } finally {
    sink.dispose();
  }
}
