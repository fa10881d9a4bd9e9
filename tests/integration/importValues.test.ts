import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCodec } from '../../etl/nodeCodec';
import { toRows } from '../../src/db/arrowRows';
import type { Db } from '../../src/db/types';
import type { TableKind } from '../../src/domain/schema';
import { importCsv, type CsvImportInput } from '../../src/services/importCsv';
import { ENGINES } from './helpers/engines';

/**
 * Issue 13's silent misreads: numbers whose grouping does not fit the column's separator, two-digit
 * years, implausible dates and ISO date-times. Expected values are written out by hand.
 */
const EN_HEADER = 'Lead ID,Created Date,Lead Source,Lead Status,Company,Amount';
const DE_HEADER = 'Lead-Nr.;Erstellt am;Leadquelle;Status;Firma;Betrag';
const bytesOf = (text: string) => new Uint8Array(iconv.encode(text, 'utf8'));
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

/** Today + 1 year (UTC), the default upper end of the plausible dates, written by hand here. */
function nextYear(): string {
  const now = new Date();
  const to = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate()));
  return to.toISOString().slice(0, 10);
}

const COMMA_FORMAT = "not in the column's number format (decimal comma: 1.234,56)";
const POINT_FORMAT = "not in the column's number format (decimal point: 1,234.56)";

