import type { SqlQuery } from '../domain/sqlQuery';

/**
 * duckdb-wasm can poll, cancel and report progress only for plain-text queries (prepared ones run
 * to the end in one go). To keep values bound anyway, each value is set as a session variable by a
 * prepared `SET VARIABLE name = ?` and the query refers to it with getvariable('name').
 */
export interface VariableQuery {
  /** Each entry is run as a prepared statement with its one value. */
  readonly assignments: readonly { readonly sql: string; readonly value: SqlQuery['params'][number] }[];
  /** The query text with every placeholder replaced by its variable. */
  readonly sql: string;
}

export function toVariableQuery({ sql, params }: SqlQuery, prefix = 'leadloop_p'): VariableQuery {
  const names = params.map((_, i) => `${prefix}${i}`);
  let out = '';
  let next = 0;
  // Placeholders are the ? outside string literals, quoted identifiers and comments.
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i] as string;
    if (c === "'" || c === '"') {
      const end = closingQuote(sql, i, c);
      out += sql.slice(i, end + 1);
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length - 1 : end;
      out += sql.slice(i, stop + 1);
      i = stop;
    } else if (c === '?') {
      if (next >= names.length) throw new Error('The query has more placeholders than values');
      out += `getvariable('${names[next++]}')`;
    } else {
      out += c;
    }
  }
  if (next !== names.length) throw new Error(`The query has ${next} placeholders for ${names.length} values`);
  return { assignments: names.map((name, i) => ({ sql: `SET VARIABLE ${name} = ?`, value: params[i] ?? null })), sql: out };
}

/** Index of the quote that closes the literal opened at `start` ('' and "" are escaped quotes). */
function closingQuote(sql: string, start: number, quote: string): number {
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] !== quote) continue;
    if (sql[i + 1] === quote) i++;
    else return i;
  }
  throw new Error('The query has an unterminated quote');
}
