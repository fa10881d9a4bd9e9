import { describe, expect, it } from 'vitest';
import { toVariableQuery } from '../../../src/db/boundVariables';

describe('toVariableQuery', () => {
  it('replaces each placeholder by its variable and sets the values through prepared statements', () => {
    const q = toVariableQuery({ sql: 'SELECT * FROM read_csv(?, delim = ?) WHERE x = ?', params: ['f.csv', ';', 3] });
    expect(q.sql).toBe("SELECT * FROM read_csv(getvariable('leadloop_p0'), delim = getvariable('leadloop_p1')) WHERE x = getvariable('leadloop_p2')");
    expect(q.assignments).toEqual([
      { sql: 'SET VARIABLE leadloop_p0 = ?', value: 'f.csv' },
      { sql: 'SET VARIABLE leadloop_p1 = ?', value: ';' },
      { sql: 'SET VARIABLE leadloop_p2 = ?', value: 3 },
    ]);
  });

  it('leaves question marks inside literals, quoted identifiers and comments alone', () => {
    const q = toVariableQuery({ sql: `SELECT 'why?', 'it''s ?', "col?" -- really?\nFROM t WHERE a = ?`, params: [1] });
    expect(q.sql).toBe(`SELECT 'why?', 'it''s ?', "col?" -- really?\nFROM t WHERE a = getvariable('leadloop_p0')`);
  });

  it('refuses a query whose placeholders and values do not match', () => {
    expect(() => toVariableQuery({ sql: 'SELECT ?, ?', params: [1] })).toThrow(/more placeholders/);
    expect(() => toVariableQuery({ sql: 'SELECT 1', params: [1] })).toThrow(/0 placeholders for 1 values/);
    expect(() => toVariableQuery({ sql: "SELECT 'open", params: [] })).toThrow(/unterminated/);
  });
});
