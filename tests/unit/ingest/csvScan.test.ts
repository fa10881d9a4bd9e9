import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvScanner, scanCsv, scanCsvHead, type CsvScan } from '../../../src/ingest/csvScan';

const utf8 = (text: string) => new TextEncoder().encode(text);
const cp1252 = (text: string) => new Uint8Array(iconv.encode(text, 'win1252'));
const clean: CsvScan = { c1Bytes: false, lineBreakInCell: false, spaceAtCellEdge: false, irregular: false };

/** The same scan fed in chunks cut at every position (and byte by byte) gives the same answer. */
function scanEveryWay(bytes: Uint8Array, delimiter: string, isUtf8: boolean): CsvScan {
  const whole = scanCsv(bytes, delimiter, isUtf8);
  for (let cut = 0; cut <= bytes.length; cut++) {
    const scanner = new CsvScanner(delimiter, isUtf8);
    scanner.push(bytes.subarray(0, cut));
    scanner.push(bytes.subarray(cut));
    expect(scanner.finish(), `cut at ${cut}`).toEqual(whole);
  }
  const byByte = new CsvScanner(delimiter, isUtf8);
  for (const b of bytes) byByte.push(Uint8Array.of(b));
  expect(byByte.finish(), 'byte by byte').toEqual(whole);
  return whole;
}

