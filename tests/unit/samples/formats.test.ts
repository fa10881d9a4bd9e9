import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_KINDS, type TableKind } from '../../../src/domain/schema';
import { canonicalValue, STANDARD_MEDIA } from '../../../src/domain/vocabulary';
import { DE, EN, LABELS, sampleColumns, tableFormat } from '../../../data-samples/generator/styles';
import { UNKNOWN_MEDIA } from '../../../data-samples/generator/story';
import {
  canonicalCell,
  canonicalOutcome,
  fileOf,
  isoFromGerman,
  plainFromGerman,
  readCells,
  SAMPLES_DIR,
} from './sampleFiles';

const cells: Record<string, string[][]> = {};

beforeAll(async () => {
  for (const style of ['en', 'de'] as const) for (const kind of TABLE_KINDS) cells[`${style}/${kind}`] = await readCells(SAMPLES_DIR, style, kind);
});

describe('export labels', () => {
  it('map back onto the canonical values with canonicalValue', () => {
    for (const style of ['en', 'de'] as const) {
      const labels = LABELS[style];
      for (const medium of STANDARD_MEDIA) expect(canonicalValue('medium', labels.medium[medium]), `${style} ${medium}`).toBe(medium);
      for (const [stage, label] of Object.entries(labels.stage)) expect(canonicalValue('stage', label), `${style} ${label}`).toBe(stage);
      for (const [channel, label] of Object.entries(labels.channel)) expect(canonicalValue('channel', label), `${style} ${label}`).toBe(channel);
      for (const [outcome, label] of Object.entries(labels.outcome)) expect(canonicalOutcome(label), `${style} ${label}`).toBe(outcome);
    }
    expect(LABELS.en.medium.trade_fair).toBe('Trade Show');
    expect(LABELS.de.medium.trade_fair).toBe('Messe');
  });

  it('keep the deliberately unknown media as their own medium', () => {
    for (const m of UNKNOWN_MEDIA) {
      expect(canonicalValue('medium', m)).toBe(m);
      expect(STANDARD_MEDIA as readonly string[]).not.toContain(canonicalValue('medium', m));
    }
  });

  it('every vocabulary value written in the files is a known label or an unknown medium', () => {
    const allowed = (style: 'en' | 'de', vocab: 'medium' | 'stage' | 'channel' | 'outcome'): Set<string> =>
      new Set([...Object.values(LABELS[style][vocab]), ...(vocab === 'medium' ? UNKNOWN_MEDIA : [])]);
    for (const style of ['en', 'de'] as const) {
      for (const kind of TABLE_KINDS) {
        const [header, ...rows] = cells[`${style}/${kind}`]!;
        sampleColumns(kind).forEach((c, i) => {
          if (!['medium', 'stage', 'channel', 'outcome'].includes(c.name)) return;
          const ok = allowed(style, c.name as 'medium');
          const seen = new Set(rows.map((r) => r[i]!));
          for (const v of seen) expect(ok.has(v), `${style}/${kind} ${header![i]} "${v}"`).toBe(true);
        });
      }
    }
  });
});

