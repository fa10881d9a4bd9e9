import { createReadStream } from 'node:fs';
import type { TextCodec } from '../../../src/services/importCsv';
import { CsvScanner, scanCsvHead } from '../../../src/ingest/csvScan';

/**
 * A codec with the browser codec's scan, for native DuckDB in the bench: the import then takes the
 * same path as in the browser (a Windows-1252 file without bytes 0x80–0x9F read as latin-1, careful
 * steps only where the scan calls for them), so the two engines are compared on the same work. The
 * ETL's codec (no scan; the whole file transcoded by iconv-lite) is measured apart.
 */
export function withScan(codec: TextCodec): TextCodec {
  return {
    ...codec,
    scan(source, head, delimiter, encoding) {
      const utf8 = encoding === 'utf-8';
      const file = (async () => {
        const scanner = new CsvScanner(delimiter, utf8);
        if (source.kind === 'bytes') scanner.push(source.bytes);
        else if (source.kind === 'path') for await (const chunk of createReadStream(source.path, { highWaterMark: 8 << 20 }) as AsyncIterable<Buffer>) scanner.push(chunk);
        else throw new Error(`cannot scan a ${source.kind} source`);
        return scanner.finish();
      })();
      return { head: scanCsvHead(head, delimiter, utf8), file };
    },
  };
}
