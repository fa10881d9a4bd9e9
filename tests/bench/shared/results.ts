import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type ResultValue = number | string | null;
export type Results = Record<string, ResultValue>;

/** tests/bench/results (git-ignored). */
export const RESULTS_DIR = path.resolve(import.meta.dirname, '../results');

/** Writes tests/bench/results/<name>.json and returns its path. */
export function writeResults(name: string, results: Results): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  return file;
}

/** One line "bench <name>: key=value …"; missing values print as n/a, strings with spaces are quoted. */
export function resultLine(name: string, results: Results): string {
  const format = (v: ResultValue) => (v === null ? 'n/a' : typeof v === 'string' && /[\s"=]/.test(v) ? JSON.stringify(v) : String(v));
  return `bench ${name}: ${Object.entries(results)
    .map(([k, v]) => `${k}=${format(v)}`)
    .join(' ')}`;
}

/** A plain text table: first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
