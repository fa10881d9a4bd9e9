import { DEFAULT_PIPELINE } from '../../../src/domain/pipeline';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../../src/db/arrowRows';
import { detectTableKind, suggestMapping } from '../../../src/ingest/headerMapping';
import { explorerOrderBy, explorerPageSql, explorerSnapshotChunkSql, explorerSnapshotSql } from '../../../src/sql/explorer';
import { displayCell, exportCell, isoDay } from '../../../src/ui/explorer/cellValues';
import { columnKind, DEFAULT_EXPLORER_COLUMNS, EXPLORER_COLUMNS, exportHeader, inModelOrder, toggleColumn } from '../../../src/ui/explorer/explorerColumns';
import { xlsxRowLimit } from '../../../src/ui/export/exportSink';
import { csvSink, leadsCsvChunk } from '../../../src/ui/export/leadsCsv';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('explorer columns', () => {
  it('offers the canonical lead columns plus where a row came from, defaults among them', () => {
    expect(EXPLORER_COLUMNS.at(0)).toBe('lead_id');
    expect(EXPLORER_COLUMNS.slice(-2)).toEqual(['_source', '_line']);
    for (const c of DEFAULT_EXPLORER_COLUMNS) expect(EXPLORER_COLUMNS).toContain(c);
    expect([columnKind('created_at'), columnKind('amount'), columnKind('_line'), columnKind('company')]).toEqual(['date', 'money', 'integer', 'text']);
    expect(columnKind('lead_score')).toBe('number');
  });

  it('keeps the model order when ticking, and never unticks the last column', () => {
    expect(toggleColumn(['lead_id', 'amount'], 'email')).toEqual(['lead_id', 'email', 'amount']);
    expect(toggleColumn(['lead_id', 'amount'], 'amount')).toEqual(['lead_id']);
    expect(toggleColumn(['lead_id'], 'lead_id')).toEqual(['lead_id']);
    expect(inModelOrder(['_line', 'stage', 'lead_id'])).toEqual(['lead_id', 'stage', '_line']);
  });

  it('orders by the chosen sort, then by the tie-breakers not already named', () => {
    expect(explorerOrderBy([], DEFAULT_PIPELINE)).toEqual({ sql: 'ORDER BY "lead_id" ASC NULLS LAST, "_source" ASC NULLS LAST, "_line" ASC NULLS LAST', params: [] });
    expect(explorerOrderBy([{ column: 'amount', desc: true }, { column: 'lead_id', desc: true }], DEFAULT_PIPELINE).sql).toBe(
      'ORDER BY "amount" DESC NULLS LAST, "lead_id" DESC NULLS LAST, "_source" ASC NULLS LAST, "_line" ASC NULLS LAST',
    );
  });

  it('lists, sorts and exports an extra column only when the data has it, quoted by its header', () => {
    const extraColumns = ['Lead "Origin", 2', 'regional_office'];
    expect(toggleColumn(['lead_id', 'amount'], 'regional_office', extraColumns)).toEqual(['lead_id', 'amount', 'regional_office']);
    expect(inModelOrder(['regional_office', 'Lead "Origin", 2', 'gone', 'lead_id'], extraColumns)).toEqual(['lead_id', 'Lead "Origin", 2', 'regional_office']);
    const sort = [{ column: 'Lead "Origin", 2', desc: true }];
    expect(explorerOrderBy(sort, DEFAULT_PIPELINE, extraColumns).sql).toBe(
      'ORDER BY "Lead ""Origin"", 2" DESC NULLS LAST, "lead_id" ASC NULLS LAST, "_source" ASC NULLS LAST, "_line" ASC NULLS LAST',
    );
    const options = { filter: [{ kind: 'values', dimension: 'x:Lead "Origin", 2', values: ['API', null] }] as const, pipeline: DEFAULT_PIPELINE, sort, limit: 5, offset: 0 };
    const page = explorerPageSql({ ...options, columns: ['lead_id', 'Lead "Origin", 2'], extraColumns });
    expect(page.sql).toBe(
      'SELECT "lead_id", "Lead ""Origin"", 2" FROM lead_facts WHERE ("Lead ""Origin"", 2" IN (?) OR "Lead ""Origin"", 2" IS NULL) ' +
        'ORDER BY "Lead ""Origin"", 2" DESC NULLS LAST, "lead_id" ASC NULLS LAST, "_source" ASC NULLS LAST, "_line" ASC NULLS LAST LIMIT 5 OFFSET 0',
    );
    expect(page.params).toEqual(['API']);
    expect(explorerSnapshotSql('t', { ...options, columns: ['Lead "Origin", 2'], extraColumns }).sql).toContain('SELECT "Lead ""Origin"", 2", row_number()');
    expect(explorerSnapshotChunkSql('t', ['regional_office'], 0, 10, extraColumns).sql).toBe('SELECT "regional_office" FROM "t" WHERE _row > ? AND _row <= ? ORDER BY _row');
    // Without it in the allowed list, the same name is refused: in the columns, the sort and an export's chunk.
    expect(() => explorerPageSql({ ...options, columns: ['lead_id', 'Lead "Origin", 2'] })).toThrow(/Unknown lead column/);
    expect(() => explorerPageSql({ ...options, columns: ['lead_id'], extraColumns: ['regional_office'] })).toThrow(/Unknown lead column/);
    expect(() => explorerSnapshotChunkSql('t', ['regional_office'], 0, 10)).toThrow(/Unknown lead column/);
  });

  it('exports an extra column under its own header', () => {
    expect(exportHeader('Lead "Origin", 2')).toBe('Lead "Origin", 2');
    expect(columnKind('Lead "Origin", 2')).toBe('text');
    const parsed = Papa.parse<string[]>(leadsCsvChunk([{ lead_id: 'L1', 'Lead "Origin", 2': '=HYPERLINK("x")' }], ['lead_id', 'Lead "Origin", 2'], true)).data;
    expect(parsed).toEqual([
      ['Lead ID', 'Lead "Origin", 2'],
      ['L1', '\'=HYPERLINK("x")'],
    ]);
  });

  it('orders stages as the pipeline does, with the stage names bound', () => {
    const order = explorerOrderBy([{ column: 'stage', desc: true }], DEFAULT_PIPELINE);
    expect(order.sql).toMatch(/^ORDER BY CASE "stage" (WHEN \? THEN \d+ ?){7}END DESC NULLS LAST, "stage" DESC NULLS LAST, "lead_id" ASC/);
    expect(order.params).toEqual(['lead', 'mql', 'sql', 'opportunity', 'won', 'lost', 'disqualified']);
  });
});

