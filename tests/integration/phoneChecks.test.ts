import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toRows } from '../../src/db/arrowRows';
import { phoneShape } from '../../src/domain/quality/phonePlausibility';
import { distinctPhonesSql } from '../../src/sql/phoneChecks';
import { ENGINES, loadEnglish } from './helpers/engines';

/** Numbers in every form the shapes must survive: separators, letters, extensions, too few digits, other scripts' digits. */
const ODD_PHONES = [
  '+49 (0)711 230571', '0711/23-05', '12345', '123456', '1234567', 'folgt', '+41 44 668 18 00', 'Tel. 089-1234567 ext. 12',
  '０７１１ ２３０５７１', '0711 23O571', '  +43 1 234 5678 ', '(030) 1234-5678 / 99', '٠٧١١٢٣٠٥٧١', '+1-202-555-0143',
];

describe.each(ENGINES)('phone shapes on $name', ({ open }) => {
  it('are in SQL what phoneShape makes of each number, for the sample’s numbers and odd ones', async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'leadloop-phones-'));
    const db = await open();
    try {
      const file = path.join(scratch, 'odd-phones.csv');
      const lines = ODD_PHONES.map((phone, i) => `P${i},2025-06-01,Website,Acme GmbH,"${phone}",DE,Open`);
      writeFileSync(file, ['Lead ID,Created Date,Lead Source,Company,Phone,Country,Lead Status', ...lines].join('\n'));
      const shapes = async () => toRows(await db.query({ sql: distinctPhonesSql(), params: [] }));
      const differing = (rows: Record<string, unknown>[]) => rows.filter((r) => r.shape !== phoneShape(String(r.phone)));
      await loadEnglish(db, { leads: path.relative(path.resolve(import.meta.dirname, '../..'), file) });
      const odd = await shapes();
      // Stored trimmed, as the import does.
      expect(odd.map((r) => r.phone).sort()).toEqual(ODD_PHONES.map((p) => p.trim()).sort());
      expect(differing(odd)).toEqual([]);
      await loadEnglish(db, { leads: 'data-samples/en/leads.csv' });
      const sample = await shapes();
      expect(sample.length).toBeGreaterThan(15_000);
      expect(differing(sample)).toEqual([]);
    } finally {
      await db.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
