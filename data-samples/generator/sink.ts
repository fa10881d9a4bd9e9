/**
 * Streams CSV rows to disk in chunks: each formatted row is encoded straight into a ~1 MB buffer,
 * which is handed to the write stream when full; the producer waits for 'drain' when the stream
 * is saturated, so memory stays bounded however many rows are written.
 * Files are written as <name>.tmp and renamed when complete, so an interrupted run never leaves a
 * half-written sample behind.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import type { TableKind } from '../../src/domain/schema';
import type { Cell } from './leads';
import { tableFormat, type ExportStyle, type TableFormat } from './styles';

const CHUNK_BYTES = 1 << 20;

export class CsvSink {
  rows = 0;
  bytes = 0;
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private readonly format: TableFormat;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  private constructor(
    readonly path: string,
    readonly style: ExportStyle,
    kind: TableKind,
  ) {
    this.format = tableFormat(kind, style);
    this.stream = createWriteStream(`${path}.tmp`);
    this.stream.on('error', (e) => {
      this.failure = e;
    });
    this.push(this.format.headerLine);
  }

  static async open(path: string, style: ExportStyle, kind: TableKind): Promise<CsvSink> {
    await mkdir(dirname(path), { recursive: true });
    return new CsvSink(path, style, kind);
  }

  /** Encodes text into the current chunk; returns true when the chunk is full and should be flushed. */
  private push(text: string): boolean {
    const worst = text.length * 3;
    if (this.used + worst > this.buffer.length) {
      // Rare: a single line larger than the chunk. Grow this chunk.
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + worst));
      this.buffer.copy(bigger, 0, 0, this.used);
      this.buffer = bigger;
    }
    this.used += this.style.encodeInto(text, this.buffer, this.used);
    return this.used + 4096 > this.buffer.length;
  }

  /** Adds a row; returns a promise only when the caller must wait for the disk. */
  write(row: Readonly<Record<string, Cell>>): Promise<void> | null {
    this.rows += 1;
    return this.push(this.format.formatRow(row)) ? this.flush() : null;
  }

  private flush(): Promise<void> | null {
    if (this.failure) return Promise.reject(this.failure);
    if (this.used === 0) return null;
    const chunk = this.buffer.subarray(0, this.used);
    // The stream keeps the chunk until it is on disk: continue in a fresh buffer.
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    this.bytes += chunk.length;
    if (this.stream.write(chunk)) return null;
    return once(this.stream, 'drain').then(() => undefined);
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
    await rename(`${this.path}.tmp`, this.path);
  }

  /** Stops writing and removes the partial file. */
  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(`${this.path}.tmp`, { force: true });
  }
}

/** One table written in several styles at once (same rows, same order). */
export class TableSinks {
  private constructor(private readonly sinks: readonly CsvSink[]) {}

  static async open(dir: (style: ExportStyle) => string, styles: readonly ExportStyle[], kind: TableKind): Promise<TableSinks> {
    const sinks: CsvSink[] = [];
    for (const style of styles) sinks.push(await CsvSink.open(join(dir(style), `${kind}.csv`), style, kind));
    return new TableSinks(sinks);
  }

  get rows(): number {
    return this.sinks[0]?.rows ?? 0;
  }

  bytesBy(style: ExportStyle): number | null {
    return this.sinks.find((s) => s.style === style)?.bytes ?? null;
  }

  get all(): readonly CsvSink[] {
    return this.sinks;
  }

  write(row: Readonly<Record<string, Cell>>): Promise<unknown> | null {
    let pending: Promise<void>[] | null = null;
    for (const sink of this.sinks) {
      const p = sink.write(row);
      if (p) (pending ??= []).push(p);
    }
    return pending ? Promise.all(pending) : null;
  }

  async close(): Promise<void> {
    for (const sink of this.sinks) await sink.close();
  }

  async abort(): Promise<void> {
    for (const sink of this.sinks) await sink.abort();
  }
}
