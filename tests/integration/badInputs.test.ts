import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCodec } from '../../etl/nodeCodec';
import { runEtl } from '../../etl/run';
import type { Db } from '../../src/db/types';
import type { TableKind } from '../../src/domain/schema';
import { HEAD_BYTES, importCsv, type CsvImportReport } from '../../src/services/importCsv';
import { ENGINES } from './helpers/engines';

/**
 * The bad-input corpus: each row is one kind of broken export and what a user must see for it —
 * the rows loaded with every rejected line and its reason, or one clear message. Never DuckDB's own
 * error text. Add a row for each new kind of bad input found in the field.
 */

const HEADER = 'Lead ID,Created Date,Lead Source,Lead Status,Company,Amount';
const row = (i: number) => `L${i},2025-01-0${1 + (i % 9)},Website,Open,Firma ${i},${i}.5`;
const rows = (n: number, from = 1) => Array.from({ length: n }, (_, i) => row(from + i));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** What DuckDB says in its own words: none of it may reach a user. */
const RAW_ENGINE_TEXT = /Catalog Error|Binder Error|Invalid Input Error|Conversion Error|Parser Error|sniff|CSV Error|Error when|max_line_size|strict_mode|null_padding|ignore_errors|Expected Number of Columns|[A-Z]{4,} [A-Z]{4,}/;

interface Loaded {
  readonly loaded: number;
  /** Every rejected line, in order, with a pattern its reason must match. */
  readonly rejects?: readonly (readonly [line: number, reason: RegExp])[];
}
interface Refused {
  /** The message must name the file and match this. */
  readonly message: RegExp;
}

interface BadInput {
  readonly name: string;
  readonly fileName?: string;
  readonly bytes: () => Uint8Array;
  readonly kind?: TableKind;
  readonly delimiter?: string;
  readonly expected: Loaded | Refused;
}

const wide = (columns: number) => {
  const extra = Array.from({ length: columns - 6 }, (_, i) => `Feld ${i + 1}`);
  const cells = (i: number) => [row(i), ...extra.map((_, j) => `w${i}-${j}`)].join(',');
  return utf8(`${[HEADER, ...extra].join(',')}\n${[1, 2, 3].map(cells).join('\n')}\n`);
};

const longHeader = () => {
  // ~100 KB of header: longer than the head read for detection.
  const extra = Array.from({ length: 2000 }, (_, i) => `Zusatzfeld mit langem Namen ${String(i).padStart(5, '0')}`);
  const cells = (i: number) => [row(i), ...extra.map(() => 'x')].join(',');
  return utf8(`${[HEADER, ...extra].join(',')}\n${[1, 2].map(cells).join('\n')}\n`);
};

const pdf = () => utf8('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\u0000\u0001\u0002stream\u0000\u0003\n');

export const BAD_INPUTS: readonly BadInput[] = [
  { name: 'an empty file', bytes: () => new Uint8Array(), expected: { message: /the file is empty/ } },
  { name: 'a header only', bytes: () => utf8(`${HEADER}\n`), expected: { loaded: 0 } },
  { name: 'a PDF renamed .csv', bytes: pdf, expected: { message: /not a text export/ } },
  {
    name: 'an unterminated quote',
    bytes: () => utf8(`${HEADER}\n${row(1)}\nL2,2025-01-02,Website,Open,"Firma ohne Ende,3\n${row(3)}\n`),
    expected: { message: /line 3, column 5: a quoted cell is never closed/ },
  },
  {
    name: 'the wrong delimiter chosen',
    bytes: () => utf8(`${HEADER}\n${rows(3).join('\n')}\n`),
    delimiter: ';',
    expected: { message: /not recognised as leads/ },
  },
  {
    name: 'CRLF lines, then LF lines (two exports concatenated)',
    bytes: () => utf8(`${HEADER}\r\n${rows(3).join('\r\n')}\r\n${rows(2, 4).join('\n')}\nL6,kein Datum,Website,Open,Firma 6,1\n${row(7)}\n`),
    expected: { loaded: 7 },
  },
  {
    name: 'LF lines, then CRLF lines, and a ragged line among them',
    bytes: () => utf8(`${HEADER}\n${rows(3).join('\n')}\n${rows(2, 4).join('\r\n')}\r\nL6,2025-01-01\r\n${row(7)}\r\n`),
    expected: { loaded: 6, rejects: [[7, /^too few columns: 2 instead of 6$/]] },
  },
  {
    name: 'a record longer than the maximum line size',
    bytes: () => utf8(`${HEADER}\n${row(1)}\nL2,2025-01-02,Website,Open,"${'x'.repeat(2_200_000)}",2\n${rows(3, 3).join('\n')}\n`),
    expected: { loaded: 4, rejects: [[3, /^record longer than [\d,.]+ bytes$/]] },
  },
  { name: '1,200 columns', bytes: () => wide(1200), expected: { loaded: 3 } },
  { name: 'a 100 KB header', bytes: longHeader, expected: { loaded: 2 } },
  {
    name: 'duplicated headers',
    bytes: () => utf8(`${HEADER},Company,Company\n${rows(2).map((r, i) => `${r},Zweit ${i},Dritt ${i}`).join('\n')}\n`),
    expected: { loaded: 2 },
  },
  { name: 'UTF-16LE with a BOM', bytes: () => new Uint8Array(iconv.encode(`\uFEFF${HEADER}\r\n${rows(3).join('\r\n')}\r\n`, 'utf16le')), expected: { loaded: 3 } },
  {
    name: 'a BOM and semicolons',
    bytes: () => utf8(`\uFEFFLead-Nr.;Erstellt am;Leadquelle;Status;Firma;Betrag\r\nD1;01.03.2025;Messe;Neu;Müller;1.234,5\r\nD2;02.03.2025;Messe;Neu;Bäcker;7\r\n`),
    expected: { loaded: 2 },
  },
  {
    name: 'ragged rows (too few and too many fields)',
    bytes: () => utf8(`${HEADER}\n${row(1)}\nL2,2025-01-02,Website\n${row(3)}\n${row(4)},zu,viel\n${row(5)}\n`),
    expected: { loaded: 3, rejects: [[3, /^too few columns: 3 instead of 6$/], [5, /^too many columns: more than 6$/]] },
  },
  {
    name: 'a deals file without leads',
    bytes: () => utf8('Deal ID,Lead ID,Amount,Stage,Close Date\nD1,L1,100,Closed Won,2025-02-01\nD2,L2,50,Closed Lost,2025-02-03\n'),
    expected: { loaded: 2 },
  },
  {
    name: 'a broken workbook',
    fileName: 'broken.xlsx',
    bytes: () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('this is no zip archive at all')]),
    expected: { message: /Excel workbook|workbook/ },
  },
];

