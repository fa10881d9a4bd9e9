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

export function missingRequired(kind: TableKind, mapping: ColumnMapping): string[] {
  return CANONICAL[kind].filter((c) => c.required && mapping[c.name] === undefined).map((c) => c.name);
}

/**
 * Recognises a file's table from its headers: the kind whose required columns are all present
 * and which explains the most headers. Null when no kind's required columns are there.
 */
export function detectTableKind(headers: readonly string[]): TableKind | null {
  let best: { kind: TableKind; score: number } | null = null;
  for (const kind of TABLE_KINDS) {
    const mapping = suggestMapping(kind, headers);
    if (missingRequired(kind, mapping).length > 0) continue;
    const score = Object.keys(mapping).length / CANONICAL[kind].length;
    if (!best || score > best.score) best = { kind, score };
  }
  return best?.kind ?? null;
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
