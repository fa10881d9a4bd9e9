import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCodec } from '../../etl/nodeCodec';
import { toRows } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import type { TableKind } from '../../src/domain/schema';
import { importCsv, type TextCodec } from '../../src/services/importCsv';
import { scanCsv, scanCsvHead } from '../../src/ingest/csvScan';
import { ENGINES, REPO } from './helpers/engines';

const EN_HEADER = 'Lead ID,Created Date,Lead Source,Lead Status,Company,Amount';
const DE_HEADER = 'Lead-Nr.;Erstellt am;Leadquelle;Status;Firma;Betrag';

const bytesOf = (text: string, encoding = 'utf8') => new Uint8Array(iconv.encode(text, encoding));

/** The ETL's codec plus the scan the browser runs in a worker, counting the UTF-8 copies it makes. */
function scanningCodec() {
  const calls = { toUtf8: 0, scan: 0 };
  const codec: TextCodec = {
    ...nodeCodec,
    toUtf8: (source, encoding, bomLength) => {
      calls.toUtf8++;
      return nodeCodec.toUtf8(source, encoding, bomLength);
    },
    scan: (source, head, delimiter, encoding) => {
      calls.scan++;
      const bytes = source.kind === 'bytes' ? source.bytes : source.kind === 'path' ? new Uint8Array(readFileSync(source.path)) : new Uint8Array();
      return { head: scanCsvHead(head, delimiter, encoding === 'utf-8'), file: Promise.resolve(scanCsv(bytes, delimiter, encoding === 'utf-8')) };
    },
  };
  return { codec, calls };
}

/** Without a scan every careful step is taken (the ETL); with it only those the file needs (the browser). */
const CODECS = [
  { codecName: 'without a scan', codec: nodeCodec },
  { codecName: 'with a scan', codec: scanningCodec().codec },
];

