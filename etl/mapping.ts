import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CANONICAL, TABLE_KINDS, type TableKind } from '../src/domain/schema';
import { missingRequired, type ColumnMapping } from '../src/ingest/headerMapping';
import { EtlError } from './errors';

/** What a mapping file says about one export: its table and/or its complete column mapping. */
export interface FileMapping {
  readonly kind?: TableKind;
  /** canonical column → header of the file; replaces the suggestion, so it lists every column to load. */
  readonly columns?: ColumnMapping;
}

/** Export file name (no folder) → what to do with it. */
export type MappingFile = Readonly<Record<string, FileMapping>>;

export const MAPPING_EXAMPLE = '{ "leads-2025-01.csv": { "kind": "leads", "columns": { "lead_id": "Nr", "created_at": "Datum", "medium": "Quelle", "stage": "Status" } } }';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a parsed mapping file. Every problem is an EtlError whose message starts with the mapping
 * file's name and says which entry is wrong and how.
 */
export function parseMapping(json: unknown, label: string): MappingFile {
  const fail = (problem: string): never => {
    throw new EtlError(`${label}: ${problem}`);
  };
  if (!isObject(json)) fail(`expected an object of export file names, e.g. ${MAPPING_EXAMPLE}`);
  const result: Record<string, FileMapping> = {};
  for (const [fileName, entry] of Object.entries(json as Record<string, unknown>)) {
    const at = `"${fileName}"`;
    if (fileName !== path.basename(fileName) || fileName === '') fail(`${at}: use the export's file name without a folder`);
    if (!isObject(entry)) fail(`${at} must be an object with "kind" and/or "columns"`);
    const { kind, columns, ...rest } = entry as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length) fail(`${at} has an unknown key "${extra[0]}" (allowed: kind, columns)`);
    if (kind !== undefined && !TABLE_KINDS.includes(kind as TableKind)) fail(`${at}: kind ${JSON.stringify(kind)} is not one of ${TABLE_KINDS.join(', ')}`);
    const mapping: FileMapping = kind === undefined ? {} : { kind: kind as TableKind };
    if (columns !== undefined) {
      if (kind === undefined) fail(`${at}: "columns" needs "kind" (the canonical columns depend on the table)`);
      if (!isObject(columns)) fail(`${at}: "columns" must be an object of canonical column → file header`);
      const known = CANONICAL[kind as TableKind].map((c) => c.name);
      for (const [column, header] of Object.entries(columns as Record<string, unknown>)) {
        if (!known.includes(column)) fail(`${at}: "${column}" is not a column of ${String(kind)} (columns: ${known.join(', ')})`);
        if (typeof header !== 'string' || header === '') fail(`${at}: columns."${column}" must be a file header (a non-empty string)`);
      }
      const missing = missingRequired(kind as TableKind, columns as ColumnMapping);
      if (missing.length) fail(`${at}: "columns" lacks the required ${missing.join(', ')} (the mapping replaces the suggested one, so list every column to load)`);
      Object.assign(mapping, { columns: { ...(columns as ColumnMapping) } });
    }
    result[fileName] = mapping;
  }
  return result;
}

/** Reads and checks a mapping file; every failure names the file. */
export function readMappingFile(file: string): MappingFile {
  const label = file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new EtlError(`${label}: cannot read the mapping file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new EtlError(`${label}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseMapping(json, label);
}
