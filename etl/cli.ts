import path from 'node:path';
import { parseArgs } from 'node:util';
import { ExportError } from '../src/services/exportError';
import { EtlCancelled, EtlError } from './errors';
import { MARKDOWN_REJECTS_LIMIT, rejectsFileName } from './report';
import { RULE_REASONS } from '../src/domain/quality/reasons';
import { runEtl, type EtlProgress, type EtlResult } from './run';

const USAGE = `Usage: npm run etl -- <files or folders…> --out <dir> [--mapping <mapping.json>] [--quality <rules.json>] [--allow-rejects]

Imports CRM exports (leads, deals, campaigns, targets: CSV/TSV/TXT, German or English Excel style)
with the app's own import and writes a bundle the app can load:
  <table>.parquet        one per table loaded, zstd; every row keeps _source (export) and _line
  manifest.json          tables (rows, bytes, sha256, columns) and exports (detection, counts, mapping)
  report.json            every export's full import report: all rejects and repairs
  report.md              the same to read (at most ${MARKDOWN_REJECTS_LIMIT} rejects listed per export)
  <export>.rejects.csv   every rejected line of an export that has any

Options:
  -o, --out <dir>        output folder: new, empty, or an earlier bundle (it is replaced as a whole)
  -q, --quality <file>   JSON, the team's data-quality rules for the report and the dashboard:
                         {"deadFileDays": 14, "off": ["phone_missing"], "weights": {"email_missing": 3},
                          "dimensions": {"timeliness": 2}}
  -m, --mapping <file>   JSON, per export file name: {"kind": "leads", "columns": {"lead_id": "Nr", …},
                         "constants": {"stage": "mql"}, "values": {"stage": {"1": "won"}},
                         "placeholders": ["Select"], "currency": "USD",
                         "dateRange": {"from": "1990-01-01", "to": "2030-12-31"}}; a lookup:
                         {"kind": "lookup", "key": {"owner": "sales_agent"}}. "columns" replaces the
                         suggested mapping, so it lists every column to load (see the README).
      --allow-rejects    load exports that reject more than 20 % of their rows, load none, or
                         empty most of a column (without it such an export stops the run, exit 1)
  -h, --help             show this text

A folder means its .csv, .tsv, .txt and .xlsx files. Exports of the same table (January and
February leads) are appended in order; ids found in more than one export are reported, not merged.
A file that is no table (sales agent → manager, account → sector) is loaded as a lookup of the
leads, keyed on the column that matches a lead column; its columns become lead dimensions.
Exit codes: 0 bundle written (rejected rows are reported, never fatal), 1 unusable input,
2 wrong arguments, 130 cancelled.`;

const integer = new Intl.NumberFormat('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 ** 2).toFixed(1)} MiB`);
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');

function progress(event: EtlProgress): void {
  const tty = process.stderr.isTTY;
  if (event.type === 'file-start') {
    process.stderr.write(`[${event.index + 1}/${event.count}] ${event.file} …${tty ? '' : '\n'}`);
  } else if (event.type === 'file-done') {
    const { report } = event;
    process.stderr.write(
      `${tty ? '\r\x1b[K' : ''}[${event.index + 1}/${event.count}] ${event.file} → ${report.kind}: ` +
        `${integer.format(report.rowsLoaded)} rows loaded, ${integer.format(report.rowsRejected)} rejected (${seconds(event.ms)})\n`,
    );
  } else if (event.type === 'lookup-done') {
    const { report } = event;
    process.stderr.write(
      `${tty ? '\r\x1b[K' : ''}[${event.index + 1}/${event.count}] ${event.file} → lookup on ${report.leadColumn} = ${report.column}: ` +
        `${integer.format(report.rowsLoaded)} rows, ${integer.format(report.unmatched)} of ${integer.format(report.leadValues)} lead values without a match (${seconds(event.ms)})\n`,
    );
  } else {
    process.stderr.write(`writing the bundle …\n`);
  }
}

function summary({ outDir, manifest, report, ms }: EtlResult): string {
  const lines = [`Bundle written to ${outDir} in ${seconds(ms)}`];
  const entries = Object.entries(manifest.tables);
  const width = Math.max(...entries.map(([kind]) => kind.length));
  for (const [kind, table] of entries) {
    const copy = table.arrow ? ` and ${table.arrow.file} (${size(table.arrow.bytes)})` : '';
    lines.push(`  ${kind.padEnd(width)}  ${integer.format(table.rows).padStart(12)} rows  ${table.file} (${size(table.bytes)})${copy} from ${table.sources.join(', ')}`);
  }
  const withRejects = report.files.filter((f) => f.rowsRejected > 0);
  const rejected = withRejects.reduce((sum, f) => sum + f.rowsRejected, 0);
  lines.push(
    rejected === 0
      ? '  No rows rejected.'
      : `  ${integer.format(rejected)} rows rejected in ${withRejects.length} of ${report.files.length} exports: see report.md and ${withRejects.map((f) => rejectsFileName(f.fileName)).join(', ')}`,
  );
  if (report.sharedKeys.length) lines.push(`  ${integer.format(report.sharedKeys.length)} ids occur in more than one export of the same table (kept, see report.md)`);
  if (report.unusedMappings.length) lines.push(`  The mapping file names exports that were not given: ${report.unusedMappings.join(', ')}`);
  const q = report.quality;
  if (q) {
    const problems = q.problems.map((p) => `${RULE_REASONS[p.rule]} ${integer.format(p.leads)}`).join(', ');
    lines.push(`  Data quality: average score ${q.score === null ? '–' : q.score.toFixed(1)}, ${integer.format(q.flagged)} of ${integer.format(q.leads)} leads with a problem (${problems || 'none'}), ${integer.format(q.duplicateClusters)} duplicate clusters`);
  }
  const f = report.figures;
  if (f) {
    const pct = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(1)} %`);
    const revenue = f.revenue === null ? 'unknown' : `${integer.format(Math.round(f.revenue))}${f.currency ? ` ${f.currency}` : ''}`;
    lines.push(`  Figures: ${integer.format(f.leads)} leads, ${integer.format(f.won)} won (${pct(f.leadToWon)}), win rate ${pct(f.winRate)}, revenue ${revenue} (report.md)`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, mapping: { type: 'string', short: 'm' }, quality: { type: 'string', short: 'q' }, 'allow-rejects': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    process.stderr.write(`etl: ${oneLine(error instanceof Error ? error.message : String(error))} (see --help)\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!args.values.out) {
    process.stderr.write('etl: --out <dir> is required (see --help)\n');
    return 2;
  }

  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    process.stderr.write('\ncancelling after the current step (Ctrl+C again to stop at once) …\n');
  };
  process.on('SIGINT', onSigint);
  try {
    const result = await runEtl({
      inputs: args.positionals,
      outDir: path.resolve(args.values.out),
      ...(args.values.mapping ? { mappingFile: args.values.mapping } : {}),
      ...(args.values.quality ? { qualityFile: args.values.quality } : {}),
      allowRejects: args.values['allow-rejects'] === true,
      onProgress: progress,
      signal: controller.signal,
    });
    process.stdout.write(summary(result));
    return 0;
  } catch (error) {
    if (error instanceof EtlCancelled) {
      process.stderr.write(`etl: ${error.message}\n`);
      return 130;
    }
    const message = error instanceof Error ? error.message : String(error);
    const known = error instanceof EtlError || error instanceof ExportError;
    process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}etl: ${known ? '' : 'failed: '}${oneLine(message)}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

process.exitCode = await main(process.argv.slice(2));