describe.each(ENGINES.flatMap((engine) => CODECS.map((codec) => ({ ...engine, ...codec }))))('CSV import on $name, $codecName', ({ open, codec }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  const load = (fileName: string, bytes: Uint8Array, kind?: TableKind, headBytes = 65536) =>
    importCsv(db, { fileName, source: { kind: 'bytes', bytes }, head: bytes.subarray(0, headBytes), ...(kind ? { kind } : {}) }, codec);
  const leads = async () => toRows(await db.query({ sql: 'SELECT lead_id, created_at, medium, stage, company, amount, _line FROM leads ORDER BY _line', params: [] }));

  it('reads UTF-8 with a BOM', async () => {
    const report = await load('bom.csv', bytesOf(`\uFEFF${EN_HEADER}\nL1,2025-01-02,Website,Open,Müller GmbH,12.5\n`));
    expect(report).toMatchObject({ encoding: 'utf-8', kind: 'leads', rowsRead: 1, rowsLoaded: 1, rowsRejected: 0 });
    expect((await leads())[0]).toMatchObject({ lead_id: 'L1', company: 'Müller GmbH', amount: 12.5, medium: 'web' });
  });

  it('decodes Windows-1252 umlauts and € and reads a German export with decimal commas over 3,000 lines', async () => {
    const rows = Array.from({ length: 3200 }, (_, i) => `D${i};0${1 + (i % 9)}.03.2025;Messe;Neu;Bäckerei „Süß“ – ${i} €;1.234,5${i % 10}`);
    const report = await load('de.csv', bytesOf(`${DE_HEADER}\r\n${rows.join('\r\n')}\r\n`, 'win1252'));
    expect(report).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rowsLoaded: 3200, rowsRejected: 0 });
    expect(report.format).toEqual({ decimalSeparator: ',', dateFormats: { created_at: ['%d.%m.%Y'] } });
    const [first, , , last] = await leads().then((r) => [r[0], r[1], r[2], r[3199]]);
    expect(first).toMatchObject({ company: 'Bäckerei „Süß“ – 0 €', amount: 1234.5, medium: 'trade_fair', stage: 'lead', _line: 2 });
    expect(first?.created_at).toBe(Date.UTC(2025, 2, 1));
    expect(last).toMatchObject({ lead_id: 'D3199', amount: 1234.59, _line: 3201 });
  });

  it('reads UTF-16 without a BOM', async () => {
    const report = await load('utf16.csv', bytesOf(`${EN_HEADER}\nL1,2025-01-02,Website,Open,Weiß AG,1\n`, 'utf16le'));
    expect(report).toMatchObject({ encoding: 'utf-16le', rowsLoaded: 1 });
    expect((await leads())[0]?.company).toBe('Weiß AG');
  });

  it('keeps quoted delimiters and line breaks inside cells, and numbers lines by the file', async () => {
    const csv = `${EN_HEADER}\nL1,2025-01-02,Website,Open,"Schmidt, Meier & Partner",1\nL2,2025-01-03,Website,Open,"Zeile 1\nZeile 2",2\nL3,2025-01-04,Website,Open,"""Blaue Welle"" AG",3\n`;
    const report = await load('quoted.csv', bytesOf(csv));
    expect(report.rowsLoaded).toBe(3);
    expect((await leads()).map((r) => [r.company, r._line])).toEqual([
      ['Schmidt, Meier & Partner', 2],
      ['Zeile 1\nZeile 2', 3],
      ['"Blaue Welle" AG', 5],
    ]);
  });

  it('rejects ragged rows with their line and keeps the rest', async () => {
    const csv = `${EN_HEADER}\nL1,2025-01-02,Website,Open,A,1\nL2,2025-01-03,Website\nL3,2025-01-04,Website,Open,C,3,extra\nL4,2025-01-05,Website,Open,D,4\n`;
    const report = await load('ragged.csv', bytesOf(csv));
    expect(report).toMatchObject({ rowsRead: 4, rowsLoaded: 2, rowsRejected: 2 });
    expect(report.rejects.map((r) => [r.line, r.value, r.reason])).toEqual([
      [3, 'L2,2025-01-03,Website', 'too few columns: 3 instead of 6'],
      [4, 'L3,2025-01-04,Website,Open,C,3,extra', 'too many columns: more than 6'],
    ]);
    expect((await leads()).map((r) => [r.lead_id, r._line])).toEqual([
      ['L1', 2],
      ['L4', 5],
    ]);
  });

  it('rejects missing ids and repeated ids; empties and lists optional cells that do not convert, keeping their rows', async () => {
    const csv = `${EN_HEADER}\nL1,2025-01-02,Website,Open,A,1\nL2,2025-13-45,Website,Open,B,2\nL3,2025-01-04,,Open,C,3\nL4,2025-01-05,Website,Open,D,twelve\nL1,2025-01-06,Website,Open,E,5\n,2025-01-07,Website,Open,F,6\n`;
    const report = await load('bad-values.csv', bytesOf(csv));
    expect(report).toMatchObject({ rowsRead: 6, rowsLoaded: 4, rowsRejected: 2 });
    expect(report.rejects.map((r) => [r.line, r.column_name, r.value, r.reason])).toEqual([
      [6, 'lead_id', 'L1', 'duplicate of line 2'],
      [7, 'lead_id', null, 'required value missing'],
    ]);
    expect(report.cleared.map((r) => [r.line, r.column_name, r.value, r.reason])).toEqual([
      [3, 'created_at', '2025-13-45', 'not a date (expected %Y-%m-%d)'],
      [5, 'amount', 'twelve', 'not a number'],
    ]);
    // An empty medium is a lead without a medium, not a rejected row.
    expect((await leads()).map((r) => [r.lead_id, r.created_at, r.medium, r.amount])).toEqual([
      ['L1', Date.UTC(2025, 0, 2), 'web', 1],
      ['L2', null, 'web', 2],
      ['L3', Date.UTC(2025, 0, 4), null, 3],
      ['L4', Date.UTC(2025, 0, 5), 'web', null],
    ]);
  });

  it('reads a column with mixed date formats, and empties (and lists) dates no format reads', async () => {
    const csv = `${EN_HEADER}\nL1,31.01.2025,Website,Open,A,1\nL2,2025-02-01,Website,Open,B,1\nL3,02.02.2025,Website,Open,C,1\nL4,45658,Website,Open,D,1\nL5,31.02.2025x,Website,Open,E,1\n`;
    const report = await load('mixed-dates.csv', bytesOf(csv));
    expect(report.format.dateFormats.created_at).toEqual(['%d.%m.%Y', '%Y-%m-%d', 'excel-serial']);
    expect((await leads()).map((r) => r.created_at)).toEqual([Date.UTC(2025, 0, 31), Date.UTC(2025, 1, 1), Date.UTC(2025, 1, 2), Date.UTC(2025, 0, 1), null]);
    expect(report.rejects).toEqual([]);
    expect(report.cleared.map((r) => [r.line, r.column_name, r.reason])).toEqual([[6, 'created_at', 'not a date (expected %d.%m.%Y or %Y-%m-%d or excel-serial)']]);
  });

  it('reads Excel serial dates', async () => {
    const report = await load('serial.csv', bytesOf(`${EN_HEADER}\nL1,45658,Website,Open,A,1\nL2,45689.5,Website,Open,B,1\n`));
    expect(report.format.dateFormats.created_at).toEqual(['excel-serial']);
    expect((await leads()).map((r) => r.created_at)).toEqual([Date.UTC(2025, 0, 1), Date.UTC(2025, 1, 1)]);
  });

  it('loads a header-only file as an empty table', async () => {
    const report = await load('header-only.csv', bytesOf(`${EN_HEADER}\n`));
    expect(report).toMatchObject({ kind: 'leads', rowsRead: 0, rowsLoaded: 0 });
  });

  it('refuses an empty and a binary file with a clear message', async () => {
    await expect(load('empty.csv', new Uint8Array(0))).rejects.toThrow('empty.csv: the file is empty (0 bytes)');
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    await expect(load('photo.csv', binary)).rejects.toThrow(/^photo\.csv: this is not a text export/);
  });

  it('names the line and column of a quoted cell the file never closes', async () => {
    const text = 'Lead ID,Created Date,Lead Source,Lead Status\nL1,2025-01-02,Website,Open\nL2,2025-01-03,"Messe,Open\n';
    await expect(load('unclosed.csv', new TextEncoder().encode(text))).rejects.toThrow('unclosed.csv: line 3, column 3: a quoted cell is never closed');
  });

  it('trims spaces (also no-break and ideographic ones) around cells, keeps tabs, treats blank cells as empty and a blank required cell as missing', async () => {
    const nbsp = '\u00a0';
    const rows = [
      ` L1 ,2025-01-02 , Website${nbsp},Open ," Müller GmbH${nbsp}", 12.5 `,
      `L2,${nbsp}2025-01-03,Website,Open,"\u3000Weiß AG",${nbsp}7${nbsp}`,
      'L3,2025-01-04,Website,Open,"   ","  "',
      '"  ",2025-01-05,Website,Open,X,1',
      'L5,2025-01-06,Website,Open,"\tTab\t",2',
      // Trimmed first, then the first ten characters are read as an ISO date.
      'L6, 2025-01-123,Website,Open,Y,3',
      'L7,2025-01-08,Website,Open,"",',
    ];
    const report = await load('spaces.csv', bytesOf(`${EN_HEADER}\n${rows.join('\n')}\n`));
    expect(report).toMatchObject({ rowsRead: 7, rowsLoaded: 6, rowsRejected: 1 });
    expect(report.rejects.map((r) => [r.line, r.column_name, r.value, r.reason])).toEqual([[5, 'lead_id', '  ', 'required value missing']]);
    expect((await leads()).map((r) => [r.lead_id, r.created_at, r.medium, r.stage, r.company, r.amount, r._line])).toEqual([
      ['L1', Date.UTC(2025, 0, 2), 'web', 'lead', 'Müller GmbH', 12.5, 2],
      ['L2', Date.UTC(2025, 0, 3), 'web', 'lead', 'Weiß AG', 7, 3],
      ['L3', Date.UTC(2025, 0, 4), 'web', 'lead', null, null, 4],
      ['L5', Date.UTC(2025, 0, 6), 'web', 'lead', '\tTab\t', 2, 6],
      ['L6', Date.UTC(2025, 0, 12), 'web', 'lead', 'Y', 3, 7],
      ['L7', Date.UTC(2025, 0, 8), 'web', 'lead', null, null, 8],
    ]);
    expect([...report.repairs].sort((a, b) => a.column.localeCompare(b.column))).toEqual([
      { column: 'medium', from: 'Website', to: 'web', rows: 6, why: 'medium synonym' },
      { column: 'stage', from: 'Open', to: 'lead', rows: 6, why: 'stage synonym' },
    ]);
  });

  it('numbers lines across multi-line cells and set-aside records, and counts repairs over the loaded rows only', async () => {
    const rows = [
      'L1,2025-01-02,Messe,Open,"A\nB",1',
      'L2,2025-01-03,Website',
      'L3,2025-01-04,Messe,Open,C,3',
      'L1,2025-01-05,Messe,Open,D,4',
      'L4,notadate,Messe,Open,E,5',
      'L5,2025-01-06,Messe,Open,"F\n\nG",6',
      'L6,2025-01-07,Website,Open,H,7',
    ];
    const report = await load('multi.csv', bytesOf(`${EN_HEADER}\n${rows.join('\n')}\n`));
    expect(report).toMatchObject({ rowsRead: 7, rowsLoaded: 5, rowsRejected: 2 });
    expect(report.rejects.map((r) => [r.line, r.column_name, r.value, r.reason])).toEqual([
      [4, null, 'L2,2025-01-03,Website', 'too few columns: 3 instead of 6'],
      [6, 'lead_id', 'L1', 'duplicate of line 2'],
    ]);
    expect(report.cleared.map((r) => [r.line, r.column_name, r.value])).toEqual([[7, 'created_at', 'notadate']]);
    expect((await leads()).map((r) => [r.lead_id, r.company, r._line])).toEqual([
      ['L1', 'A\nB', 2],
      ['L3', 'C', 5],
      ['L4', 'E', 7],
      ['L5', 'F\n\nG', 8],
      ['L6', 'H', 11],
    ]);
    expect([...report.repairs].sort((a, b) => `${a.column}${a.from}`.localeCompare(`${b.column}${b.from}`))).toEqual([
      { column: 'medium', from: 'Messe', to: 'trade_fair', rows: 4, why: 'medium synonym' },
      { column: 'medium', from: 'Website', to: 'web', rows: 1, why: 'medium synonym' },
      { column: 'stage', from: 'Open', to: 'lead', rows: 5, why: 'stage synonym' },
    ]);
  });

  it('numbers the lines of records set aside that hold line breaks, and of the records after them', async () => {
    const rows = [
      'L1,2025-01-02,Website,Open,"x\ny",1',
      'L2,2025-01-03,"p\nq"',
      'L3,2025-01-04,Website,Open,z,3',
      'L4,2025-01-05,"m\n\nn",Open,A,5,6',
      'L5,2025-01-06,Website,Open,k,7',
    ];
    const report = await load('aside.csv', bytesOf(`${EN_HEADER}\n${rows.join('\n')}\n`));
    expect(report).toMatchObject({ rowsRead: 5, rowsLoaded: 3, rowsRejected: 2 });
    expect(report.rejects.map((r) => [r.line, r.value, r.reason])).toEqual([
      [4, 'L2,2025-01-03,"p\nq"', expect.stringMatching(/^too few columns: 3 instead of \d+$/)],
      [7, 'L4,2025-01-05,"m\n\nn",Open,A,5,6', expect.stringMatching(/^too many columns: more than \d+$/)],
    ]);
    expect((await leads()).map((r) => [r.lead_id, r._line])).toEqual([
      ['L1', 2],
      ['L3', 6],
      ['L5', 10],
    ]);
  });

  it('counts line breaks in cells when the head of the file had none', async () => {
    const rows = ['L1,2025-01-02,Website,Open,A,1', 'L2,2025-01-03,Website,Open,"B\nC",2', 'L3,2025-01-04,Website,Open,D,3'];
    const bytes = bytesOf(`${EN_HEADER}\n${rows.join('\n')}\n`);
    // Only the header as the head: the line break comes later.
    const report = await load('late-break.csv', bytes, undefined, EN_HEADER.length + 1);
    expect(report).toMatchObject({ rowsRead: 3, rowsLoaded: 3 });
    expect((await leads()).map((r) => [r.lead_id, r._line])).toEqual([
      ['L1', 2],
      ['L2', 3],
      ['L3', 5],
    ]);
  });

  it('reads quotes where DuckDB allows them and CR line endings as before (the scan calls such files irregular)', async () => {
    const quotes = `${EN_HEADER}\nL1,2025-01-02,Website,Open,a"b,1\nL2,2025-01-03,Website,Open,"x, y" ,2\nL3,2025-01-04,Website,Open, "q",3\n`;
    expect(await load('quotes.csv', bytesOf(quotes))).toMatchObject({ rowsRead: 3, rowsLoaded: 3, rejects: [] });
    expect((await leads()).map((r) => [r.lead_id, r.company, r.amount, r._line])).toEqual([
      ['L1', 'a"b', 1, 2],
      ['L2', 'x, y', 2, 3],
      ['L3', 'q', 3, 4],
    ]);
    const cr = `${EN_HEADER}\rL1,2025-01-02,Website,Open,A,1\rL2,2025-01-03,Website,Open,"B\nC",2\rL3,2025-01-04,Website,Open,D,3\r`;
    expect(await load('cr.csv', bytesOf(cr))).toMatchObject({ rowsRead: 3, rowsLoaded: 3, rejects: [] });
    expect((await leads()).map((r) => [r.lead_id, r.company, r._line])).toEqual([
      ['L1', 'A', 2],
      ['L2', 'B\nC', 3],
      ['L3', 'D', 5],
    ]);
  });

  it('lists repeated ids of a file without other problems, with their lines', async () => {
    const rows = ['L1,2025-01-02,Website,Open,A,1', 'L2,2025-01-03,Website,Open,B,2', 'L1,2025-01-04,Website,Open,C,3', 'L2,2025-01-05,Website,Open,D,4', 'L1,2025-01-06,Website,Open,E,5'];
    const report = await load('repeats.csv', bytesOf(`${EN_HEADER}\n${rows.join('\n')}\n`));
    expect(report).toMatchObject({ rowsRead: 5, rowsLoaded: 2, rowsRejected: 3 });
    expect(report.rejects.map((r) => [r.line, r.value, r.reason])).toEqual([
      [4, 'L1', 'duplicate of line 2'],
      [5, 'L2', 'duplicate of line 3'],
      [6, 'L1', 'duplicate of line 2'],
    ]);
    expect((await leads()).map((r) => [r.lead_id, r._line])).toEqual([
      ['L1', 2],
      ['L2', 3],
    ]);
  });

  describe('a Windows-1252 file read by DuckDB as latin-1 (the browser checks the bytes beside the scan)', () => {
    const checking = scanningCodec;
    const loadWith = (codec: TextCodec, fileName: string, bytes: Uint8Array) =>
      importCsv(db, { fileName, source: { kind: 'bytes', bytes }, head: bytes.subarray(0, 65536) }, codec);
    const all = async () => toRows(await db.query({ sql: 'SELECT * EXCLUDE (_source) FROM leads ORDER BY _line', params: [] }));

    it('loads the German sample without a UTF-8 copy, to the same rows and report as from the copy', async () => {
      const bytes = new Uint8Array(readFileSync(path.join(REPO, 'data-samples/de/leads.csv')));
      const copied = await loadWith(nodeCodec, 'de-leads.csv', bytes);
      const copiedRows = await all();
      const { codec, calls } = checking();
      const direct = await loadWith(codec, 'de-leads.csv', bytes);
      expect(calls.toUtf8).toBe(0);
      expect(direct).toEqual(copied);
      expect(await all()).toEqual(copiedRows);
    });

    it('makes the UTF-8 copy after all when the file holds €, „ or “, and names headers right in errors', async () => {
      const { codec, calls } = checking();
      const rows = ['D1;01.03.2025;Messe;Neu;Bäckerei „Süß“ – 5 €;1.234,50', 'D2;02.03.2025;Messe;Neu;Weiß AG;7'];
      const report = await loadWith(codec, 'euro.csv', bytesOf(`${DE_HEADER}\r\n${rows.join('\r\n')}\r\n`, 'win1252'));
      expect(calls.toUtf8).toBe(1);
      expect(report).toMatchObject({ encoding: 'windows-1252', rowsLoaded: 2, rowsRejected: 0 });
      expect((await leads()).map((r) => r.company)).toEqual(['Bäckerei „Süß“ – 5 €', 'Weiß AG']);
      await expect(loadWith(codec, 'unknown.csv', bytesOf('Umsatz €;Währung\r\n1;EUR\r\n', 'win1252'))).rejects.toThrow(/headers: Umsatz €, Währung/);
    });
  });

  it('imports the German Excel sample to the same rows as the English one', async () => {
    const german: Record<string, unknown>[][] = [];
    for (const style of ['en', 'de']) {
      const bytes = readFileSync(path.join(REPO, `data-samples/${style}/leads.csv`));
      const report = await load(`${style}-leads.csv`, bytes);
      expect(report).toMatchObject({ kind: 'leads', rowsLoaded: 20000, rowsRejected: 0 });
      german.push(toRows(await db.query({ sql: 'SELECT * EXCLUDE (_source, source) FROM leads ORDER BY _line', params: [] })));
    }
    expect(german[1]).toEqual(german[0]);
  });
});
