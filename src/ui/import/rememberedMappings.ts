import type { TableKind } from '../../domain/schema';
import type { ColumnConstants, ColumnMapping } from '../../ingest/headerMapping';
import type { ValueMapping } from '../../services/importCsv';
import type { LookupKey } from '../../services/lookups';

/**
 * The user's column and value mappings, remembered per export layout (header signature) in
 * localStorage, so next month's export of the same report imports with one click.
 */
export interface RememberedMapping {
  readonly kind: TableKind | 'lookup';
  readonly mapping: ColumnMapping;
  readonly values: ValueMapping;
  readonly constants?: ColumnConstants;
  readonly placeholders?: readonly string[];
  readonly currency?: string;
  readonly lookupKey?: LookupKey;
  readonly savedAt: string;
}

const KEY = 'leadloop.mappings.v1';

function readAll(): Record<string, RememberedMapping> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, RememberedMapping>) : {};
  } catch {
    return {};
  }
}

export function recallMapping(signature: string): RememberedMapping | null {
  const remembered = readAll()[signature];
  return remembered && typeof remembered.kind === 'string' && typeof remembered.mapping === 'object' ? remembered : null;
}

export function rememberMapping(signature: string, remembered: Omit<RememberedMapping, 'savedAt'>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...readAll(), [signature]: { ...remembered, savedAt: new Date().toISOString() } }));
  } catch {
    // Storage full or disabled: the mapping is simply not remembered.
  }
}

export function forgetMappings(): void {
  localStorage.removeItem(KEY);
}
