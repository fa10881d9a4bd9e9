import type { Db } from '../../../src/db/types';
import type { TextCodec } from '../../../src/services/importCsv';

/** One timed call of the import: which statement (or codec step) and how long it took. */
export interface StepTiming {
  readonly step: string;
  readonly ms: number;
}

/** A short, stable name for a statement: its leading words, table names kept, values dropped. */
export function stepName(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  const m =
    /^(CREATE OR REPLACE (?:TEMP )?TABLE \w+|CREATE (?:TEMP )?TABLE \w+|DROP TABLE IF EXISTS \w+|DELETE FROM \w+|UPDATE \w+ SET [\w"]+|ALTER TABLE \w+ \w+|WITH \w+|SELECT .{0,40}?FROM \w+)/i.exec(text);
  return (m?.[1] ?? text.slice(0, 48)).replace(/SELECT .*FROM/i, (s) => (s.length > 48 ? `${s.slice(0, 40)}… FROM` : s));
}

/** Wraps a Db so every call is timed in order; `steps` holds the log. Queries run unchanged. */
export function timedDb(db: Db): Db & { steps: StepTiming[] } {
  const steps: StepTiming[] = [];
  const time = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      steps.push({ step, ms: performance.now() - start });
    }
  };
  return {
    engine: db.engine,
    steps,
    query: (q, options) => time(stepName(q.sql), () => db.query(q, options)),
    exclusive: (work) => db.exclusive(work),
    registerFile: (name, source) => time('registerFile', () => db.registerFile(name, source)),
    unregisterFile: (name) => time('unregisterFile', () => db.unregisterFile(name)),
    dropTable: (t) => time(`dropTable ${t}`, () => db.dropTable(t)),
    close: () => db.close(),
  };
}

/**
 * Wraps a codec so its transcoding and its scan are timed into `steps`. The scan runs beside
 * DuckDB's read of the file: its time is from its start to its answer, not time added to the import.
 */
export function timedCodec(codec: TextCodec, steps: StepTiming[]): TextCodec {
  const timed: TextCodec = {
    decode: (bytes, encoding) => codec.decode(bytes, encoding),
    convertWorkbook: (source) => codec.convertWorkbook(source),
    convertParquet: (source) => codec.convertParquet(source),
    async toUtf8(source, encoding, bomLength) {
      const start = performance.now();
      try {
        return await codec.toUtf8(source, encoding, bomLength);
      } finally {
        steps.push({ step: `toUtf8 (${encoding})`, ms: performance.now() - start });
      }
    },
  };
  const scan = codec.scan?.bind(codec);
  if (!scan) return timed;
  return {
    ...timed,
    scan(source, head, delimiter, encoding) {
      const start = performance.now();
      const scanned = scan(source, head, delimiter, encoding);
      const file = scanned.file.finally(() => steps.push({ step: 'scan (beside the read)', ms: performance.now() - start }));
      return { head: scanned.head, file };
    },
  };
}

/** Sums the timings per step name, in first-seen order (a statement run twice counts once, summed). */
export function sumSteps(steps: readonly StepTiming[]): StepTiming[] {
  const sums = new Map<string, number>();
  for (const { step, ms } of steps) sums.set(step, (sums.get(step) ?? 0) + ms);
  return [...sums].map(([step, ms]) => ({ step, ms }));
}
