import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCodec } from '../../etl/nodeCodec';
import { toRows } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import { importCsv, type ImportOptions, type UnknownValue } from '../../src/services/importCsv';
import { ENGINES } from './helpers/engines';

const HEADER = 'Lead ID,Created Date,Lead Source,Lead Status,Company';
const bytesOf = (text: string) => new Uint8Array(iconv.encode(text, 'utf8'));

describe.each(ENGINES)('re-import, value mapping and cancelling on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  const load = (fileName: string, text: string, options?: ImportOptions, mapping?: Record<string, string>) => {
    const bytes = bytesOf(text);
    return importCsv(db, { fileName, source: { kind: 'bytes', bytes }, head: bytes, ...(mapping ? { kind: 'leads' as const, mapping } : {}) }, nodeCodec, options);
  };
  const leads = async () => toRows(await db.query({ sql: 'SELECT lead_id, company, medium, stage, _source FROM leads ORDER BY lead_id', params: [] }));

  it('upserts by id: changed rows are replaced, new ones added, none duplicated', async () => {
    await load('jan.csv', `${HEADER}\nL1,2025-01-02,Website,Open,Alt GmbH\nL2,2025-01-03,Website,Open,Zwei AG\n`);
    const report = await load('feb.csv', `${HEADER}\nL2,2025-01-03,Website,MQL,Zwei AG\nL3,2025-02-01,Event,Open,Drei KG\n`, { mode: 'upsert' });
    expect(report).toMatchObject({ mode: 'upsert', rowsRead: 2, rowsLoaded: 2, rowsReplaced: 1 });
    expect((await leads()).map((r) => [r.lead_id, r.stage, r._source])).toEqual([
      ['L1', 'lead', 'jan.csv'],
      ['L2', 'mql', 'feb.csv'],
      ['L3', 'lead', 'feb.csv'],
    ]);
  });

  it('replaces the whole table by default', async () => {
    const report = await load('mar.csv', `${HEADER}\nL9,2025-03-01,Website,Open,Neu GmbH\n`);
    expect(report).toMatchObject({ mode: 'replace', rowsLoaded: 1, rowsReplaced: 0 });
    expect((await leads()).map((r) => r.lead_id)).toEqual(['L9']);
  });

  it('asks about values it does not know before replacing anything, and applies the answer as repairs', async () => {
    const asked: UnknownValue[][] = [];
    const report = await load('odd.csv', `${HEADER}\nL1,2025-01-02,Podcast,Open,A\nL2,2025-01-03,Podcast,Nurturing,B\nL3,2025-01-04,Website,Nurturing,C\n`, {
      reviewValues: async (unknown) => {
        asked.push([...unknown]);
        return { medium: { Podcast: 'event' } };
      },
    });
    expect(asked).toEqual([
      [
        { column: 'medium', vocabulary: 'medium', value: 'Podcast', rows: 2 },
        { column: 'stage', vocabulary: 'stage', value: 'Nurturing', rows: 2 },
      ],
    ]);
    expect(report.repairs).toContainEqual({ column: 'medium', from: 'Podcast', to: 'event', rows: 2, why: 'your value mapping' });
    // A value the user left alone is kept as it is, and the report says so.
    expect(report.unknownValues).toEqual([{ column: 'stage', vocabulary: 'stage', value: 'Nurturing', rows: 2 }]);
    expect((await leads()).map((r) => [r.medium, r.stage])).toEqual([
      ['event', 'lead'],
      ['event', 'Nurturing'],
      ['web', 'Nurturing'],
    ]);
  });

  it('uses a remembered value mapping without asking again', async () => {
    let asked = false;
    const report = await load('odd2.csv', `${HEADER}\nL1,2025-01-02,Podcast,Nurturing,A\n`, {
      values: { medium: { Podcast: 'event' }, stage: { Nurturing: 'mql' } },
      reviewValues: async () => {
        asked = true;
        return {};
      },
    });
    expect(asked).toBe(false);
    expect(report.unknownValues).toEqual([]);
    expect((await leads()).map((r) => [r.medium, r.stage])).toEqual([['event', 'mql']]);
  });

  it('loads with the mapping the user chose instead of the suggestion', async () => {
    const report = await load('own.csv', 'Nummer,Datum,Herkunft,Stand,Name\nX1,2025-04-01,Website,Open,Eigen\n', undefined, {
      lead_id: 'Nummer',
      created_at: 'Datum',
      medium: 'Herkunft',
      stage: 'Stand',
      company: 'Name',
    });
    expect(report.rowsLoaded).toBe(1);
    expect(await leads()).toEqual([{ lead_id: 'X1', company: 'Eigen', medium: 'web', stage: 'lead', _source: 'own.csv' }]);
    await expect(load('own.csv', 'Nummer,Datum\nX1,2025-04-01\n', undefined, { lead_id: 'Nummer', created_at: 'Datum', medium: 'Quelle', stage: 'Stand' })).rejects.toThrow(
      /own\.csv: the mapping names columns the file does not have: Quelle, Stand/,
    );
  });

  it('leaves the previous data intact when the import is cancelled, also while values are reviewed', async () => {
    const before = await leads();
    const early = new AbortController();
    early.abort();
    await expect(load('late.csv', `${HEADER}\nL5,2025-01-02,Website,Open,E\n`, { signal: early.signal })).rejects.toThrow();
    const during = new AbortController();
    await expect(
      load('late.csv', `${HEADER}\nL5,2025-01-02,Podcast,Open,E\n`, {
        signal: during.signal,
        reviewValues: async () => {
          during.abort();
          return {};
        },
      }),
    ).rejects.toThrow();
    expect(await leads()).toEqual(before);
    const tables = toRows(await db.query({ sql: "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '\\_%' ESCAPE '\\'", params: [] }));
    expect(tables).toEqual([]);
  });

  it('reads numbers and dates the way the user corrected them, where the detection cannot know', async () => {
    // 01/02/2025 is 2 January in the US and 1 February in the UK; 1.234 is a thousand or one.
    const text = 'Lead ID,Created Date,Lead Source,Lead Status,Amount\nF1,01/02/2025,Website,Open,1.234\nF2,03/04/2025,Website,Open,2.5\n';
    const bytes = bytesOf(text);
    const read = async (choice: { decimalSeparator?: '.' | ','; dateFormats?: Record<string, string[]> }) => {
      const report = await importCsv(db, { fileName: 'uk.csv', source: { kind: 'bytes', bytes }, head: bytes, ...choice }, nodeCodec);
      const rows = toRows(await db.query({ sql: 'SELECT created_at, amount FROM leads ORDER BY lead_id', params: [] }));
      return { format: report.format, rows };
    };
    const detected = await read({});
    expect(detected.format).toEqual({ decimalSeparator: '.', dateFormats: { created_at: ['%m/%d/%Y'] } });
    expect(detected.rows).toEqual([
      { created_at: Date.UTC(2025, 0, 2), amount: 1.234 },
      { created_at: Date.UTC(2025, 2, 4), amount: 2.5 },
    ]);
    const corrected = await read({ decimalSeparator: ',', dateFormats: { created_at: ['%d/%m/%Y'] } });
    expect(corrected.format).toEqual({ decimalSeparator: ',', dateFormats: { created_at: ['%d/%m/%Y'] } });
    expect(corrected.rows).toEqual([
      { created_at: Date.UTC(2025, 1, 1), amount: 1234 },
      // "2.5" fits no decimal-comma grouping (a '.' stands only before three digits): flagged and emptied, never read as 25.
      { created_at: Date.UTC(2025, 3, 3), amount: null },
    ]);
  });
});
