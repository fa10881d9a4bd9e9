import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import type { SqlQuery } from '../../domain/sqlQuery';
import type { LeadFilter } from '../../domain/leadFilter';
import type { ExplorerSort } from '../../sql/explorer';
import { useData } from '../data/DataContext';
import { downloadBlob } from '../export/download';
import { exportLeads } from '../export/exportLeads';
import { csvSink } from '../export/leadsCsv';
import { xlsxSink } from '../export/xlsxSink';
import { errorText } from '../../domain/errorText';

export type ExportFormat = 'csv' | 'xlsx';

export type ExportState =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly format: ExportFormat; readonly done: number }
  | { readonly state: 'failed'; readonly message: string };

export interface LeadExportRequest {
  readonly filter: LeadFilter;
  readonly columns: readonly string[];
  /** The extra and lookup columns lead_facts has (exported under their own headers). */
  readonly extraColumns: readonly string[];
  readonly sort: readonly ExplorerSort[];
  /** The leads to list from, where not lead_facts (ExplorerFilterOptions.from). */
  readonly from?: SqlQuery;
  /** Headers of the columns `from` adds, by name. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** A file name that says what and when: leads-2026-11-27.csv. */
const fileName = (format: ExportFormat) => `leads-${new Date().toISOString().slice(0, 10)}.${format}`;

/**
 * Exports every listed lead (not only the page) in chunks with progress; cancelled by the user or
 * when the explorer closes, so no download starts for a dialog that is gone.
 */
export function useLeadExport(request: LeadExportRequest): { exportState: ExportState; start(format: ExportFormat): void; cancel(): void } {
  const { coordinator } = useData();
  const [exportState, setExportState] = useState<ExportState>({ state: 'idle' });
  const running = useRef<AbortController | null>(null);
  const latest = useRef(request);
  useEffect(() => {
    latest.current = request;
  }, [request]);
  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(
    (format: ExportFormat) => {
      if (!coordinator || running.current) return;
      const controller = new AbortController();
      running.current = controller;
      setExportState({ state: 'running', format, done: 0 });
      const { filter, columns, extraColumns, sort, from, labels } = latest.current;
      const sink = format === 'csv' ? csvSink(columns, labels) : xlsxSink(columns, labels);
      exportLeads(coordinator.db, { filter, pipeline: DEFAULT_PIPELINE, columns, extraColumns, sort, ...(from ? { from } : {}) }, sink, {
        signal: controller.signal,
        onProgress: (done) => setExportState({ state: 'running', format, done }),
      })
        .then(
          (file) => {
            downloadBlob(fileName(format), file);
            setExportState({ state: 'idle' });
          },
          (error: unknown) => {
            if (controller.signal.aborted) setExportState({ state: 'idle' });
            else setExportState({ state: 'failed', message: errorText(error) });
          },
        )
        .finally(() => {
          running.current = null;
        });
    },
    [coordinator],
  );

  const cancel = useCallback(() => running.current?.abort(), []);
  return { exportState, start, cancel };
}