describe('file format', () => {
  it('writes the first en/de header of every canonical column, in order', () => {
    for (const kind of TABLE_KINDS) {
      expect(cells[`en/${kind}`]![0]).toEqual(sampleColumns(kind).map((c) => c.en[0]));
      expect(cells[`de/${kind}`]![0]).toEqual(sampleColumns(kind).map((c) => c.de[0]));
    }
  });

  it('en: UTF-8 without BOM, \\n line endings; de: Windows-1252 with € as 0x80, \\r\\n line endings', async () => {
    for (const kind of TABLE_KINDS) {
      const en = await readFile(fileOf(SAMPLES_DIR, 'en', kind));
      const de = await readFile(fileOf(SAMPLES_DIR, 'de', kind));
      expect(en.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
      expect(en.includes(0x0d)).toBe(false);
      expect(en.toString('utf8').includes('\uFFFD')).toBe(false);
      expect(en[en.length - 1]).toBe(0x0a);
      const deText = iconv.decode(de, 'win1252');
      expect(deText.replace(/\r\n/g, '').includes('\n')).toBe(false);
      expect(deText.endsWith('\r\n')).toBe(true);
      expect(iconv.encode(deText, 'win1252').equals(de)).toBe(true);
    }
    const campaignsDe = await readFile(fileOf(SAMPLES_DIR, 'de', 'campaigns'));
    expect(campaignsDe.includes(0x80)).toBe(true); // "5 € Gutschein"
    expect(campaignsDe.includes(Buffer.from('€', 'utf8'))).toBe(false);
    const leadsDe = await readFile(fileOf(SAMPLES_DIR, 'de', 'leads'));
    expect(leadsDe.includes(Buffer.from('ü', 'latin1'))).toBe(true); // 0xFC
  });

  it('is type-clean: every date cell a valid date, every number cell a valid number (or empty)', () => {
    const isRealIso = (v: string): boolean => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
      return new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
    };
    for (const kind of TABLE_KINDS) {
      const en = cells[`en/${kind}`]!.slice(1);
      const de = cells[`de/${kind}`]!.slice(1);
      sampleColumns(kind).forEach((c, i) => {
        for (const row of en) {
          const v = row[i]!;
          if (v === '') {
            if (c.required) throw new Error(`en/${kind} ${c.name}: required column empty`);
            continue;
          }
          if (c.type === 'DATE' && !isRealIso(v)) throw new Error(`en/${kind} ${c.name}: bad date ${v}`);
          if (c.type === 'DOUBLE' && !/^\d+(\.\d+)?$/.test(v)) throw new Error(`en/${kind} ${c.name}: bad number ${v}`);
          if (c.type === 'INTEGER' && !/^\d+$/.test(v)) throw new Error(`en/${kind} ${c.name}: bad integer ${v}`);
        }
        for (const row of de) {
          const v = row[i]!;
          if (v === '') continue;
          if (c.type === 'DATE' && !/^\d{2}\.\d{2}\.\d{4}$/.test(v)) throw new Error(`de/${kind} ${c.name}: bad date ${v}`);
          if (c.type === 'DOUBLE' && !/^\d{1,3}(\.\d{3})*(,\d+)?$/.test(v)) throw new Error(`de/${kind} ${c.name}: bad number ${v}`);
          if (c.type === 'INTEGER' && !/^\d+$/.test(v)) throw new Error(`de/${kind} ${c.name}: bad integer ${v}`);
        }
      });
    }
  });

  it('de has the same cell values as en after normalising number, date and vocabulary formats', () => {
    for (const kind of TABLE_KINDS) {
      const en = cells[`en/${kind}`]!.slice(1);
      const de = cells[`de/${kind}`]!.slice(1);
      expect(de.length, kind).toBe(en.length);
      const columns = sampleColumns(kind);
      for (let r = 0; r < en.length; r++) {
        const a = en[r]!;
        const b = de[r]!;
        expect(b.length).toBe(columns.length);
        columns.forEach((c, i) => {
          const enValue = canonicalCell(c.name, a[i]!);
          const deRaw = b[i]!;
          const deValue =
            c.type === 'DATE' ? isoFromGerman(deRaw) : c.type === 'VARCHAR' ? canonicalCell(c.name, deRaw) : plainFromGerman(deRaw);
          if (deValue !== enValue) throw new Error(`${kind} row ${r + 2} ${c.name}: en "${a[i]}" vs de "${deRaw}"`);
        });
      }
    }
  });

  it('quotes company names with commas and quotes (RFC 4180) so they survive a round trip', () => {
    const text = cells['en/leads']!.map((r) => r[sampleColumns('leads').findIndex((c) => c.name === 'company')]!);
    expect(text).toContain('Schmidt, Meier & Partner');
    expect(text).toContain('"Blaue Welle" AG');
    expect(text.some((t) => /ü|ö|ä|ß/.test(t))).toBe(true);
    // Formatting a tricky row and parsing it back gives the same values in both styles.
    const row: Record<string, string | number | null> = {
      campaign_id: 'CMP-X', name: 'Frühjahrs-Mailing 2025 – 5 € Gutschein; "Spezial", Teil 1\nZeile 2', medium: 'direct_mail',
      start_date: 20_000, end_date: 20_010, cost: 148577.34, planned_leads: 1250,
    };
    for (const style of [EN, DE]) {
      const f = tableFormat('campaigns' as TableKind, style);
      const parsed = Papa.parse<string[]>(f.headerLine + f.formatRow(row), { delimiter: style.delimiter, newline: style.eol as '\n' | '\r\n', skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.data[1]![1]).toBe(row.name);
      expect(parsed.data[1]![5]).toBe(style === EN ? '148577.34' : '148.577,34');
      expect(parsed.data[1]![6]).toBe('1250');
    }
  });
});