describe.each(ENGINES)('values on $name', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  const load = (fileName: string, text: string, more: Partial<CsvImportInput> & { kind?: TableKind } = {}) => {
    const bytes = bytesOf(text);
    return importCsv(db, { fileName, source: { kind: 'bytes', bytes }, head: bytes, ...more }, nodeCodec);
  };
  const leads = async () => toRows(await db.query({ sql: 'SELECT lead_id, created_at, amount FROM leads ORDER BY _line', params: [] }));
  const cleared = (report: { cleared: readonly Record<string, unknown>[] }) => report.cleared.map((r) => [r.line, r.column_name, r.value, r.reason]);

  describe('numbers fit the column’s separator and grouping', () => {
    it('flags, never reinterprets, decimal-point numbers in a decimal-comma column', async () => {
      const amounts = ['1.234,56', '1234,5', '1234.56', '1,234.56', '1.23', '12', '1.234', '99,95', '5.000,00', '-1.000.000,5'];
      const csv = `${DE_HEADER}\n${amounts.map((a, i) => `L${i + 1};01.03.2025;Messe;Neu;F;${a}`).join('\n')}\n`;
      const report = await load('de-numbers.csv', csv);
      expect(report.format.decimalSeparator).toBe(',');
      expect((await leads()).map((r) => r.amount)).toEqual([1234.56, 1234.5, null, null, null, 12, 1234, 99.95, 5000, -1000000.5]);
      expect(cleared(report)).toEqual([
        [4, 'amount', '1234.56', COMMA_FORMAT],
        [5, 'amount', '1,234.56', COMMA_FORMAT],
        [6, 'amount', '1.23', COMMA_FORMAT],
      ]);
      expect(report.rowsRejected).toBe(0);
    });

    it('flags decimal-comma numbers and odd groups in a decimal-point column', async () => {
      const amounts = ['1,234.56', '1.234,56', '1,23', '12.5', '1,234', '1,2345', 'twelve', ' 1,000 ', '0.5', '2.75'];
      const csv = `${EN_HEADER}\n${amounts.map((a, i) => `L${i + 1},2025-03-01,Website,Open,C,"${a}"`).join('\n')}\n`;
      const report = await load('en-numbers.csv', csv);
      expect(report.format.decimalSeparator).toBe('.');
      expect((await leads()).map((r) => r.amount)).toEqual([1234.56, null, null, 12.5, 1234, null, null, 1000, 0.5, 2.75]);
      expect(cleared(report)).toEqual([
        [3, 'amount', '1.234,56', POINT_FORMAT],
        [4, 'amount', '1,23', POINT_FORMAT],
        [7, 'amount', '1,2345', POINT_FORMAT],
        [8, 'amount', 'twelve', 'not a number'],
      ]);
    });

    it('rejects the row when a required number does not fit the format', async () => {
      const csv = 'Kampagnen-Nr.;Typ;Kosten\nC1;Messe;1.500,00\nC2;Web;1500.00\nC3;Web;2.000\n';
      const report = await load('campaigns.csv', csv, { kind: 'campaigns' });
      expect(report).toMatchObject({ rowsLoaded: 2, rowsRejected: 1 });
      expect(report.rejects.map((r) => [r.line, r.column_name, r.value, r.reason])).toEqual([[3, 'cost', '1500.00', COMMA_FORMAT]]);
      expect(toRows(await db.query({ sql: 'SELECT campaign_id, cost FROM campaigns ORDER BY _line', params: [] }))).toEqual([
        { campaign_id: 'C1', cost: 1500 },
        { campaign_id: 'C3', cost: 2000 },
      ]);
    });
  });

  describe('two-digit years', () => {
    it('reads a two-digit year by the stated century rule when the sample chose dd.mm.yyyy first', async () => {
      const dates = ['01.03.2025', '02.03.2025', '1.3.25', '31.12.99', '5.6.68'];
      const csv = `${DE_HEADER}\n${dates.map((d, i) => `L${i + 1};${d};Messe;Neu;F;1`).join('\n')}\n`;
      const report = await load('de-years.csv', csv);
      expect(report.format.dateFormats.created_at?.[0]).toBe('%d.%m.%Y');
      expect((await leads()).map((r) => r.created_at)).toEqual([day(2025, 3, 1), day(2025, 3, 2), day(2025, 3, 1), day(1999, 12, 31), null]);
      // 68 → 2068: read by the rule, then out of the plausible range.
      expect(cleared(report).map((r) => r[2])).toEqual(['5.6.68']);
    });

    it('never reads a two-digit year as year 25 under a chosen dd.mm.yyyy', async () => {
      const csv = `${DE_HEADER}\nL1;1.3.25;Messe;Neu;F;1\nL2;15.11.2024;Messe;Neu;F;1\n`;
      const report = await load('de-chosen.csv', csv, { dateFormats: { created_at: ['%d.%m.%Y'] } });
      expect((await leads()).map((r) => r.created_at)).toEqual([day(2025, 3, 1), day(2024, 11, 15)]);
      expect(report.cleared).toEqual([]);
    });
  });

  describe('plausible dates', () => {
    it('empties and lists dates before 1990, more than a year ahead, and Excel’s day zero, with the range in the reason', async () => {
      const to = nextYear();
      const far = `${Number(to.slice(0, 4)) + 1}${to.slice(4)}`;
      const csv = `${EN_HEADER}\nL1,2025-03-01,Website,Open,A,1\nL2,1989-12-31,Website,Open,B,1\nL3,1990-01-01,Website,Open,C,1\nL4,${far},Website,Open,D,1\nL5,1899-12-30,Website,Open,E,1\nL6,${to},Website,Open,F,1\n`;
      const report = await load('range.csv', csv);
      expect(report.dateRange).toEqual({ from: '1990-01-01', to });
      const range = `outside the plausible dates 1990-01-01 … ${to}`;
      expect(cleared(report)).toEqual([
        [3, 'created_at', '1989-12-31', range],
        [5, 'created_at', far, range],
        [6, 'created_at', '1899-12-30', "Excel's day zero (1899-12-30): an empty or time-only cell in Excel"],
      ]);
      expect((await leads()).map((r) => r.created_at)).toEqual([day(2025, 3, 1), null, day(1990, 1, 1), null, null, Date.parse(to)]);
      expect(report.rowsLoaded).toBe(6);
    });

    it('takes the range from the import’s input, and still flags Excel’s day zero', async () => {
      const csv = `${EN_HEADER}\nL1,1985-06-15,Website,Open,A,1\nL2,2031-01-01,Website,Open,B,1\nL3,1899-12-30,Website,Open,C,1\nL4,45658,Website,Open,D,1\n`;
      const report = await load('range-set.csv', csv, { dateRange: { from: '1800-01-01', to: '2030-12-31' }, dateFormats: { created_at: ['%Y-%m-%d', 'excel-serial'] } });
      expect(report.dateRange).toEqual({ from: '1800-01-01', to: '2030-12-31' });
      expect((await leads()).map((r) => r.created_at)).toEqual([day(1985, 6, 15), null, null, day(2025, 1, 1)]);
      expect(cleared(report).map((r) => r[3])).toEqual(['outside the plausible dates 1800-01-01 … 2030-12-31', "Excel's day zero (1899-12-30): an empty or time-only cell in Excel"]);
    });
  });

  describe('costs per medium and month', () => {
    const costs = async () => toRows(await db.query({ sql: 'SELECT campaign_id, medium, month, cost FROM campaigns ORDER BY _line', params: [] }));

    it('recognises a German file of costs per medium and month and reads its months as their first day', async () => {
      const csv = 'Monat;Leadquelle;Kosten\n01.2025;Messe;12.000,00\n2.2025;Telefonmarketing;800\n03.2025;Messe;500,5\n';
      const report = await load('kosten-monat.csv', csv);
      expect(report).toMatchObject({ kind: 'campaigns', rowsLoaded: 3, rowsRejected: 0 });
      expect(report.format.dateFormats.month).toEqual(['%m.%Y']);
      expect(await costs()).toEqual([
        { campaign_id: null, medium: 'trade_fair', month: day(2025, 1, 1), cost: 12000 },
        { campaign_id: null, medium: 'telemarketing', month: day(2025, 2, 1), cost: 800 },
        { campaign_id: null, medium: 'trade_fair', month: day(2025, 3, 1), cost: 500.5 },
      ]);
    });

    it('rejects a row whose month or dates it cannot read (emptied, it would be a cost of all time), naming line and column', async () => {
      const csv = 'Month,Medium,Start Date,End Date,Cost\n2025-01,Website,,,100\nJan 2025,Website,,,200\n2025-13,Website,,,300\n,Website,2025-02-01,2025-02-30,350\n2025-02,Website,,,400\n,Website,2025-03-01,2025-04-30,500\n';
      const report = await load('costs-month.csv', csv, { kind: 'campaigns' });
      expect(report).toMatchObject({ rowsLoaded: 3, rowsRejected: 3 });
      expect(report.rejects.map((r) => [r.line, r.column_name, r.value, r.reason])).toEqual([
        [3, 'month', 'Jan 2025', 'not a date (expected %Y-%m)'],
        [4, 'month', '2025-13', 'not a date (expected %Y-%m)'],
        [5, 'end_date', '2025-02-30', 'not a date (expected %Y-%m-%d)'],
      ]);
      expect((await costs()).map((r) => [r.month, r.cost])).toEqual([
        [day(2025, 1, 1), 100],
        [day(2025, 2, 1), 400],
        [null, 500],
      ]);
    });

    it('in a file with campaign ids, rejects a row without one instead of reading it as a medium’s cost', async () => {
      const csv = 'Campaign ID,Medium,Cost\nC1,Website,100\n,Website,200\nC3,Website,300\n';
      const report = await load('campaigns-blank-id.csv', csv, { kind: 'campaigns' });
      expect(report).toMatchObject({ rowsLoaded: 2, rowsRejected: 1 });
      expect(report.rejects.map((r) => [r.line, r.column_name, r.reason])).toEqual([[3, 'campaign_id', 'required value missing']]);
      expect((await costs()).map((r) => r.campaign_id)).toEqual(['C1', 'C3']);
    });

    it('flags a campaign’s month given twice, and an update replaces all of a campaign’s rows while a medium’s costs keep the campaigns', async () => {
      const twice = await load('campaign-month-twice.csv', 'Campaign ID,Month,Medium,Cost\nC1,2025-01,Website,100\nC1,2025-01,Website,100\nC1,,Website,50\nC1,,Website,50\n', { kind: 'campaigns' });
      expect(twice.rejects.map((r) => [r.line, r.column_name, r.reason])).toEqual([
        [3, 'campaign_id', 'duplicate of line 2'],
        [5, 'campaign_id', 'duplicate of line 4'],
      ]);
      const upsert = (fileName: string, text: string) => importCsv(db, { fileName, source: { kind: 'bytes', bytes: bytesOf(text) }, head: bytesOf(text), kind: 'campaigns' }, nodeCodec, { mode: 'upsert' });
      await load('campaign-total.csv', 'Campaign ID,Medium,Cost\nC1,Website,300\nC2,Event,80\n', { kind: 'campaigns' });
      const monthly = await upsert('campaign-months.csv', 'Campaign ID,Month,Medium,Cost\nC1,2025-01,Website,100\nC1,2025-03,Website,200\n');
      expect(monthly).toMatchObject({ mode: 'upsert', rowsReplaced: 1 });
      const media = await upsert('medium-costs.csv', 'Month,Medium,Cost\n2025-01,Telemarketing,500\n2025-02,Telemarketing,600\n');
      expect(media).toMatchObject({ mode: 'upsert', rowsReplaced: 0 });
      // The same medium and month again replaces its row only.
      await upsert('medium-costs-fix.csv', 'Month,Medium,Cost\n2025-02,Telemarketing,650\n');
      const all = toRows(await db.query({ sql: 'SELECT campaign_id, medium, month, cost FROM campaigns ORDER BY campaign_id NULLS LAST, month', params: [] }));
      expect(all.map((r) => [r.campaign_id, r.medium, r.month, r.cost])).toEqual([
        ['C1', 'web', day(2025, 1, 1), 100],
        ['C1', 'web', day(2025, 3, 1), 200],
        ['C2', 'event', null, 80],
        [null, 'telemarketing', day(2025, 1, 1), 500],
        [null, 'telemarketing', day(2025, 2, 1), 650],
      ]);
    });

    it('takes a campaign’s id once per month, but flags it repeated in a file without months', async () => {
      const monthly = await load('campaign-months.csv', 'Campaign ID,Month,Medium,Cost\nC1,2025-01,Website,100\nC1,2025-02,Website,200\n', { kind: 'campaigns' });
      expect(monthly).toMatchObject({ rowsLoaded: 2, rowsRejected: 0 });
      const repeated = await load('campaign-twice.csv', 'Campaign ID,Medium,Cost\nC1,Website,100\nC1,Website,200\n', { kind: 'campaigns' });
      expect(repeated.rejects.map((r) => [r.line, r.column_name, r.reason])).toEqual([[3, 'campaign_id', 'duplicate of line 2']]);
    });
  });

  describe('date-times', () => {
    it('reads ISO date-times: the date as written without an offset, the UTC date with Z or an offset', async () => {
      const cells = ['2025-03-01T10:15:00', '2025-03-01 10:15:00', '2025-03-01T23:30:00Z', '2025-03-01T23:30:00-05:00', '2025-03-02T01:00:00+02:00', '2025-03-01T10:15:00.123Z', '2025-03-01'];
      const csv = `${EN_HEADER}\n${cells.map((c, i) => `L${i + 1},${c},Website,Open,A,1`).join('\n')}\n`;
      const report = await load('iso-times.csv', csv);
      expect(cleared(report)).toEqual([]);
      expect((await leads()).map((r) => r.created_at)).toEqual([day(2025, 3, 1), day(2025, 3, 1), day(2025, 3, 1), day(2025, 3, 2), day(2025, 3, 1), day(2025, 3, 1), day(2025, 3, 1)]);
    });

    it('reads German date-times and ISO date-times in a column of mixed formats', async () => {
      const cells = ['01.03.2025 10:15', '02.03.2025', '03.03.2025 08:00:59', '2025-03-04T10:15:00', '2025-03-04T23:00:00-02:00', '1.3.25 9:05'];
      const csv = `${DE_HEADER}\n${cells.map((c, i) => `L${i + 1};${c};Messe;Neu;F;1`).join('\n')}\n`;
      const report = await load('de-times.csv', csv);
      expect(cleared(report)).toEqual([]);
      expect((await leads()).map((r) => r.created_at)).toEqual([day(2025, 3, 1), day(2025, 3, 2), day(2025, 3, 3), day(2025, 3, 4), day(2025, 3, 5), day(2025, 3, 1)]);
    });
  });
});
