import { CANONICAL, TABLE_KINDS, type CanonicalColumn, type TableKind } from '../domain/schema';
import { vocabularyKey } from '../domain/vocabulary';

/** canonical column name → export header it is read from (absent when the export lacks it). */
export type ColumnMapping = Readonly<Record<string, string>>;

function matches(column: CanonicalColumn, header: string): boolean {
  const key = vocabularyKey(header);
  return (
    key === vocabularyKey(column.name) ||
    column.en.some((h) => vocabularyKey(h) === key) ||
    column.de.some((h) => vocabularyKey(h) === key)
  );
}

/** Suggests which header feeds each canonical column; each header is used at most once. */
export function suggestMapping(kind: TableKind, headers: readonly string[]): ColumnMapping {
  const mapping: Record<string, string> = {};
  const used = new Set<string>();
  for (const column of CANONICAL[kind]) {
    const header = headers.find((h) => !used.has(h) && matches(column, h));
    if (header !== undefined) {
      mapping[column.name] = header;
      used.add(header);
    }
  }
  return mapping;
}

/** Canonical column → constant text given for every row (a file of MQLs: stage = "mql"). */
export type ColumnConstants = Readonly<Record<string, string>>;

/** Required columns of the kind that neither a header nor a constant supplies. */
export function missingRequired(kind: TableKind, mapping: ColumnMapping, constants: ColumnConstants = {}): string[] {
  return CANONICAL[kind].filter((c) => c.required && mapping[c.name] === undefined && constants[c.name] === undefined).map((c) => c.name);
}

/**
 * Recognises a file's table from its headers: the kind whose required columns are all present
 * and which explains the most headers (ties: the share of its columns explained). Null when no
 * kind's required columns are there.
 */
export function detectTableKind(headers: readonly string[]): TableKind | null {
  let best: { kind: TableKind; explained: number; share: number } | null = null;
  for (const kind of TABLE_KINDS) {
    const mapping = suggestMapping(kind, headers);
    if (missingRequired(kind, mapping).length > 0) continue;
    const explained = Object.keys(mapping).length;
    const share = explained / CANONICAL[kind].length;
    if (!best || explained > best.explained || (explained === best.explained && share > best.share)) best = { kind, explained, share };
  }
  return best?.kind ?? null;
}

/** The mapping without the columns a (non-blank) constant fills: their headers are not read for them. */
export function readMapping(mapping: ColumnMapping, constants: ColumnConstants = {}): ColumnMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([column]) => !constants[column]?.trim()));
}

/** The file's headers no column is read from (kept as extra columns): one a constant replaces included. */
export function unusedHeaders(headers: readonly string[], mapping: ColumnMapping, constants: ColumnConstants = {}): string[] {
  const read = new Set(Object.values(readMapping(mapping, constants)));
  return headers.filter((h) => !read.has(h));
}

/** Names DuckDB treats as one (identifiers are case-insensitive there). */
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The file's columns the mapping does not use, kept under their own header as extra attributes.
 * A header that is also a canonical column's name, or our row columns', is kept as "<header> (export)".
 */
export function extraColumns(kind: TableKind, headers: readonly string[], mapping: ColumnMapping): { header: string; name: string }[] {
  const used = new Set(Object.values(mapping));
  const taken = [...CANONICAL[kind].map((c) => c.name), '_source', '_line'];
  const extras: { header: string; name: string }[] = [];
  for (const header of headers) {
    if (used.has(header) || header.trim() === '') continue;
    let name = header.trim();
    while (taken.some((t) => sameName(t, name)) || extras.some((e) => sameName(e.name, name))) name = `${name} (export)`;
    extras.push({ header, name });
  }
  return extras;
}

/**
 * A short, stable name for an export's layout: the same headers in the same order give the same
 * signature, whatever the rows. FNV-1a over the normalised headers; collisions only cost a wrong
 * pre-filled mapping, which the user sees before importing.
 */
export function headerSignature(headers: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const char of headers.map(vocabularyKey).join('\u0001')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${headers.length}-${hash.toString(36)}`;
}
