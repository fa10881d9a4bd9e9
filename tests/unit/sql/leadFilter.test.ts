import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE } from '../../../src/domain/pipeline';
import { conditionSql, whereSql } from '../../../src/sql/leadFilter';

describe('lead filter SQL', () => {
  it('binds every value, and matches blanks with IS NULL', () => {
    const query = conditionSql({ kind: 'values', dimension: 'owner', values: ["O'Brien", null] }, DEFAULT_PIPELINE);
    expect(query).toEqual({ sql: '("owner" IN (?) OR "owner" IS NULL)', params: ["O'Brien"] });
  });

  it('matches nothing for an empty value list or a stage the pipeline lacks', () => {
    expect(conditionSql({ kind: 'values', dimension: 'medium', values: [] }, DEFAULT_PIPELINE).sql).toBe('FALSE');
    expect(conditionSql({ kind: 'reached', stage: 'nope' }, DEFAULT_PIPELINE).sql).toBe('FALSE');
  });

  it('ANDs the conditions into one WHERE clause, empty without conditions', () => {
    expect(whereSql([], DEFAULT_PIPELINE)).toEqual({ sql: '', params: [] });
    const where = whereSql(
      [
        { kind: 'created', range: { from: '2025-01-01', to: '2025-03-31' } },
        { kind: 'values', dimension: 'medium', values: ['web'] },
      ],
      DEFAULT_PIPELINE,
      'l',
    );
    expect(where).toEqual({ sql: 'WHERE "l"."created_at" BETWEEN ?::DATE AND ?::DATE AND ("l"."medium" IN (?))', params: ['2025-01-01', '2025-03-31', 'web'] });
  });
});

describe('filters on source and on extra columns', () => {
  it('quote an extra column by its header and bind its values', () => {
    const query = conditionSql({ kind: 'values', dimension: 'x:Lead "Origin", 2', values: ["'; DROP TABLE leads; --", null] }, DEFAULT_PIPELINE, 'l');
    expect(query).toEqual({ sql: '("l"."Lead ""Origin"", 2" IN (?) OR "l"."Lead ""Origin"", 2" IS NULL)', params: ["'; DROP TABLE leads; --"] });
    expect(conditionSql({ kind: 'values', dimension: 'source', values: ['organic_search'] }, DEFAULT_PIPELINE).sql).toBe('("source" IN (?))');
  });

  it('take the header after the prefix as it is, a prefix-like start included', () => {
    expect(conditionSql({ kind: 'values', dimension: 'x:x:y', values: ['a'] }, DEFAULT_PIPELINE).sql).toBe('("x:y" IN (?))');
  });
});
