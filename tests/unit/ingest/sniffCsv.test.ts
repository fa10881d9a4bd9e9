import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffCsv } from '../../../src/ingest/sniffCsv';

const REPO = path.resolve(import.meta.dirname, '../../..');
const head = (file: string, encoding = 'utf8') => iconv.decode(readFileSync(path.join(REPO, file)).subarray(0, 64 * 1024), encoding);

describe('sniffCsv on the sample exports', () => {
  it('reads the English export: comma', () => {
    const sniff = sniffCsv(head('data-samples/en/leads.csv'));
    expect(sniff.delimiter).toBe(',');
    expect(sniff.headers[0]).toBe('Lead ID');
  });

  it('reads the German export: semicolon, umlauts in headers', () => {
    const sniff = sniffCsv(head('data-samples/de/deals.csv', 'win1252'));
    expect(sniff.delimiter).toBe(';');
    expect(sniff.headers).toContain('Währung');
  });

  it('keeps quoted delimiters and line breaks inside one cell', () => {
    const sniff = sniffCsv('a;b;c\n"x; y";"line\nbreak";3\n1;2;3\n');
    expect(sniff.delimiter).toBe(';');
    expect(sniff.preview).toEqual([
      ['x; y', 'line\nbreak', '3'],
      ['1', '2', '3'],
    ]);
  });

  it('detects tab and pipe', () => {
    expect(sniffCsv('a\tb\n1\t2\n').delimiter).toBe('\t');
    expect(sniffCsv('a|b\n1|2\n').delimiter).toBe('|');
  });

  it('drops a record cut off by the end of the head', () => {
    expect(sniffCsv('a,b\n1,2\n3,4').preview).toEqual([['1', '2']]);
  });
});
