import { readJsonFile } from './jsonFile';
import path from 'node:path';
import { CANONICAL, TABLE_KINDS, type TableKind } from '../src/domain/schema';
import { dateRangeProblem, type DateRange } from '../src/domain/valueFormat';
import { missingRequired, type ColumnConstants, type ColumnMapping } from '../src/ingest/headerMapping';
import type { ValueMapping } from '../src/services/importCsv';
import { EtlError } from './errors';

/** What a mapping file says about one export: its table, columns, constants, values and more. Every key optional but `kind`. */
export interface FileMapping {
  /** A table of the data model, or a lookup joined onto the leads. */
  readonly kind?: TableKind | 'lookup';
  /** canonical column → header of the file; replaces the suggestion, so it lists every column to load. */
  readonly columns?: ColumnMapping;
  /** canonical column → text every row gets (`stage` = `mql` for a file of MQLs). */
  readonly constants?: ColumnConstants;
  /** column → { raw value → value to store } (flags: `"stage": {"1": "won", "0": "lead"}`; merges: `"source": {"google": "Google"}`). */
  readonly values?: ValueMapping;
  /** Cell texts read as empty instead of the default list. */
  readonly placeholders?: readonly string[];
  /** ISO code of the amounts' currency where the file has no currency column. */
  readonly currency?: string;
  /** The plausible dates, yyyy-mm-dd, both included (default 1990-01-01 … today + 1 year): a date outside is flagged, not loaded. */
  readonly dateRange?: DateRange;
  /** A lookup's key: `{ "<lead column>": "<header of the lookup file>" }`. */
  readonly key?: Readonly<Record<string, string>>;
}

/** Export file name (no folder) → what to do with it. */
export type MappingFile = Readonly<Record<string, FileMapping>>;

export const MAPPING_EXAMPLE = '{ "leads-2025-01.csv": { "kind": "leads", "columns": { "lead_id": "Nr", "created_at": "Datum", "medium": "Quelle", "stage": "Status" } } }';

const KEYS = ['kind', 'columns', 'constants', 'values', 'placeholders', 'currency', 'dateRange', 'key'] as const;

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
    const { kind, columns, constants, values, placeholders, currency, dateRange, key, ...rest } = entry as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length) fail(`${at} has an unknown key "${extra[0]}" (allowed: ${KEYS.join(', ')})`);
    if (kind !== undefined && kind !== 'lookup' && !TABLE_KINDS.includes(kind as TableKind)) fail(`${at}: kind ${JSON.stringify(kind)} is not one of ${[...TABLE_KINDS, 'lookup'].join(', ')}`);
    const mapping: Record<string, unknown> = kind === undefined ? {} : { kind };
    const needsTable = (name: string) => {
      if (kind === undefined || kind === 'lookup') fail(`${at}: "${name}" needs "kind" to be a table (the canonical columns depend on it)`);
      return CANONICAL[kind as TableKind].map((c) => c.name);
    };
    const stringRecord = (value: unknown, name: string, what: string): Record<string, string> => {
      if (!isObject(value)) return fail(`${at}: "${name}" must be an object of ${what}`);
      const expected = name === 'columns' || name === 'key' ? 'a file header (a non-empty string)' : 'a non-empty string';
      for (const [k, v] of Object.entries(value)) if (typeof v !== 'string' || (name !== 'values' && v === '')) fail(`${at}: ${name}."${k}" must be ${expected}`);
      return value as Record<string, string>;
    };
    if (columns !== undefined) {
      const known = needsTable('columns');
      const given = stringRecord(columns, 'columns', 'canonical column → file header');
      for (const column of Object.keys(given)) if (!known.includes(column)) fail(`${at}: "${column}" is not a column of ${String(kind)} (columns: ${known.join(', ')})`);
      mapping.columns = { ...given };
    }
    if (constants !== undefined) {
      const known = needsTable('constants');
      const given = stringRecord(constants, 'constants', 'canonical column → text every row gets');
      for (const column of Object.keys(given)) if (!known.includes(column)) fail(`${at}: constant "${column}" is not a column of ${String(kind)}`);
      mapping.constants = { ...given };
    }
    if (columns !== undefined) {
      const missing = missingRequired(kind as TableKind, columns as ColumnMapping, (constants ?? {}) as ColumnConstants);
      if (missing.length) fail(`${at}: "columns" lacks the required ${missing.join(', ')} (the mapping replaces the suggested one, so list every column to load)`);
    }
    if (values !== undefined) {
      if (!isObject(values)) fail(`${at}: "values" must be an object of column → { file value → value to store }`);
      const checked: Record<string, Record<string, string>> = {};
      for (const [column, map] of Object.entries(values as Record<string, unknown>)) checked[column] = { ...stringRecord(map, 'values', `"${column}": file value → value to store`) };
      mapping.values = checked;
    }
    if (placeholders !== undefined) {
      if (!Array.isArray(placeholders) || placeholders.some((p) => typeof p !== 'string')) fail(`${at}: "placeholders" must be a list of texts, e.g. ["Select", "n/a"]`);
      mapping.placeholders = [...(placeholders as string[])];
    }
    if (currency !== undefined) {
      if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) fail(`${at}: "currency" must be a three-letter ISO code such as "EUR" or "USD"`);
      mapping.currency = (currency as string).toUpperCase();
    }
    if (dateRange !== undefined) {
      const range = dateRange as Record<string, unknown>;
      if (!isObject(dateRange) || Object.keys(range).sort().join() !== 'from,to' || typeof range.from !== 'string' || typeof range.to !== 'string') {
        fail(`${at}: "dateRange" must be {"from": "yyyy-mm-dd", "to": "yyyy-mm-dd"}`);
      }
      const checked = { from: range.from as string, to: range.to as string };
      const problem = dateRangeProblem(checked);
      if (problem) fail(`${at}: ${problem}`);
      mapping.dateRange = checked;
    }
    if (key !== undefined || kind === 'lookup') {
      if (kind !== 'lookup') fail(`${at}: "key" is for "kind": "lookup"`);
      const given = key === undefined ? {} : stringRecord(key, 'key', 'lead column → header of the lookup file');
      if (key !== undefined && Object.keys(given).length !== 1) fail(`${at}: "key" names exactly one lead column and the lookup's header, e.g. {"owner": "sales_agent"}`);
      if (key !== undefined) mapping.key = { ...given };
    }
    result[fileName] = mapping as FileMapping;
  }
  return result;
}

/** Reads and checks a mapping file; every failure names the file. */
export function readMappingFile(file: string): MappingFile {
  return parseMapping(readJsonFile(file, 'the mapping file'), file);
}