describe.each(ENGINES)('bad inputs on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it.each(BAD_INPUTS)('$name', async ({ fileName = 'bad.csv', bytes, kind, delimiter, expected }) => {
    const data = bytes();
    const input = { fileName, source: { kind: 'bytes' as const, bytes: data }, head: data.subarray(0, HEAD_BYTES), ...(kind ? { kind } : {}), ...(delimiter ? { delimiter } : {}) };
    let report: CsvImportReport | null = null;
    let message = '';
    try {
      report = await importCsv(db, input, nodeCodec);
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).not.toMatch(RAW_ENGINE_TEXT);
    if ('message' in expected) {
      expect(report, 'refused').toBeNull();
      expect(message).toMatch(new RegExp(`^${fileName.replace('.', '\\.')}: `));
      expect(message).toMatch(expected.message);
      // Short enough to read: no record pasted into it.
      expect(message.length).toBeLessThan(600);
      return;
    }
    expect(message, 'no error').toBe('');
    expect(report!.rowsLoaded).toBe(expected.loaded);
    const rejects = report!.rejects.map((r) => [Number(r.line), String(r.reason)] as const);
    for (const [, reason] of rejects) expect(reason).not.toMatch(RAW_ENGINE_TEXT);
    for (const r of report!.rejects) expect(String(r.value ?? '').length).toBeLessThan(1000);
    const wanted = expected.rejects ?? [];
    expect(rejects.map(([line]) => line)).toEqual(wanted.map(([line]) => line));
    wanted.forEach(([, reason], i) => expect(rejects[i]![1]).toMatch(reason));
  });
});

/** The ETL reads files from disk (a path, streamed copies): the loaded rows of the corpus through it, file by file. */
describe('bad inputs through the ETL (files on disk)', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-bad-inputs-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const loading = BAD_INPUTS.filter((b) => 'loaded' in b.expected && !b.kind && !b.delimiter && b.expected.loaded > 0 && b.name !== 'a deals file without leads');
  it.each(loading)('$name', async ({ name, bytes, expected }) => {
    const dir = path.join(scratch, name.replace(/\W+/g, '-'));
    mkdirSync(path.join(dir, 'in'), { recursive: true });
    writeFileSync(path.join(dir, 'in', 'leads.csv'), bytes());
    const { report } = await runEtl({ inputs: [path.join(dir, 'in')], outDir: path.join(dir, 'out'), allowRejects: true });
    const [file] = report.files;
    const { loaded, rejects = [] } = expected as Loaded;
    expect(file?.rowsLoaded).toBe(loaded);
    expect(file?.rejects.map((r) => Number(r.line))).toEqual(rejects.map(([line]) => line));
    const markdown = readFileSync(path.join(dir, 'out', 'report.md'), 'utf8');
    expect(markdown).not.toMatch(RAW_ENGINE_TEXT);
  });
});
