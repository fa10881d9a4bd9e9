import { describe, expect, it } from 'vitest';
import { TABLE_KINDS } from '../../../src/domain/schema';
import { generate, hashes, withTempDir } from './sampleFiles';

describe('sample generator determinism', () => {
  it('gives byte-identical files for the same seed, and different files for another seed', async () => {
    await withTempDir(async (dir) => {
      await generate(`${dir}/a`, { leads: 2000 });
      await generate(`${dir}/b`, { leads: 2000 });
      await generate(`${dir}/c`, { leads: 2000, seed: 43 });
      await generate(`${dir}/en-only`, { leads: 2000, styles: ['en'] });
      const a = await hashes(`${dir}/a`);
      const b = await hashes(`${dir}/b`);
      const c = await hashes(`${dir}/c`);
      expect(b).toEqual(a);
      for (const kind of ['leads', 'deals', 'campaigns', 'targets']) {
        expect(c[`en/${kind}`], kind).not.toBe(a[`en/${kind}`]);
        expect(c[`de/${kind}`], kind).not.toBe(a[`de/${kind}`]);
      }
      // Choosing styles does not change the rows.
      const enOnly = await hashes(`${dir}/en-only`, ['en']);
      for (const kind of TABLE_KINDS) expect(enOnly[`en/${kind}`]).toBe(a[`en/${kind}`]);
    });
  }, 30_000);

  it('reports what it wrote', async () => {
    await withTempDir(async (dir) => {
      const summary = await generate(dir, { leads: 500 });
      expect(summary.tables.leads.rows).toBe(500);
      expect(summary.tables.campaigns.rows).toBeGreaterThanOrEqual(55);
      expect(summary.tables.targets.rows).toBe(45);
      expect(summary.tables.deals.rows).toBeGreaterThan(0);
      for (const kind of TABLE_KINDS) {
        expect(summary.tables[kind].bytes.en).toBeGreaterThan(0);
        expect(summary.tables[kind].bytes.de).toBeGreaterThan(0);
      }
    });
  }, 30_000);

  it('rejects nonsense options', async () => {
    await withTempDir(async (dir) => {
      await expect(generate(dir, { leads: 0 })).rejects.toThrow(/leads/);
      await expect(generate(dir, { leads: 1.5 })).rejects.toThrow(/leads/);
      await expect(generate(dir, { styles: [] })).rejects.toThrow(/style/);
    });
  });
});
