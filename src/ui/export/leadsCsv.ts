import type { Row } from '../../db/arrowRows';
import { toSafeCsv } from '../../ingest/safeCsv';
import { exportCell } from '../explorer/cellValues';
import { columnKind, exportHeader } from '../explorer/explorerColumns';
import type { ExportSink } from './exportSink';

/**
 * Leads as CSV the Import page reads back as leads: English CRM headers, ISO dates, numbers with
 * '.', every text cell formula-safe. Built chunk by chunk; the parts become one Blob, never one
 * string, so a million rows need no single huge string.
 */
export function leadsCsvChunk(rows: readonly Row[], columns: readonly string[], first: boolean, labels: Readonly<Record<string, string>> = {}): string {
  const headers = columns.map((c) => labels[c] ?? exportHeader(c));
  // Papa ends a header without rows with a line break; every chunk here ends without one.
  if (rows.length === 0) return first ? toSafeCsv([], columns, { headers }).replace(/\r\n$/, '') : '';
  const kinds = columns.map(columnKind);
  const records = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, exportCell(kinds[i] ?? 'text', row[c] ?? null)])));
  return toSafeCsv(records, columns, { header: first, headers });
}

export function csvSink(columns: readonly string[], labels: Readonly<Record<string, string>> = {}): ExportSink {
  // The BOM lets Excel open UTF-8 with umlauts intact; our import reads it either way.
  const parts: string[] = ['\uFEFF'];
  let first = true;
  return {
    add(rows) {
      if (rows.length === 0 && !first) return;
      if (!first) parts.push('\r\n');
      parts.push(leadsCsvChunk(rows, columns, first, labels));
      first = false;
    },
    async finish() {
      if (first) parts.push(leadsCsvChunk([], columns, true, labels));
      parts.push('\r\n');
      return new Blob(parts, { type: 'text/csv;charset=utf-8' });
    },
    dispose() {
      parts.length = 0;
    },
  };
}
