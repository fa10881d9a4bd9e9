import { describe, expect, it } from 'vitest';
import { ByteNumbering, compareBytes, PairNumbering, type Utf8Column } from '../../../src/domain/quality/byteKeys';
import { IncrementalDuplicateScan, matchKindsOf, scanDuplicates, type DuplicateScan, type LeadKeyBatch } from '../../../src/domain/quality/duplicateScan';
import { companyKey, nameKey, regionKey } from '../../../src/domain/quality/matchKeys';

const encoder = new TextEncoder();

/** Texts as an Arrow-shaped UTF-8 column (null: no value). */
function utf8(texts: readonly (string | null)[]): Utf8Column {
  const bytes = texts.map((t) => encoder.encode(t ?? ''));
  const offsets = new Int32Array(texts.length + 1);
  bytes.forEach((b, i) => (offsets[i + 1] = offsets[i]! + b.length));
  const values = new Uint8Array(offsets[texts.length]!);
  bytes.forEach((b, i) => values.set(b, offsets[i]!));
  const validity = new Uint8Array(Math.ceil(texts.length / 8));
  texts.forEach((t, i) => {
    if (t !== null) validity[i >> 3]! |= 1 << (i & 7);
  });
  return { values, offsets, validity };
}

interface Lead {
  source?: string;
  line: number;
  id: string;
  created?: string;
  email?: string;
  company?: string;
  name?: string;
  region?: string;
  phone?: string;
}

const day = (date: string | undefined) => (date === undefined ? Date.UTC(9999, 11, 31) : Date.parse(`${date}T00:00:00Z`)) / 86400000;

function batch(leads: readonly Lead[]): LeadKeyBatch {
  const texts = (pick: (l: Lead) => string | undefined) => utf8(leads.map((l) => pick(l) ?? null));
  return {
    length: leads.length,
    source: texts((l) => l.source ?? 'leads.csv'),
    line: Int32Array.from(leads, (l) => l.line),
    leadId: texts((l) => l.id),
    createdDay: Int32Array.from(leads, (l) => day(l.created)),
    email: texts((l) => l.email),
    company: texts((l) => l.company),
    contactName: texts((l) => l.name),
    region: texts((l) => l.region),
    phone: texts((l) => l.phone),
    country: texts(() => undefined),
  };
}

/** The scan as one row per clustered lead: "line: cluster's line, later?, kinds". */
function described(batches: readonly LeadKeyBatch[] | DuplicateScan): string[] {
  const scan = Array.isArray(batches) ? scanDuplicates(batches) : (batches as DuplicateScan);
  return Array.from(scan.line, (line, i) => `${scan.source[i]}:${line} in ${scan.clusterSource[i]}:${scan.clusterLine[i]}${scan.later[i] ? ' later' : ''} ${matchKindsOf(scan.matches[i]!).join('+')}`);
}

describe('match keys', () => {
  it('take a company the same in every spelling of its legal form, umlauts and Unicode form', () => {
    const spellings = ['Müller GmbH', 'Mueller GmbH', 'MÜLLER G.m.b.H.', 'Mu\u0308ller GmbH', 'müller gmbh & co. kg'];
    expect(new Set(spellings.map(companyKey))).toEqual(new Set(['mueller']));
    expect(companyKey('Becker & Söhne KG')).toBe(companyKey('Becker und Soehne'));
    expect(companyKey('Müller Bau GmbH')).not.toBe(companyKey('Müller GmbH'));
    expect(companyKey('GmbH')).toBeNull();
  });

  it('take a name the same in either order, without titles, and fold a region', () => {
    expect(nameKey('Weiß, Jürgen')).toBe('juergen weiss');
    expect(nameKey('Dr. Jürgen Weiss')).toBe('juergen weiss');
    expect(nameKey('Prof.')).toBeNull();
    expect(regionKey('Baden-Württemberg')).toBe('baden-wuerttemberg');
    expect(regionKey('Île-de-France')).toBe('ile-de-france');
  });
});

describe('numbers for bytes and pairs', () => {
  it('number equal bytes alike across buffers, letters in any ASCII case when asked, and stay exact past growing', () => {
    const caseless = new ByteNumbering(true);
    const [a, b] = [encoder.encode('x Anna@Example.org'), encoder.encode('anna@example.ORG')];
    expect(caseless.numberOf(a, 2, a.length)).toBe(caseless.numberOf(b, 0, b.length));
    const plain = new ByteNumbering();
    expect(plain.numberOf(a, 2, a.length)).not.toBe(plain.numberOf(b, 0, b.length));
    const many = new ByteNumbering();
    const words = Array.from({ length: 20000 }, (_, i) => encoder.encode(`lead ${i}`));
    expect(words.map((w) => many.numberOf(w, 0, w.length))).toEqual(words.map((_, i) => i));
    expect(words.map((w) => many.numberOf(encoder.encode(new TextDecoder().decode(w)), 0, w.length))).toEqual(words.map((_, i) => i));
    const pairs = new PairNumbering();
    const numbered = Array.from({ length: 30000 }, (_, i) => pairs.numberOf(i % 300, Math.floor(i / 300)));
    expect(new Set(numbered).size).toBe(30000);
    expect(pairs.numberOf(7, 3)).toBe(numbered[3 * 300 + 7]);
  });

  it('order texts by their UTF-8 bytes, as DuckDB does, not by UTF-16 units', () => {
    const order = (x: string, y: string) => {
      const [a, b] = [encoder.encode(x), encoder.encode(y)];
      return Math.sign(compareBytes(a, 0, a.length, b, 0, b.length));
    };
    expect(order('L10', 'L9')).toBe(-1);
    expect(order('L1', 'L10')).toBe(-1);
    // U+FB01 is EF AC 81 in UTF-8, before F0 of an emoji; in UTF-16 the emoji's surrogate D83D comes first.
    expect(order('\uFB01', '😀')).toBe(-1);
    expect('\uFB01' < '😀').toBe(false);
  });
});

