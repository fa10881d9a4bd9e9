/** Shared helpers of the sample-data tests: generate into a temp dir, read files back by canonical column. */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { CANONICAL, TABLE_KINDS, type TableKind } from '../../../src/domain/schema';
import { canonicalValue } from '../../../src/domain/vocabulary';
import { generateSamples, type GenerateOptions, type GenerateSummary } from '../../../data-samples/generator/run';
import type { StyleName } from '../../../data-samples/generator/styles';

export const SAMPLES_DIR = fileURLToPath(new URL('../../../data-samples', import.meta.url));
export const TODAY_ISO = '2026-11-15';

/** Every canonical column name of the four tables (rows carry the ones of their table; others read as undefined). */
export type Column =
  | 'lead_id' | 'created_at' | 'medium' | 'campaign_id' | 'company' | 'contact_name' | 'email' | 'phone' | 'country'
  | 'region' | 'industry' | 'owner' | 'sales_unit' | 'channel' | 'partner_name' | 'stage' | 'mql_at' | 'sql_at'
  | 'opportunity_at' | 'closed_at' | 'first_contact_at' | 'last_activity_at' | 'amount' | 'lead_score' | 'disqualify_reason'
  | 'deal_id' | 'currency' | 'outcome' | 'product'
  | 'name' | 'start_date' | 'end_date' | 'cost' | 'planned_leads'
  | 'period' | 'revenue_target';
export type Row = Readonly<Record<Column, string>>;

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'leadloop-samples-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function generate(outDir: string, options: Partial<Omit<GenerateOptions, 'outDir'>> = {}): Promise<GenerateSummary> {
  return generateSamples({ seed: 42, leads: 20_000, styles: ['en', 'de'], ...options, outDir });
}

export function fileOf(dir: string, style: StyleName, kind: TableKind): string {
  return join(dir, style, `${kind}.csv`);
}

export async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** sha256 of every <style>/<table>.csv under dir. */
export async function hashes(dir: string, styles: readonly StyleName[] = ['en', 'de']): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const style of styles) for (const kind of TABLE_KINDS) out[`${style}/${kind}`] = await sha256(fileOf(dir, style, kind));
  return out;
}

export async function decodedText(dir: string, style: StyleName, kind: TableKind): Promise<string> {
  const bytes = await readFile(fileOf(dir, style, kind));
  return style === 'de' ? iconv.decode(bytes, 'win1252') : bytes.toString('utf8');
}

/** Raw cells, header row first. */
export async function readCells(dir: string, style: StyleName, kind: TableKind): Promise<string[][]> {
  const text = await decodedText(dir, style, kind);
  const parsed = Papa.parse<string[]>(text, {
    delimiter: style === 'de' ? ';' : ',',
    newline: style === 'de' ? '\r\n' : '\n',
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) throw new Error(`${style}/${kind}: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data;
}

/** Rows keyed by canonical column name (headers mapped through CANONICAL en[0] / de[0]). */
export async function readTable(dir: string, style: StyleName, kind: TableKind): Promise<Row[]> {
  const [header, ...body] = await readCells(dir, style, kind);
  const names = header!.map((h) => {
    const column = CANONICAL[kind].find((c) => (style === 'en' ? c.en[0] : c.de[0]) === h);
    if (!column) throw new Error(`unexpected header ${h} in ${style}/${kind}`);
    return column.name;
  });
  return body.map((cells) => Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ''])) as Row);
}

/** en-style text of a de date "dd.mm.yyyy" (empty stays empty). */
export function isoFromGerman(value: string): string {
  if (value === '') return '';
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  if (!m) throw new Error(`not a German date: ${value}`);
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** en-style text of a de number "148.577,34" → "148577.34". */
export function plainFromGerman(value: string): string {
  if (value === '') return '';
  if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(value)) throw new Error(`not a German number: ${value}`);
  return value.replace(/\./g, '').replace(',', '.');
}

/** Deal outcome → canonical. There is no 'outcome' vocabulary; the stage vocabulary covers Won/Lost, Open→lead. */
export function canonicalOutcome(raw: string): string | null {
  const v = canonicalValue('stage', raw);
  return v === 'won' ? 'won' : v === 'lost' ? 'lost' : v === 'lead' ? 'open' : v;
}

/** A cell in canonical form: vocabulary values canonicalised, others as written. */
export function canonicalCell(column: string, raw: string): string | null {
  if (column === 'medium') return canonicalValue('medium', raw);
  if (column === 'stage') return canonicalValue('stage', raw);
  if (column === 'channel') return canonicalValue('channel', raw);
  if (column === 'outcome') return canonicalOutcome(raw);
  return raw;
}

export function groupCount<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return m;
}