describe('CSV scan', () => {
  it('finds nothing in a regular file: quoted delimiters, escaped quotes, empty cells, CRLF or LF, with or without a last line break', () => {
    for (const text of [
      'a,b,c\n1,"x, y",3\n2,"say ""hi""",\n3,,""\n',
      'a;b\r\n1;Müller GmbH\r\n2;"Straße 1; Hof"\r\n',
      'a,b\n1,2',
      'a,b\n1,"2"',
      'a,b\n"1",""',
    ]) {
      const delimiter = text.includes(';') ? ';' : ',';
      expect(scanEveryWay(utf8(text), delimiter, true), text).toEqual(clean);
    }
  });

  it('finds a line break inside a quoted cell, also in the last cell and with CRLF', () => {
    expect(scanEveryWay(utf8('a,b\n1,"x\ny"\n2,z\n'), ',', true)).toEqual({ ...clean, lineBreakInCell: true });
    expect(scanEveryWay(utf8('a;b\r\n1;"x\r\ny"'), ';', true)).toEqual({ ...clean, lineBreakInCell: true });
  });

  it('finds spaces at the edges of data cells, quoted or not, in UTF-8 and in one-byte encodings', () => {
    const edges = ['a,b\n1, x\n', 'a,b\n1,x \n', 'a,b\n1,"x "\n', 'a,b\n1,"  "\n', 'a,b\n x,1\n', 'a,b\r\n1,x \r\n', 'a,b\n1,x '];
    for (const text of edges) expect(scanEveryWay(utf8(text), ',', true).spaceAtCellEdge, JSON.stringify(text)).toBe(true);
    for (const space of ['\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u202f', '\u205f', '\u3000']) {
      expect(scanEveryWay(utf8(`a,b\n1,x${space}\n`), ',', true).spaceAtCellEdge, `end ${escape(space)}`).toBe(true);
      expect(scanEveryWay(utf8(`a,b\n1,"${space}x"\n`), ',', true).spaceAtCellEdge, `start ${escape(space)}`).toBe(true);
    }
    expect(scanEveryWay(cp1252('a;b\r\n1;x\u00a0\r\n'), ';', false).spaceAtCellEdge).toBe(true);
    expect(scanEveryWay(cp1252('a;b\r\n1;\u00a0x\r\n'), ';', false).spaceAtCellEdge).toBe(true);
  });

  it('ignores spaces inside cells, tabs, other characters at the edges, and the header', () => {
    for (const text of ['a,b\n1,x y\n', 'a,b\n1,\tx\t\n', ' a , b \n1,x\n', '"a ", b\n1,x\n', 'a,b\n1,Öl\n', 'a,b\n1,"x "" y"\n', 'a,b\n1,\u200bx\u2028\n', 'a,b\n1,„x“\n']) {
      expect(scanEveryWay(utf8(text), ',', true).spaceAtCellEdge, JSON.stringify(text)).toBe(false);
    }
    // In Windows-1252 the bytes of „ and “ (0x84, 0x93) are no spaces.
    expect(scanEveryWay(cp1252('a;b\r\n1;„Süß“ AG\r\n'), ';', false)).toEqual({ ...clean, c1Bytes: true });
  });

  it('finds the bytes where Windows-1252 and latin-1 differ', () => {
    expect(scanEveryWay(cp1252('a;b\r\n1;5 €\r\n'), ';', false).c1Bytes).toBe(true);
    expect(scanEveryWay(cp1252('a;b\r\n1;Bäckerei Weiß\r\n'), ';', false).c1Bytes).toBe(false);
  });

  it('calls irregular what DuckDB reads its own way', () => {
    for (const text of [
      'a,b\n1,x"y\n', // quote inside an unquoted cell
      'a,b\n1, "y"\n', // space before a quote
      'a,b\n1,"x"y\n', // text after a closing quote
      'a,b\r1,x\r', // CR line endings
      'a,b\n1,x\n\n2,y\n', // a blank line
      'a,b\n1,"x\n', // an unterminated quote
    ]) {
      expect(scanEveryWay(utf8(text), ',', true).irregular, JSON.stringify(text)).toBe(true);
    }
  });

  it('agrees with the cells it was written from, for random regular files in chunks of any size', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const pieces = ['a', 'Ö', 'ß', '€', ' ', '\u00a0', '\u3000', '\u202f', '\t', ';', ',', '"', '\n', '\r\n', 'x1', '„'];
    for (let file = 0; file < 300; file++) {
      const delimiter = pick([',', ';', '\t']);
      const rows = Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
        Array.from({ length: 3 }, () => Array.from({ length: Math.floor(random() * 4) }, () => pick(pieces)).join('')),
      );
      const quote = (cell: string) => (/[",;\t\r\n]/.test(cell) || cell === '' ? `"${cell.replace(/"/g, '""')}"` : cell);
      const eol = pick(['\n', '\r\n']);
      const text = ['h1', 'h2', 'h3'].join(delimiter) + eol + rows.map((r) => r.map(quote).join(delimiter)).join(eol) + pick(['', eol]);
      const cells = rows.flat();
      const expected: CsvScan = {
        c1Bytes: false,
        lineBreakInCell: cells.some((c) => c.includes('\n')),
        spaceAtCellEdge: cells.some((c) => /^\p{Zs}|\p{Zs}$/u.test(c)),
        irregular: false,
      };
      const bytes = utf8(text);
      expect(scanCsv(bytes, delimiter, true), JSON.stringify(text)).toEqual(expected);
      const cut = new CsvScanner(delimiter, true);
      for (let at = 0; at < bytes.length; ) {
        const size = 1 + Math.floor(random() * 7);
        cut.push(bytes.subarray(at, at + size));
        at += size;
      }
      expect(cut.finish(), JSON.stringify(text)).toEqual(expected);
      // The same text in Windows-1252 (where it can be written): one byte per character, € and „ are C1 bytes.
      if (!/[\u3000\u202f]/.test(text)) {
        expect(scanCsv(cp1252(text), delimiter, false), JSON.stringify(text)).toEqual({ ...expected, c1Bytes: /[€„]/.test(text) });
      }
    }
  });

  it('scans a head cut inside a quoted cell without calling it irregular', () => {
    expect(scanCsvHead(utf8('a,b\n1,"x y'), ',', true)).toEqual(clean);
    expect(scanCsvHead(utf8('a,b\n1,"x\ny'), ',', true)).toEqual({ ...clean, lineBreakInCell: true });
  });
});