describe('explorer cells', () => {
  it('shows dates and numbers in the UI locale', () => {
    expect(displayCell('en', 'date', day('2025-03-07'))).toBe('7 Mar 2025');
    expect(displayCell('de', 'date', day('2025-03-07'))).toBe('07.03.2025');
    expect(displayCell('de', 'number', 43994.02)).toBe('43.994,02');
    expect(displayCell('en', 'number', 43994.02)).toBe('43,994.02');
    expect(displayCell('de', 'integer', 1234)).toBe('1.234');
    expect(displayCell('en', 'money', 80300.2)).toBe('80,300.20');
    expect(displayCell('en', 'number', 12.5)).toBe('12.5');
    expect(displayCell('en', 'text', null)).toBe('');
  });

  it('exports dates as ISO days and numbers as numbers, whatever the locale', () => {
    expect(isoDay(day('1969-12-31'))).toBe('1969-12-31');
    expect(exportCell('date', day('2025-03-07'))).toBe('2025-03-07');
    expect(exportCell('number', 0.5)).toBe(0.5);
    expect(exportCell('text', '=1+1')).toBe('=1+1');
  });
});

describe('explorer XLSX limit', () => {
  it('allows as many rows as fit in memory for the columns, never more than Excel has', () => {
    expect(xlsxRowLimit(10)).toBe(400_000);
    expect(xlsxRowLimit(27)).toBe(148_148);
    expect(xlsxRowLimit(1)).toBe(1_048_575);
  });
});

describe('explorer CSV export', () => {
  const columns = ['lead_id', 'created_at', 'medium', 'company', 'stage', 'amount'];
  const rows: Row[] = [
    { lead_id: 'L1', created_at: day('2025-01-05'), medium: 'web', company: '=1+1', stage: 'won', amount: 1234.5 },
    { lead_id: 'L2', created_at: day('2025-02-28'), medium: 'trade_fair', company: '@SUM(A1)', stage: 'lead', amount: -20 },
    { lead_id: 'L3', created_at: day('2025-03-01'), medium: 'ad', company: 'Müller, "Blau" & Co', stage: 'mql', amount: null },
  ];

  it('writes the English export headers, ISO dates, plain numbers and neutralised formulas', () => {
    const parsed = Papa.parse<string[]>(leadsCsvChunk(rows, columns, true)).data;
    expect(parsed).toEqual([
      ['Lead ID', 'Created Date', 'Lead Source', 'Company', 'Lead Status', 'Amount'],
      ['L1', '2025-01-05', 'web', "'=1+1", 'won', '1234.5'],
      ['L2', '2025-02-28', 'trade_fair', "'@SUM(A1)", 'lead', '-20'],
      ['L3', '2025-03-01', 'ad', 'Müller, "Blau" & Co', 'mql', ''],
    ]);
  });

  it('has headers the Import page maps back onto the same lead columns', () => {
    const headers = EXPLORER_COLUMNS.filter((c) => !c.startsWith('_')).map(exportHeader);
    expect(detectTableKind(headers)).toBe('leads');
    const mapping = suggestMapping('leads', headers);
    for (const column of EXPLORER_COLUMNS.filter((c) => !c.startsWith('_'))) expect(mapping[column], column).toBe(exportHeader(column));
  });

  it('joins chunks into one file with one header row and a BOM', async () => {
    const sink = csvSink(columns);
    sink.add(rows.slice(0, 2));
    sink.add(rows.slice(2));
    sink.add([]);
    const bytes = new Uint8Array(await (await sink.finish()).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true }).data;
    expect(parsed.map((r) => r[0])).toEqual(['Lead ID', 'L1', 'L2', 'L3']);
  });

  it('writes the header alone when no lead is listed', async () => {
    const sink = csvSink(['lead_id', 'stage']);
    // Blob.text() drops the BOM.
    expect(await (await sink.finish()).text()).toBe('Lead ID,Lead Status\r\n');
  });
});
