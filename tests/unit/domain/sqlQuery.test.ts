import { describe, expect, it } from 'vitest';
import { joinSql, quoteIdent } from '../../../src/domain/sqlQuery';

describe('quoteIdent', () => {
  it('doubles inner quotes so a header can never end the identifier', () => {
    expect(quoteIdent('Lead ID')).toBe('"Lead ID"');
    expect(quoteIdent('a"; DROP TABLE leads; --')).toBe('"a""; DROP TABLE leads; --"');
  });
  it('refuses NUL', () => expect(() => quoteIdent('a\0b')).toThrow());
});

describe('joinSql', () => {
  it('keeps params in placeholder order', () => {
    expect(joinSql(['SELECT', { sql: '? AS a,', params: [1] }, { sql: '? AS b', params: ['x'] }])).toEqual({
      sql: 'SELECT ? AS a, ? AS b',
      params: [1, 'x'],
    });
  });
});