describe('the duplicate scan', () => {
  const leads: Lead[] = [
    { line: 2, id: 'L1', created: '2025-01-05', email: 'j.weiss@mueller.de', company: 'Müller GmbH', name: 'Jürgen Weiß', phone: '0711 123456' },
    { line: 3, id: 'L2', created: '2025-01-03', email: 'J.Weiss@Mueller.DE', company: 'Mueller', name: 'J. Weiss' },
    { line: 4, id: 'L3', company: 'MÜLLER G.m.b.H.', name: 'Weiß, Jürgen', phone: '+49 711 123456' },
    { line: 5, id: 'L4', created: '2025-01-01', company: 'Müller GmbH', name: 'Anna Berg', phone: '0711 999999', email: 'anna@mueller.de' },
    { line: 6, id: 'L5', created: '2025-02-01', company: 'Weber KG', name: 'Max Roth', phone: '0123456' },
    { line: 7, id: 'L6', created: '2025-02-01', company: 'Weber KG', name: 'Eva Lang', phone: '00123456' },
    { line: 8, id: 'L7', created: '2025-03-01', company: 'Weber', name: 'Paul Klein', phone: '0049 123 456' },
    { line: 9, id: 'L8', created: '2025-03-01', company: 'Weber KG', name: 'Paul Klein', region: 'Bayern' },
    { line: 10, id: 'L9', created: '2025-03-02', company: 'Weber KG', name: 'Paul Klein', region: 'BAYERN' },
  ];
  const copy: Lead[] = [{ source: 'crm-b.csv', line: 2, id: 'L1', created: '2025-02-01', email: 'other@example.org' }];

  it('clusters by id, e-mail in any case, a person with one thing more, and company with phone; only them', () => {
    expect(described([batch(leads), batch(copy)])).toEqual([
      // L2 entered first of the e-mail block; L1 first of its id, person and phone blocks: the cluster
      // is named by L1 (line 2). L3 shares the person and, with the company, the number's last eight digits.
      'leads.csv:2 in leads.csv:2 later id+email+person+phone',
      'leads.csv:3 in leads.csv:2 email',
      'leads.csv:4 in leads.csv:2 later person+phone',
      // A person at the same company in the same region, created a day apart.
      'leads.csv:9 in leads.csv:9 person',
      'leads.csv:10 in leads.csv:9 later person',
      'crm-b.csv:2 in leads.csv:2 later id',
    ]);
  });

  it('finds the same in one batch or several, and the entry first created keeps its points (then id, file and line)', () => {
    const together = described([batch([...leads, ...copy])]);
    expect(described([batch(leads.slice(0, 4)), batch(leads.slice(4)), batch(copy)]).sort()).toEqual([...together].sort());
    const tied: Lead[] = [
      { source: 'b.csv', line: 3, id: 'X', email: 'same@x.de' },
      { source: 'a.csv', line: 9, id: 'X', email: 'same@x.de' },
      { source: 'a.csv', line: 4, id: 'W', email: 'same@x.de' },
    ];
    expect(described([batch(tied)])).toEqual(['b.csv:3 in a.csv:4 later id+email', 'a.csv:9 in a.csv:4 later id+email', 'a.csv:4 in a.csv:4 email']);
  });

  it("finds the same when fed one lead at a time, as the app's worker takes the batches while they come", () => {
    const scan = new IncrementalDuplicateScan();
    // More leads than the scan's first room, so that its columns grow on the way.
    const many = Array.from({ length: 40 }, (_, i) => [...leads, ...copy].map((l) => ({ ...l, line: l.line + 100 * i, id: `${l.id}-${i % 7}` }))).flat();
    for (const lead of many) scan.add([batch([lead])]);
    expect(described(scan.finish())).toEqual(described([batch(many)]));
    expect(described([batch(many)]).length).toBeGreaterThan(100);
  });

  it('finds nothing in leads that share only a company, a domain, a too short number or an address of invalid syntax', () => {
    const apart: Lead[] = [
      { line: 2, id: 'A', company: 'Acme', name: 'Ann', email: 'ann@acme.com', phone: '12345' },
      { line: 3, id: 'B', company: 'Acme', name: 'Bob', email: 'bob@acme.com', phone: '12345' },
      { line: 4, id: 'C', name: 'Ann', email: 'ann@other.com' },
      { line: 5, id: 'D', email: 'n/a@acme' },
      { line: 6, id: 'E', email: 'N/A@acme' },
    ];
    expect(scanDuplicates([batch(apart)])).toMatchObject({ clusters: 0, line: new Int32Array(0) });
  });
});
