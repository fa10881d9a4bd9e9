import { DataType, Dictionary, Int16, Int32, Int8, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';

/*
 * A bundle's Arrow copy is what a returning visitor's browser reads from its cache, hashes and hands
 * to the engine before the first live figure: every byte is on the start's critical path. Exports
 * repeat most of their texts (medium, owner, stage, country, the file name on every row), and Arrow
 * writes each repetition out in full. Dictionary-encoded, such a column is one small integer per row
 * and each text once; the engine reads it back as the same VARCHAR column.
 */

/** The IPC stream with each text column dictionary-encoded where that makes it smaller; other columns as they were. */
export function withTextDictionaries(ipcStream: Uint8Array): Uint8Array {
  const table = tableFromIPC(ipcStream);
  let changed = false;
  const columns: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name)!;
    const encoded = DataType.isUtf8(field.type) ? dictionaryEncoded(column as Vector<Utf8>) : null;
    columns[field.name] = encoded ?? column;
    changed ||= encoded !== null;
  }
  return changed ? tableToIPC(new Table(columns), 'stream') : ipcStream;
}

/** The column as indices into its distinct texts, or null when that would not be smaller. */
function dictionaryEncoded(column: Vector<Utf8>): Vector | null {
  const values: (string | null)[] = [...column];
  const distinct = new Set<string>();
  for (const value of values) if (value !== null) distinct.add(value);
  const index = distinct.size < 2 ** 7 ? new Int8() : distinct.size < 2 ** 15 ? new Int16() : new Int32();
  // From the offsets: a chunk's buffers may be padded beyond what the stream writes.
  const plainBytes = column.data.reduce((sum, chunk) => sum + (chunk.length + 1) * 4 + chunk.valueOffsets[chunk.offset + chunk.length]! - chunk.valueOffsets[chunk.offset]!, 0);
  let dictionaryBytes = values.length * index.bitWidth / 8 + (distinct.size + 1) * 4;
  for (const text of distinct) dictionaryBytes += Buffer.byteLength(text);
  return dictionaryBytes < plainBytes ? vectorFromArray(values, new Dictionary(new Utf8(), index)) : null;
}
